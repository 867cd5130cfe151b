// corpus::read_text_file: optional "Key: value" header ended by "---", then paragraphs.

#include <verbatim/corpus/readers.hpp>

#include "collected.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

using test::Paragraphs;
using test::Read;

Read read_text(const std::string& path, std::string_view content) {
    Read r;
    corpus::read_text_file(path, content, r.documents_sink(), r.problems_sink());
    return r;
}

TEST(TextReader, HeaderFillsMetadata) {
    const auto r = read_text("press/ferry.txt",
                             "Title: Island ferry keeps its evening crossing\n"
                             "Date: 27 June 2024\n"
                             "URL: https://example.org/ferry\n"
                             "Source: Harbour Gazette\n"
                             "Location: Portree\n"
                             "---\n"
                             "The council voted to keep the evening crossing.\n"
                             "\u201cIt matters to shift workers,\u201d the harbour master said.\n");
    ASSERT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.documents.size(), 1u);
    const auto& d = r.documents[0];
    EXPECT_EQ(d.source, "press/ferry.txt");
    EXPECT_EQ(d.key, "");
    EXPECT_EQ(d.line, 1u);
    EXPECT_EQ(d.title, "Island ferry keeps its evening crossing");
    EXPECT_EQ(d.date, "2024-06-27");
    EXPECT_EQ(d.url, "https://example.org/ferry");
    EXPECT_EQ(d.publisher, "Harbour Gazette");
    EXPECT_EQ(d.location, "Portree");
    EXPECT_EQ(d.paragraphs, (Paragraphs{"The council voted to keep the evening crossing.",
                                        "\u201cIt matters to shift workers,\u201d the harbour master said."}));
    EXPECT_TRUE(d.preset.empty());
}

TEST(TextReader, WithoutHeaderTheFirstLineIsAParagraph) {
    // "Harbour master: ..." has a colon but no header key, so it is body text.
    const auto r = read_text("notes.txt",
                             "Harbour master: the crossing stays.\n"
                             "The vote was unanimous.\n");
    ASSERT_TRUE(r.problems.empty());
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].title, "");
    EXPECT_EQ(r.documents[0].date, "");
    EXPECT_EQ(r.documents[0].paragraphs,
              (Paragraphs{"Harbour master: the crossing stays.", "The vote was unanimous."}));
}

TEST(TextReader, DateFromTheFileNameWhenTheHeaderHasNone) {
    const auto r = read_text("releases/5Mar2008Wyden18.txt", "The senator spoke.\n");
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].date, "2008-03-05");
}

TEST(TextReader, ImpossibleHeaderDateIsAProblemAndLeftEmpty) {
    const auto r = read_text("feb.txt",
                             "Title: Leap day that was not\n"
                             "Date: 2023-02-29\n"
                             "---\n"
                             "The ferry ran as usual.\n");
    ASSERT_EQ(r.problems.size(), 1u);
    const auto& p = r.problems[0];
    EXPECT_EQ(p.file, "feb.txt");
    EXPECT_EQ(p.severity, corpus::Severity::problem);
    EXPECT_EQ(p.line, 2u) << "the Date: line, not the '---' that ends the header";
    EXPECT_NE(p.message.find("2023-02-29"), std::string::npos) << p.message;
    ASSERT_EQ(r.documents.size(), 1u);  // the text is still indexed
    EXPECT_EQ(r.documents[0].date, "");
    EXPECT_EQ(r.documents[0].title, "Leap day that was not");
    EXPECT_EQ(r.documents[0].paragraphs, (Paragraphs{"The ferry ran as usual."}));
}

TEST(TextReader, InvalidUtf8KeepsOnlyTheLinesBefore) {
    const std::string content = "First line is fine.\n"
                                "Second line is fine too.\n"
                                "Third line has a bad byte \xC3\x28 here.\n"
                                "Fourth line is never read.\n";
    const auto r = read_text("broken.txt", content);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].file, "broken.txt");
    EXPECT_EQ(r.problems[0].line, 3u);
    EXPECT_EQ(r.problems[0].severity, corpus::Severity::problem);
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].paragraphs, (Paragraphs{"First line is fine.", "Second line is fine too."}));
}

TEST(TextReader, HeaderWithoutBodyIsAProblem) {
    const auto r = read_text("empty-body.txt",
                             "Title: Nothing follows\n"
                             "Date: 2024-06-27\n"
                             "---\n"
                             "\n");
    EXPECT_TRUE(r.documents.empty());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].file, "empty-body.txt");
    EXPECT_EQ(r.problems[0].line, 4u);  // where the body should have started
    EXPECT_EQ(r.problems[0].severity, corpus::Severity::problem);
}

TEST(TextReader, ByteOrderMarkIsStripped) {
    const auto r = read_text("bom.txt",
                             "\xEF\xBB\xBFTitle: With a BOM\n"
                             "---\n"
                             "Body text.\n");
    ASSERT_TRUE(r.problems.empty());
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].title, "With a BOM");
    EXPECT_EQ(r.documents[0].paragraphs, (Paragraphs{"Body text."}));

    const auto plain = read_text("bom2.txt", "\xEF\xBB\xBFJust text.\n");
    ASSERT_EQ(plain.documents.size(), 1u);
    EXPECT_EQ(plain.documents[0].paragraphs, (Paragraphs{"Just text."}));
}

}  // namespace
}  // namespace verbatim
