// verbatim-search on hostile queries: unbalanced quotes and parentheses, operators alone,
// 100,000-character queries, 5,000 words, unknown fields, wildcard explosions, deep nesting,
// control characters, invalid UTF-8, empty queries, impossible dates. Each gives results
// (exit 0 or 1) or one clear line on stderr (exit 2); never a signal, never a hang: each query
// well within a few seconds, alone and in one --batch process for all of them.

#include "e2e_support.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using test::json_lines;

// Longer in a sanitizer build (test_config.hpp).
constexpr int kTimeout = 20 * test::kSlowdown;             // seconds: a hang shows as exit status 124
constexpr double kFewSeconds = 5.0 * test::kSlowdown;      // CPU seconds one query may take, however hostile
constexpr std::size_t kLongestError = 2000;

struct GuardedResult : test::ProgramResult {
    double seconds = 0;      // wall time
    double cpu_seconds = -1; // user + system time of the program (-1: not measured); unlike the
                             // wall time, it does not grow when ctest -j runs other tests beside it
    long peak_kb = -1;       // -1: not measured
    bool timed_out() const { return status == 124; }
    double busy_seconds() const { return cpu_seconds < 0 ? seconds : cpu_seconds; }
};

// A program run under `timeout`, with wall time and, where /usr/bin/time exists, peak memory.
GuardedResult run_guarded(const std::string& program, const std::vector<std::string>& args, int timeout_s,
                          const std::string& stdin_text = "") {
    test::TempDir io;
    const bool have_time = fs::exists("/usr/bin/time");
    std::string command = "timeout -k 5 " + std::to_string(timeout_s) + " ";
    if (have_time) command += "/usr/bin/time -f '%M %U %S' -o " + test::shell_quote((io / "peak").string()) + " ";
    command += test::shell_quote(std::string(test::kBinDir) + "/" + program);
    for (const auto& a : args) {
        command += ' ';
        command += test::shell_quote(a);
    }
    std::ofstream(io / "stdin", std::ios::binary) << stdin_text;
    command += " <" + test::shell_quote((io / "stdin").string()) + " >" + test::shell_quote((io / "out").string()) +
               " 2>" + test::shell_quote((io / "err").string());
    const auto started = std::chrono::steady_clock::now();
    const int raw = std::system(command.c_str());
    GuardedResult r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : WIFSIGNALED(raw) ? 128 + WTERMSIG(raw) : -1;
    r.out = test::slurp(io / "out");
    r.err = test::slurp(io / "err");
    if (have_time) {
        // GNU time writes "Command exited with non-zero status N" before the figures.
        std::istringstream in(test::slurp(io / "peak"));
        for (std::string line; std::getline(in, line);) {
            std::istringstream figures(line);
            long kb = 0;
            double user = 0, system = 0;
            if (figures >> kb >> user >> system) {
                r.peak_kb = kb;
                r.cpu_seconds = user + system;
            }
        }
    }
    return r;
}

std::string printable(const std::string& s, std::size_t max = 120) {
    std::string out;
    for (unsigned char c : s.substr(0, max)) {
        if (c >= 0x20 && c < 0x7f) out.push_back(static_cast<char>(c));
        else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    return s.size() > max ? out + "… (" + std::to_string(s.size()) + " bytes)" : out;
}

std::string dump(const GuardedResult& r) {
    return "exit " + std::to_string(r.status) + " after " + std::to_string(r.seconds) + " s (" +
           std::to_string(r.cpu_seconds) + " s CPU)\n--- stderr:\n" +
           printable(r.err, 2000) + "\n--- stdout (start):\n" + r.out.substr(0, 1000);
}

std::string repeat(const std::string& s, std::size_t n, const std::string& between = "") {
    std::string out;
    out.reserve(n * (s.size() + between.size()));
    for (std::size_t i = 0; i < n; ++i) out += (i ? between : "") + s;
    return out;
}

// Words of the sample corpus and words no index holds, in a fixed pseudo-random order.
std::string words(std::size_t n, bool known) {
    static const char* vocabulary[] = {"border", "trade", "region", "governor", "said", "water", "grant",
                                       "forum", "youth", "grain", "terminal", "winter", "energy", "parliament"};
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        if (i) out += ' ';
        out += known ? std::string(vocabulary[(i * 5 + i / 3) % 14]) : "qzx" + std::to_string(i * 7919 % 100003) + "vwk";
    }
    return out;
}

