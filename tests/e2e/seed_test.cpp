// The two programs on the team's seed document (/work/shared/seeds): extract, build, search.
// Skipped when the team folder is absent.

#include "e2e_support.hpp"

#include <filesystem>
#include <memory>
#include <set>

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using test::json_lines;
using test::run_program;

std::string seeds_dir() { return (fs::path(test::kSharedDir) / "seeds").string(); }
std::string seed_file() { return (fs::path(seeds_dir()) / "000_e714f074dfea6daf.txt").string(); }

class Seed : public ::testing::Test {
protected:
    // One index of the seeds folder for the suite (each ctest process builds its own: ~50 ms).
    static void SetUpTestSuite() {
        if (!test::kHaveShared) return;
        s_dir = std::make_unique<test::TempDir>();
        s_build = std::make_unique<test::ProgramResult>(
            run_program("verbatim-index", {"build", "--index", index(), seeds_dir()}));
    }
    static void TearDownTestSuite() {
        s_build.reset();
        s_dir.reset();
    }
    void SetUp() override {
        VERBATIM_REQUIRE_SHARED();
        ASSERT_EQ(s_build->status, 0) << test::dump_for_failure(*s_build);
    }
    static std::string index() { return (*s_dir / "index").string(); }
    static test::ProgramResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {"--index", index()});
        return run_program("verbatim-search", args);
    }
    static std::size_t statement_count() {
        const auto r = search({"--format", "jsonl", "--limit", "10000", ""});  // empty query: everything
        EXPECT_EQ(r.status, 0) << test::dump_for_failure(r);
        return json_lines(r).size();
    }
    static inline std::unique_ptr<test::TempDir> s_dir;
    static inline std::unique_ptr<test::ProgramResult> s_build;
};

TEST_F(Seed, ExtractGivesAttributedStatementsWithEveryField) {
    const auto r = run_program("verbatim-index", {"extract", seed_file()});
    ASSERT_EQ(r.status, 0) << test::dump_for_failure(r);
    const auto statements = json_lines(r);
    EXPECT_GE(statements.size(), 30u);
    std::size_t quotes = 0;
    for (const auto& s : statements) {
        for (auto key : test::kStatementKeys)
            EXPECT_TRUE(s.contains(std::string(key))) << "missing '" << key << "' in " << s.dump();
        EXPECT_EQ(s.at("source"), seed_file());
        EXPECT_FALSE(s.at("text").get<std::string>().empty());
        EXPECT_LE(s.at("start").get<std::size_t>(), s.at("end").get<std::size_t>());
        if (s.at("kind") == "quote") {
            ++quotes;
            EXPECT_FALSE(s.at("speaker").get<std::string>().empty()) << "quote without speaker: " << s.at("text");
        }
    }
    EXPECT_GE(quotes, 5u);
}

TEST_F(Seed, ExtractIsDeterministic) {
    const auto first = run_program("verbatim-index", {"extract", seed_file()});
    const auto second = run_program("verbatim-index", {"extract", seed_file()});
    ASSERT_EQ(first.status, 0);
    ASSERT_EQ(second.status, 0);
    std::vector<std::string> ids_first, ids_second;
    for (const auto& s : json_lines(first)) ids_first.push_back(s.at("id"));
    for (const auto& s : json_lines(second)) ids_second.push_back(s.at("id"));
    EXPECT_EQ(ids_first, ids_second);
    EXPECT_EQ(std::set<std::string>(ids_first.begin(), ids_first.end()).size(), ids_first.size()) << "duplicate ids";
    EXPECT_EQ(first.out, second.out);
}

TEST_F(Seed, PhraseFindsExactlyTheTwoMatvienkoQuotes) {
    const auto r = search({"--format", "jsonl", "\"twice as strong\""});
    ASSERT_EQ(r.status, 0) << test::dump_for_failure(r);
    const auto hits = json_lines(r);
    ASSERT_EQ(hits.size(), 2u) << r.out;
    for (const auto& h : hits) {
        EXPECT_EQ(h.at("speaker"), "Valentina Matvienko") << h.dump();
        EXPECT_NE(h.at("text").get<std::string>().find("twice as strong"), std::string::npos);
        EXPECT_EQ(h.at("kind"), "quote");
    }
    EXPECT_EQ(hits[0].at("rank"), 1);
    EXPECT_EQ(hits[1].at("rank"), 2);
    EXPECT_NE(hits[0].at("id"), hits[1].at("id"));
}

