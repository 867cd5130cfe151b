// corpus::read_csv_file: header row mapped by name, RFC 4180 quoting, row line numbers.

#include "temp_dir.hpp"

#include <verbatim/corpus/readers.hpp>

#include "collected.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace verbatim {
namespace {

using test::Paragraphs;
using test::Read;

class CsvReader : public ::testing::Test {
protected:
    Read read(const std::string& content, const corpus::CsvColumns& columns = {}) {
        const auto path = (m_dir / "export.csv").string();
        std::ofstream(path, std::ios::binary) << content;
        Read r;
        corpus::read_csv_file(path, columns, r.documents_sink(), r.problems_sink());
        return r;
    }
    test::TempDir m_dir;
};

std::vector<std::size_t> problem_lines(const Read& r) {
    std::vector<std::size_t> lines;
    for (const auto& p : r.problems) lines.push_back(p.line);
    return lines;
}

TEST_F(CsvReader, HeaderNamesMapToFields) {
    const auto r = read("headline,date,link,body\n"
                        "Ferry keeps its crossing,2024-06-27,https://example.org/1,The council voted.\n");
    ASSERT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.documents.size(), 1u);
    const auto& d = r.documents[0];
    EXPECT_EQ(d.title, "Ferry keeps its crossing");
    EXPECT_EQ(d.date, "2024-06-27");
    EXPECT_EQ(d.url, "https://example.org/1");
    EXPECT_EQ(d.paragraphs, (Paragraphs{"The council voted."}));
    EXPECT_EQ(d.line, 2u);
    EXPECT_EQ(d.key, "row2");
}

TEST_F(CsvReader, QuotedFieldsWithCommasQuotesAndNewlines) {
    const auto r = read("title,date,url,text\r\n"
                        "\"Ferry, bridge and road\",27 June 2024,https://example.org/1,"
                        "\"The council met.\nThe harbour master said: \"\"We are ready.\"\"\nThe vote was 7 to 2.\"\r\n"
                        "Second,2024-06-28,https://example.org/2,Short body.\r\n");
    ASSERT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.documents.size(), 2u);
    EXPECT_EQ(r.documents[0].title, "Ferry, bridge and road");
    EXPECT_EQ(r.documents[0].date, "2024-06-27");
    EXPECT_EQ(r.documents[0].paragraphs,
              (Paragraphs{"The council met.", "The harbour master said: \"We are ready.\"", "The vote was 7 to 2."}));
    EXPECT_EQ(r.documents[0].line, 2u);
    EXPECT_EQ(r.documents[1].title, "Second");
    EXPECT_EQ(r.documents[1].line, 5u);  // the first record spans lines 2-4
    EXPECT_NE(r.documents[0].id(), r.documents[1].id());
}

TEST_F(CsvReader, IdColumnNamesTheItem) {
    const auto r = read("id,text\nferry-7,Body one.\n,Body two.\n");
    ASSERT_EQ(r.documents.size(), 2u);
    EXPECT_EQ(r.documents[0].key, "ferry-7");
    EXPECT_EQ(r.documents[1].key, "row3");
}

TEST_F(CsvReader, ColumnOverrideChoosesTheTextColumn) {
    const std::string content = "title,body,content2\n"
                                "Ferry,Summary only.,The full text of the release.\n";
    const auto by_default = read(content);
    ASSERT_EQ(by_default.documents.size(), 1u);
    EXPECT_EQ(by_default.documents[0].paragraphs, (Paragraphs{"Summary only."}));

    const auto overridden = read(content, {{"text", "content2"}});
    ASSERT_TRUE(overridden.problems.empty());
    ASSERT_EQ(overridden.documents.size(), 1u);
    EXPECT_EQ(overridden.documents[0].paragraphs, (Paragraphs{"The full text of the release."}));
    EXPECT_EQ(overridden.documents[0].title, "Ferry");
}

TEST_F(CsvReader, MissingTextColumnIsAProblem) {
    const auto r = read("title,date,summary\nFerry,2024-06-27,Nothing to index here.\n");
    EXPECT_TRUE(r.documents.empty());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 1u);
    EXPECT_EQ(r.problems[0].severity, corpus::Severity::problem);

    const auto bad_override = read("title,body\nFerry,Text.\n", {{"text", "nonexistent"}});
    EXPECT_TRUE(bad_override.documents.empty());
    EXPECT_EQ(bad_override.problems.size(), 1u);
}

TEST_F(CsvReader, RunTogetherSentencesGetASpace) {
    const auto r = read("title,text\n"
                        "Ferry,\"The vote ended.The crossing stays.Everyone cheered!Then they left.\"\n");
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].paragraphs,
              (Paragraphs{"The vote ended. The crossing stays. Everyone cheered! Then they left."}));
}

TEST_F(CsvReader, RunTogetherRepairLeavesAbbreviationsAndNumbersAlone) {
    const auto r = read("title,text\nFerry,\"Costs rose 2.5 percent in the U.S. in 2024.\"\n");
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].paragraphs, (Paragraphs{"Costs rose 2.5 percent in the U.S. in 2024."}));
}

TEST_F(CsvReader, BadRowsAreProblemsWithTheirLine) {
    const auto r = read("title,date,text\n"
                        "Good,2024-06-27,Fine text.\n"
                        "Empty,2024-06-27,\n"            // line 3: no text
                        "Leap,2023-02-29,Leap text.\n"   // line 4: impossible date, kept
                        "Bytes,2024-06-27,bad \xC3\x28 byte\n"  // line 5: invalid UTF-8
                        "Last,2024-06-27,Last text.\n");
    EXPECT_EQ(problem_lines(r), (std::vector<std::size_t>{3, 4, 5}));
    ASSERT_EQ(r.documents.size(), 3u);
    EXPECT_EQ(r.documents[0].title, "Good");
    EXPECT_EQ(r.documents[1].title, "Leap");
    EXPECT_EQ(r.documents[1].date, "");
    EXPECT_EQ(r.documents[2].title, "Last");
    EXPECT_EQ(r.documents[2].line, 6u);
}