// What any query may do: finish in time, not die, and either answer or say clearly why not.
void expect_handled(const GuardedResult& r, const std::string& query) {
    const std::string what = "query '" + printable(query) + "'\n" + dump(r);
    EXPECT_FALSE(r.timed_out()) << "hang: " << what;
    EXPECT_TRUE(r.status == 0 || r.status == 1 || r.status == 2) << "exit 0, 1 or 2, never a signal: " << what;
    EXPECT_LT(r.busy_seconds(), kFewSeconds) << "one query takes a few seconds at most: " << what;
    if (r.status == 2) {
        ASSERT_FALSE(r.err.empty()) << "an error says why: " << what;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << what;
        EXPECT_TRUE(r.err.starts_with("error: ") || r.err.starts_with("verbatim-search: ")) << what;
        EXPECT_LE(r.err.size(), kLongestError) << "a clear message, not the query echoed back: " << what;
    } else if (r.status == 0) {
        EXPECT_FALSE(json_lines(r).empty()) << what;
    }
}

class HostileQuery : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new test::TempDir;
        const auto built = test::run_program(
            "verbatim-index", {"build", "-q", "--index", index(), std::string(test::kDataDir) + "/sample"});
        ASSERT_EQ(built.status, 0) << built.err;
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static std::string index() { return (s_dir->path() / "index").string(); }

    // The query after "--", so that one starting with '-' is a query, not an option.
    static GuardedResult search(const std::string& query, std::vector<std::string> options = {}) {
        std::vector<std::string> args = {"--index", index(), "--format", "jsonl", "--limit", "5"};
        args.insert(args.end(), options.begin(), options.end());
        args.push_back("--");
        args.push_back(query);
        return run_guarded("verbatim-search", args, kTimeout);
    }
    static GuardedResult batch(const std::string& queries, int timeout_s = 60 * test::kSlowdown) {
        return run_guarded("verbatim-search", {"--index", index(), "--batch", "--limit", "3"}, timeout_s, queries);
    }
    static test::TempDir* s_dir;
};

test::TempDir* HostileQuery::s_dir = nullptr;

// ---------------------------------------------------------------------------------------------

enum class Expect { anything, hits, error };

struct QueryCase {
    const char* name;
    std::string query;
    Expect expect = Expect::anything;
    const char* known_bug = nullptr;
};

