// corpus::read_jsonl_file: articles (format 2) and attributed statements (format 3), bad
// lines reported with their line number while the good ones still come through.

#include "temp_dir.hpp"

#include <verbatim/corpus/readers.hpp>

#include "collected.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace verbatim {
namespace {

using test::Paragraphs;
using test::Read;

class JsonlReader : public ::testing::Test {
protected:
    Read read(const std::string& content) {
        const auto path = (m_dir / "input.jsonl").string();
        std::ofstream(path, std::ios::binary) << content;
        Read r;
        corpus::read_jsonl_file(path, r.documents_sink(), r.problems_sink());
        for (const auto& p : r.problems) EXPECT_EQ(p.file, path);
        return r;
    }
    test::TempDir m_dir;
};

TEST_F(JsonlReader, ArticlesBecomeDocuments) {
    const auto r = read(
        R"({"id": "ferry-1", "title": "Ferry keeps its evening crossing", "date": "2024-06-27", "url": "https://example.org/1", "source": "Harbour Gazette", "location": "Portree", "text": "The council voted.\n\nThe harbour master welcomed it."})"
        "\n"
        R"({"headline": "Bridge opens", "date": "June 3, 2024", "link": "https://example.org/2", "body": "The bridge opened on Monday."})"
        "\n");
    ASSERT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.documents.size(), 2u);
    const auto& a = r.documents[0];
    EXPECT_EQ(a.key, "ferry-1");
    EXPECT_EQ(a.line, 1u);
    EXPECT_EQ(a.title, "Ferry keeps its evening crossing");
    EXPECT_EQ(a.date, "2024-06-27");
    EXPECT_EQ(a.url, "https://example.org/1");
    EXPECT_EQ(a.publisher, "Harbour Gazette");
    EXPECT_EQ(a.location, "Portree");
    EXPECT_EQ(a.paragraphs, (Paragraphs{"The council voted.", "The harbour master welcomed it."}));
    EXPECT_TRUE(a.preset.empty());
    const auto& b = r.documents[1];
    EXPECT_EQ(b.key, "line2");  // no id: the line names the item
    EXPECT_EQ(b.line, 2u);
    EXPECT_EQ(b.title, "Bridge opens");
    EXPECT_EQ(b.date, "2024-06-03");
    EXPECT_EQ(b.url, "https://example.org/2");
    EXPECT_EQ(b.paragraphs, (Paragraphs{"The bridge opened on Monday."}));
    EXPECT_NE(a.id(), b.id());
}

TEST_F(JsonlReader, StatementsFillThePreset) {
    const auto r = read(
        R"({"text": "We will  keep the crossing.", "speaker": "Mairi Ross", "role": "Harbour Master", "organization": "Portree Harbour", "region": "Highland", "country": "United Kingdom", "date": "27 June 2024", "source": "Harbour Gazette", "kind": "quote"})"
        "\n"
        R"({"text": "The council voted to keep it.", "speaker": "", "kind": "narrative"})"
        "\n"
        R"({"text": "The crossing serves shift workers.", "speaker": "Mairi Ross", "kind": "reported"})"
        "\n"
        R"({"text": "It runs at nine.", "speaker": "Mairi Ross"})"
        "\n"
        R"({"text": "Nobody said this.", "kind": "narrative", "title": "Own title"})"
        "\n");
    ASSERT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.documents.size(), 1u);  // consecutive statements form one document
    const auto& d = r.documents[0];
    EXPECT_EQ(d.line, 1u);
    EXPECT_EQ(d.key, "line1");
    ASSERT_EQ(d.preset.size(), 5u);
    EXPECT_EQ(d.paragraphs.size(), 5u);

    const Statement& first = d.preset[0];
    EXPECT_EQ(first.text, "We will keep the crossing.");  // white space squeezed
    EXPECT_EQ(first.speaker, "Mairi Ross");
    EXPECT_EQ(first.role, "Harbour Master");
    EXPECT_EQ(first.organisation, "Portree Harbour");  // US spelling accepted
    EXPECT_EQ(first.region, "Highland");
    EXPECT_EQ(first.country, "United Kingdom");
    EXPECT_EQ(first.date, "2024-06-27");
    EXPECT_EQ(first.title, "Harbour Gazette");  // "source" stands in for the title
    EXPECT_EQ(first.kind, Kind::quote);
    EXPECT_DOUBLE_EQ(first.confidence, 1.0);

    EXPECT_EQ(d.preset[1].kind, Kind::narrative);
    EXPECT_EQ(d.preset[1].speaker, "");
    EXPECT_EQ(d.preset[2].kind, Kind::reported);
    EXPECT_EQ(d.preset[3].kind, Kind::quote);      // no kind, a speaker: a quote
    EXPECT_EQ(d.preset[4].kind, Kind::narrative);  // no speaker
    EXPECT_EQ(d.preset[4].title, "Own title");
}