TEST_F(CsvReader, BlankLinesCountInRowLineNumbers) {
    const auto r = read("title,text\n"
                        "\n"
                        "First,Body one.\n"
                        "\n"
                        "Second,Body two.\n");
    ASSERT_EQ(r.documents.size(), 2u);
    EXPECT_EQ(r.documents[0].line, 3u);
    EXPECT_EQ(r.documents[1].line, 5u);
}

TEST_F(CsvReader, BomBeforeTheHeaderIsIgnored) {
    const auto r = read("\xEF\xBB\xBFtext,title\nBody.,Ferry\n");
    ASSERT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].paragraphs, (Paragraphs{"Body."}));
}

// A quote that never closes would swallow every later record into one field: the record it
// opens in is a problem at the quote's line, and reading goes on at the line after.
std::vector<std::string> titles(const Read& r) {
    std::vector<std::string> out;
    for (const auto& d : r.documents) out.push_back(d.title);
    return out;
}

TEST_F(CsvReader, UnclosedQuoteSkipsItsRecordAndReadsOn) {
    const auto r = read("title,text\n"
                        "One,The first record.\n"
                        "Two,\"The second record never closes its quote.\n"  // line 3
                        "Three,The third record.\n"
                        "Four,The fourth record.\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 3u);
    EXPECT_NE(r.problems[0].message.find("never closed"), std::string::npos) << r.problems[0].message;
    EXPECT_EQ(titles(r), (std::vector<std::string>{"One", "Three", "Four"}));
    ASSERT_EQ(r.documents.size(), 3u);
    EXPECT_EQ(r.documents[1].paragraphs, (Paragraphs{"The third record."}));
    EXPECT_EQ(r.documents[1].line, 4u);
    EXPECT_EQ(r.documents[2].line, 5u);
}

TEST_F(CsvReader, UnclosedQuoteAfterAMultiLineFieldNamesItsOwnLine) {
    const auto r = read("title,text,location\n"
                        "One,\"Two lines\nof text.\",\"Brest\n"   // the quote before Brest opens on line 3
                        "Two,Second record.,Minsk\n"
                        "Three,Third record.,Pskov\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 3u);
    EXPECT_EQ(titles(r), (std::vector<std::string>{"Two", "Three"}));
    EXPECT_EQ(r.documents[0].line, 4u);
}

TEST_F(CsvReader, SeveralUnclosedQuotesEachAProblem) {
    const auto r = read("title,text\n"
                        "A,\"open\n"
                        "B,Kept b.\n"
                        "C,\"open again\n"
                        "D,Kept d.\n");
    // Line 2's quote swallows the rest (the quote on line 4 is text inside it, not its end); read
    // again from line 3, line 4's quote does the same; read again from line 5.
    EXPECT_EQ(problem_lines(r), (std::vector<std::size_t>{2, 4}));
    EXPECT_EQ(titles(r), (std::vector<std::string>{"B", "D"}));
}

TEST_F(CsvReader, UnclosedQuoteOnTheLastLine) {
    const auto r = read("title,text\nOne,Kept.\nTwo,\"never closed");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 3u);
    EXPECT_EQ(titles(r), (std::vector<std::string>{"One"}));
}

TEST_F(CsvReader, UnclosedQuoteInTheHeaderSkipsTheFile) {
    const auto r = read("title,\"text\nOne,Body.\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 1u);
    EXPECT_NE(r.problems[0].message.find("header"), std::string::npos) << r.problems[0].message;
    EXPECT_TRUE(r.documents.empty());
}

TEST_F(CsvReader, ManyUnclosedQuotesStopTheFileWithoutRereadingItForEver) {
    std::string content = "title,text\n";
    for (int i = 0; i < 1000; ++i) content += "T" + std::to_string(i) + ",\"open " + std::to_string(i) + "\n";
    const auto r = read(content);
    ASSERT_FALSE(r.problems.empty());
    EXPECT_LE(r.problems.size(), 22u);
    EXPECT_NE(r.problems.back().message.find("rest of file skipped"), std::string::npos) << r.problems.back().message;
}

// Under --strict the problem sink throws. The exception used to unwind through libcsv's C
// callbacks and leak the parser's buffer (found by LeakSanitizer in the sanitizer build); now
// it is thrown again after libcsv returns, with the parser freed.
TEST_F(CsvReader, AThrowingProblemSinkStopsTheFileCleanly) {
    for (const std::string& content : {std::string("title,date,text\nOne,2024-06-27,Kept.\nTwo,2023-02-29,Date.\nThree,,Never.\n"),
                                       std::string("title\nNo text column\n"),
                                       std::string("title,text\nOne,Kept.\nTwo,\"never closed\nThree,Never.\n")}) {
        const auto path = (m_dir / "strict.csv").string();
        std::ofstream(path, std::ios::binary) << content;
        std::vector<std::string> titles;
        EXPECT_THROW(corpus::read_csv_file(
                         path, {}, [&](corpus::RawDocument&& d) { titles.push_back(d.title); },
                         [](const corpus::Problem& p) { throw std::runtime_error(p.to_string()); }),
                     std::runtime_error)
            << content;
        EXPECT_TRUE(titles.empty() || titles == std::vector<std::string>{"One"}) << content;
    }
}

}  // namespace
}  // namespace verbatim