std::vector<QueryCase> query_cases() {
    return {
        {"UnbalancedQuote", "\"Brest Region", Expect::hits},  // a phrase to the end of the query
        {"UnbalancedQuoteAlone", "\""},
        {"UnbalancedQuotes", "\"border \"trade \"grain"},
        {"UnbalancedOpenParenthesis", "(border trade", Expect::hits},
        {"UnbalancedCloseParenthesis", "border trade)", Expect::hits},
        {"ParenthesesAlone", "()"},
        {"AndAlone", "AND"},
        {"OrOrNot", "OR OR NOT"},
        {"NotAlone", "NOT"},
        {"MinusAlone", "-"},
        {"PlusAlone", "+"},
        {"OperatorsOnly", "AND OR NOT XOR NEAR ADJ + - ( ) \""},
        {"OneHundredThousandCharacters", std::string(100'000, 'a')},
        {"OneHundredThousandCharactersOfWords", repeat("border", 14'286, " ").substr(0, 100'000), Expect::hits},
        {"FiveThousandWords", words(5'000, true), Expect::hits},
        {"FiveThousandUnknownWords", words(5'000, false), Expect::anything},
        {"ThousandsOfPhrases", repeat("\"border trade ", 5'000), Expect::error},  // at most 64 phrases
        {"UnknownField", "nosuchfield:value"},
        {"UnknownFieldWithAKnownWord", "nosuchfield:border"},
        {"FieldWithoutName", ":border"},
        {"WildcardA", "a*", Expect::hits},
        {"WildcardStar", "*"},
        {"WildcardStars", "** *** a** *a"},
        {"FiveHundredWildcards", repeat("a*", 500, " ")},
        {"ThousandDeepParentheses", repeat("(", 1000) + "border" + repeat(")", 1000), Expect::hits},
        {"FiftyThousandDeepParentheses", repeat("(", 50'000) + "border" + repeat(")", 50'000)},
        {"ThousandOpenParentheses", repeat("(", 1000)},
        {"ThousandNestedNots", repeat("NOT (", 1000) + "border" + repeat(")", 1000)},
        {"ThousandNestedPhraseAndParentheses", repeat("(\"border ", 1000)},
        {"ControlCharacters", "\x01" "border\x7f\ttrade\x02"},
        {"ControlCharactersOnly", "\x01\x02\x03\x7f\x1b"},
        {"TerminalEscape", "\x1b[31mborder\x1b[0m"},
        {"Tabs", "\tborder\t\ttrade\t"},
        {"InvalidUtf8", "\xff\xfe border \xc3"},
        {"InvalidUtf8Only", "\xc0\xaf\xed\xa0\x80\xff"},
        {"EmptyQuery", ""},
        {"BlankQuery", "  \t  "},
        {"ImpossibleDate", "date:2024-13-45", Expect::error},
        {"DateDotsOnly", "date:.."},
        {"EmptyDate", "date:"},
        {"ReversedDateRange", "date:2025-01-01..2024-01-01", Expect::error},
        {"DateWithGarbage", "date:2024-06-27T99:99 after:yesterday"},
        // These overflowed the stack in normalize_date()'s std::regex (fixed with 2726ce6).
        {"HugeDateValue", "date:" + std::string(100'000, 'x'), Expect::error},
        {"HugeAfterValue", "border after:2024-01-01T" + std::string(100'000, '0'), Expect::error},
        {"EmptyKind", "kind:"},
        {"UnknownKind", "kind:nope", Expect::error},
        {"EmptySource", "source:"},
        {"LiteralSeparator", "-- -border"},
        {"ExcludedWordsOnly", "-border -trade"},
        {"ManyOrs", repeat("border", 5'000, " OR ")},
        {"LongestTerm", "border " + std::string(300, 'z')},
    };
}

void PrintTo(const QueryCase& c, std::ostream* os) { *os << c.name; }

class HostileQueries : public HostileQuery, public ::testing::WithParamInterface<QueryCase> {};

TEST_P(HostileQueries, AnswerOrOneClearErrorWithinAFewSeconds) {
    const QueryCase& c = GetParam();
    if (c.known_bug) GTEST_SKIP() << "known bug: " << c.known_bug;
    const auto r = search(c.query);
    expect_handled(r, c.query);
    if (c.expect == Expect::hits) {
        EXPECT_EQ(r.status, 0) << "a sensible fallback finds something\n" << dump(r);
    } else if (c.expect == Expect::error) {
        EXPECT_EQ(r.status, 2) << dump(r);
    }
}

TEST_P(HostileQueries, TextOutputToo) {
    const QueryCase& c = GetParam();
    if (c.known_bug) GTEST_SKIP() << "known bug: " << c.known_bug;
    const auto r = run_guarded("verbatim-search", {"--index", index(), "--limit", "2", "--", c.query}, kTimeout);
    EXPECT_FALSE(r.timed_out()) << dump(r);
    EXPECT_TRUE(r.status == 0 || r.status == 1 || r.status == 2) << dump(r);
}

INSTANTIATE_TEST_SUITE_P(Cases, HostileQueries, ::testing::ValuesIn(query_cases()),
                         [](const ::testing::TestParamInfo<QueryCase>& p) { return std::string(p.param.name); });

// One process for all of them: every line answered or an error line, and the batch goes on.
TEST_F(HostileQuery, BatchAnswersEveryLineAndGoesOn) {
    std::string input;
    std::vector<std::string> expected_errors;
    for (const auto& c : query_cases()) {
        if (c.known_bug || c.query.find('\n') != std::string::npos || c.query.empty()) continue;
        input += c.query + "\n";
        if (c.expect == Expect::error) expected_errors.push_back(c.query);
    }
    input += "border\n";  // the last line: still answered
    const auto r = batch(input);
    EXPECT_FALSE(r.timed_out()) << dump(r);
    EXPECT_TRUE(r.status == 0 || r.status == 1) << dump(r);
    EXPECT_LT(r.busy_seconds(), 20.0 * test::kSlowdown) << dump(r);
    const auto lines = json_lines(r);
    ASSERT_FALSE(lines.empty()) << dump(r);
    std::vector<std::string> errors;
    for (const auto& j : lines) {
        ASSERT_TRUE(j.contains("query")) << j.dump().substr(0, 300);
        if (j.contains("error")) {
            errors.push_back(j.at("query").get<std::string>());
            EXPECT_LE(j.at("error").get<std::string>().size(), kLongestError);
        }
    }
    for (const auto& q : expected_errors)
        EXPECT_NE(std::find(errors.begin(), errors.end(), q), errors.end()) << "no error line for '" << printable(q) << "'";
    EXPECT_EQ(lines.back().at("query"), "border") << "the batch went on to the end";
    EXPECT_FALSE(lines.back().contains("error"));
}

TEST_F(HostileQuery, BatchWithNulAndControlBytesInLines) {
    const std::string input = std::string("bor\0der\n", 8) + "\x01\x02\n\r\n\x1b[2J\n" + "border\r\n" + "border\n";
    const auto r = batch(input);
    EXPECT_FALSE(r.timed_out()) << dump(r);
    EXPECT_TRUE(r.status == 0 || r.status == 1) << dump(r);
    const auto lines = json_lines(r);
    ASSERT_FALSE(lines.empty()) << dump(r);
    EXPECT_EQ(lines.back().at("query"), "border");
}

// ---------------------------------------------------------------------------------------------
// Regressions found by fuzzing (tests/fuzz/regressions/).

std::vector<std::string> regression_lines(const std::string& name) {
    const fs::path p = fs::path(test::kSourceDir) / "tests" / "fuzz" / "regressions" / name;
    std::vector<std::string> out;
    std::istringstream in(test::slurp(p));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    EXPECT_FALSE(out.empty()) << "missing " << p;
    return out;
}

TEST_F(HostileQuery, RefusedFieldValueAfterPlusOrMinusDoesNotCrash) {
    for (const auto& query : regression_lines("fuzz_query-crash-signed-refused-field.txt")) {
        const auto r = search(query);
        expect_handled(r, query);
        EXPECT_EQ(r.status, 2) << "refused with a clear error\n" << dump(r);
    }
    // The fuzzer's own input, as found.
    const std::string found = test::slurp(fs::path(test::kSourceDir) / "tests" / "fuzz" / "regressions" /
                                          "fuzz_query-crash-fcd57333b2a0687171a7ea4c15a88d41bde4bbb2");
    ASSERT_FALSE(found.empty());
    expect_handled(search(found), found);
    // One bad line in a batch is an error line, and the batch goes on.
    std::string input;
    for (const auto& query : regression_lines("fuzz_query-crash-signed-refused-field.txt")) input += query + "\nborder\n";
    const auto r = batch(input);
    EXPECT_EQ(r.status, 0) << dump(r);
    const auto lines = json_lines(r);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.back().at("query"), "border");
}

// Under the sanitizers peak memory is not the program's own (shadow memory, quarantine), but
// LeakSanitizer looks at every exit: a batch of each regression query must end without a report.
void expect_no_leak_report(const std::string& index, const std::string& regression) {
    std::string input;
    for (const auto& query : regression_lines(regression))
        for (int i = 0; i < 100; ++i) input += query + "\n";
    const auto r = run_guarded("verbatim-search", {"--index", index, "--batch"}, kTimeout * 3, input);
    EXPECT_TRUE(r.status == 0 || r.status == 1) << "86: a sanitizer report\n" << dump(r);
    EXPECT_EQ(r.err.find("LeakSanitizer"), std::string::npos) << dump(r);
}

TEST_F(HostileQuery, RefusedQueriesDoNotLeak) {
    if (test::kSanitized) return expect_no_leak_report(index(), "fuzz_query-leak-refused-field.txt");
    if (!fs::exists("/usr/bin/time")) GTEST_SKIP() << "no /usr/bin/time to measure memory";
    for (const auto& query : regression_lines("fuzz_query-leak-refused-field.txt")) {
        auto peak = [&](std::size_t n) {
            std::string input;
            for (std::size_t i = 0; i < n; ++i) input += query + "\n";
            const auto r = batch(input, 120);
            EXPECT_FALSE(r.timed_out()) << dump(r);
            return r.peak_kb;
        };
        const long small = peak(1'000), large = peak(100'000);
        EXPECT_LT(large - small, 4L * 1024) << "'" << query << "': " << small / 1024 << " MB for 1,000 queries, "
                                            << large / 1024 << " MB for 100,000";
    }
}

TEST_F(HostileQuery, ManyQueriesInOneProcessDoNotLeak) {
    if (test::kSanitized) return expect_no_leak_report(index(), "fuzz_query-leak-query-builder.txt");
    if (!fs::exists("/usr/bin/time")) GTEST_SKIP() << "no /usr/bin/time to measure memory";
    const std::string query = regression_lines("fuzz_query-leak-query-builder.txt").front();
    auto peak = [&](std::size_t n) {
        std::string input;
        for (std::size_t i = 0; i < n; ++i) input += query + "\n";
        const auto r = batch(input, 120);
        EXPECT_FALSE(r.timed_out()) << dump(r);
        return r.peak_kb;
    };
    const long small = peak(1'000), large = peak(200'000);
    EXPECT_LT(large - small, 2L * 1024) << small / 1024 << " MB for 1,000 queries, " << large / 1024 << " MB for 200,000";
}

// ---------------------------------------------------------------------------------------------
// Wildcard explosions on an index whose words share a prefix: expansion is bounded.

class WildcardExplosion : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new test::TempDir;
        // 40,000 distinct words starting with 'a', 50 to a line.
        const std::string letters = "bcdfghjklmnpqrstvwxz";
        std::string text = "Title: Word list\nDate: 2024-01-01\n---\n";
        std::size_t n = 0;
        for (char b : letters)
            for (char c : letters)
                for (char d : letters)
                    for (char e : letters) {
                        if (n == 40'000) break;
                        text += n % 50 ? " a" : "The clerk listed a";
                        text += std::string{b, c, d, e};
                        if (++n % 50 == 0) text += ".\n";
                    }
        const fs::path corpus = s_dir->path() / "corpus";
        fs::create_directories(corpus);
        std::ofstream(corpus / "words.txt") << text << ".\n";
        const auto built = test::run_program("verbatim-index", {"build", "-q", "--index", index(), corpus.string()});
        ASSERT_EQ(built.status, 0) << built.err;
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static std::string index() { return (s_dir->path() / "index").string(); }
    static GuardedResult search(const std::string& query, std::vector<std::string> options = {}) {
        std::vector<std::string> args = {"--index", index(), "--format", "jsonl", "--limit", "5"};
        args.insert(args.end(), options.begin(), options.end());
        args.push_back("--");
        args.push_back(query);
        return run_guarded("verbatim-search", args, kTimeout);
    }
    static test::TempDir* s_dir;
};

test::TempDir* WildcardExplosion::s_dir = nullptr;

TEST_F(WildcardExplosion, OneWildcardOverFortyThousandWords) {
    for (const std::string query : {"a*", "a* clerk", "\"clerk a*\"", "a* OR b*", "NOT a*"}) {
        const auto r = search(query);
        expect_handled(r, query);
    }
    const auto counted = search("a*", {"--count"});
    expect_handled(counted, "a* --count");
    const auto faceted = search("a*", {"--facets", "speaker,year"});
    expect_handled(faceted, "a* --facets");
}

TEST_F(WildcardExplosion, ManyWildcardsOverFortyThousandWords) {
    for (std::size_t n : {20u, 50u, 500u}) {
        const std::string query = repeat("a*", n, " ");
        expect_handled(search(query), query);
    }
}

}  // namespace
}  // namespace verbatim