TEST_F(JsonlReader, IntegerInAStringFieldIsTakenAsText) {
    // Documented in jsonl_reader.cpp: "number → its text" (ids are often numbers).
    const auto r = read(R"({"id": 17, "title": "Numbered", "text": "Body."})" "\n");
    ASSERT_TRUE(r.problems.empty());
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].key, "17");
}

TEST_F(JsonlReader, EachBadLineIsOneProblemWithItsLineNumber) {
    std::string deep = R"({"text": "Too deep.", "extra": )";
    for (int i = 0; i < 100; ++i) deep += "[";
    for (int i = 0; i < 100; ++i) deep += "]";
    deep += "}";
    const std::string content = R"({"title": "Good one", "text": "First good article."})"
                                "\n"
                                R"({"title": "Broken", "text": "unclosed)"  // 2: malformed
                                "\n"
                                "null\n"                                     // 3: not an object
                                "[1, 2, 3]\n"                                // 4: not an object
                                R"({"title": 2.5, "text": "Float title."})"  // 5: not a string
                                "\n"
                                "\n"                                         // 6: blank, ignored
                                + deep +                                     // 7: 100 levels
                                "\n"
                                R"({"title": true, "text": "Boolean title."})"  // 8: not a string
                                "\n"
                                "{\"text\": \"bad byte \xC3\x28\"}\n"         // 9: invalid UTF-8
                                R"({"title": "No text"})"                    // 10: article without text
                                "\n"
                                R"({"title": "Good two", "text": "Second good article."})"
                                "\n";
    const auto r = read(content);
    std::vector<std::size_t> lines;
    for (const auto& p : r.problems) {
        lines.push_back(p.line);
        EXPECT_EQ(p.severity, corpus::Severity::problem);
    }
    EXPECT_EQ(lines, (std::vector<std::size_t>{2, 3, 4, 5, 7, 8, 9, 10}));
    ASSERT_EQ(r.documents.size(), 2u);
    EXPECT_EQ(r.documents[0].title, "Good one");
    EXPECT_EQ(r.documents[0].line, 1u);
    EXPECT_EQ(r.documents[1].title, "Good two");
    EXPECT_EQ(r.documents[1].line, 11u);
}

TEST_F(JsonlReader, BadLinesAmongStatementsDoNotStopTheRest) {
    const auto r = read(R"({"text": "One.", "speaker": "Mairi Ross"})"
                        "\n"
                        "{oops\n"
                        R"({"text": "", "speaker": "Mairi Ross"})"  // statement without text
                        "\n"
                        R"({"text": "Two.", "speaker": "Mairi Ross"})"
                        "\n");
    std::vector<std::size_t> lines;
    for (const auto& p : r.problems) lines.push_back(p.line);
    EXPECT_EQ(lines, (std::vector<std::size_t>{2, 3}));
    ASSERT_EQ(r.documents.size(), 1u);
    ASSERT_EQ(r.documents[0].preset.size(), 2u);
    EXPECT_EQ(r.documents[0].preset[0].text, "One.");
    EXPECT_EQ(r.documents[0].preset[1].text, "Two.");
}

TEST_F(JsonlReader, ImpossibleArticleDateIsAProblemButTheArticleStays) {
    const auto r = read(R"({"title": "Leap", "date": "2023-02-29", "text": "Body."})" "\n");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 1u);
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].date, "");
}

TEST_F(JsonlReader, CrlfAndBomAreAccepted) {
    const auto r = read("\xEF\xBB\xBF{\"title\": \"A\", \"text\": \"Body one.\"}\r\n{\"title\": \"B\", \"text\": \"Body two.\"}\r\n");
    ASSERT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.documents.size(), 2u);
    EXPECT_EQ(r.documents[0].title, "A");
    EXPECT_EQ(r.documents[1].title, "B");
}

TEST_F(JsonlReader, MissingFileIsAProblem) {
    std::vector<corpus::Problem> problems;
    corpus::read_jsonl_file((m_dir / "absent.jsonl").string(), [](corpus::RawDocument&&) { FAIL(); },
                            [&](const corpus::Problem& p) { problems.push_back(p); });
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].line, 0u);
}

}  // namespace
}  // namespace verbatim