TEST_F(Seed, SpeakerFieldFindsOnlyThatSpeaker) {
    const auto r = search({"--format", "jsonl", "speaker:Anokhin"});
    ASSERT_EQ(r.status, 0) << test::dump_for_failure(r);
    const auto hits = json_lines(r);
    ASSERT_FALSE(hits.empty());
    for (const auto& h : hits) EXPECT_EQ(h.at("speaker"), "Vasily Anokhin") << h.dump();
}

TEST_F(Seed, KindFilter) {
    const auto all = json_lines(search({"--format", "jsonl", "--limit", "100", "regions"}));
    std::set<std::string> kinds;
    for (const auto& h : all) kinds.insert(h.at("kind"));
    ASSERT_GT(kinds.size(), 1u) << "the query should match more than one kind for the filter to matter";

    const auto r = search({"--format", "jsonl", "--limit", "100", "--kind", "quote", "regions"});
    ASSERT_EQ(r.status, 0) << test::dump_for_failure(r);
    const auto quotes = json_lines(r);
    ASSERT_FALSE(quotes.empty());
    EXPECT_LT(quotes.size(), all.size());
    for (const auto& h : quotes) EXPECT_EQ(h.at("kind"), "quote") << h.dump();
    // kind: in the query text does the same.
    EXPECT_EQ(json_lines(search({"--format", "jsonl", "--limit", "100", "kind:quote regions"})).size(), quotes.size());
}

TEST_F(Seed, TextFormatForPeople) {
    const auto r = search({"\"twice as strong\""});
    ASSERT_EQ(r.status, 0) << test::dump_for_failure(r);
    EXPECT_EQ(r.out.rfind("1. ", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("Valentina Matvienko"), std::string::npos);
    EXPECT_NE(r.out.find("2. "), std::string::npos);
}

TEST_F(Seed, NoHitExitsOne) {
    const auto r = search({"--format", "jsonl", "zzyzxqqq"});
    EXPECT_EQ(r.status, 1) << test::dump_for_failure(r);
    EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_F(Seed, BadOptionExitsTwo) {
    const auto r = search({"--no-such-option", "regions"});
    EXPECT_EQ(r.status, 2) << test::dump_for_failure(r);
    EXPECT_NE(r.err.find("no-such-option"), std::string::npos) << r.err;
    EXPECT_EQ(search({"--format", "xml", "regions"}).status, 2);
    EXPECT_EQ(search({"kind:bogus"}).status, 2);
    EXPECT_EQ(run_program("verbatim-index", {"extract", "--no-such-option", seed_file()}).status, 2);
    EXPECT_EQ(run_program("verbatim-index", {"frobnicate"}).status, 2);
}

TEST_F(Seed, DoubleDashTakesTheRestLiterally) {
    const auto r = search({"--format", "jsonl", "--", "-foo"});
    EXPECT_TRUE(r.status == 0 || r.status == 1) << test::dump_for_failure(r);
}

TEST_F(Seed, BuildingTwiceKeepsTheSameStatements) {
    const auto extracted = json_lines(run_program("verbatim-index", {"extract", seeds_dir()})).size();
    const std::size_t before = statement_count();
    EXPECT_EQ(before, extracted);
    const auto again = run_program("verbatim-index", {"build", "--index", index(), seeds_dir()});
    ASSERT_EQ(again.status, 0) << test::dump_for_failure(again);
    EXPECT_EQ(statement_count(), before);
    const auto hits = json_lines(search({"--format", "jsonl", "\"twice as strong\""}));
    EXPECT_EQ(hits.size(), 2u);
}

TEST_F(Seed, MissingIndexIsAnError) {
    const auto r = run_program("verbatim-search", {"--index", (*s_dir / "no-index").string(), "regions"});
    EXPECT_EQ(r.status, 2) << test::dump_for_failure(r);
    EXPECT_FALSE(r.err.empty());
}

}  // namespace
}  // namespace verbatim
