// corpus::hand_on_in_parts: a document too large to attribute at once goes on in parts.

#include <verbatim/corpus/document_parts.hpp>

#include "collected.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace verbatim {
namespace {

using corpus::kMaxPartBytes;
using corpus::kMaxPartParagraphs;
using test::Read;

corpus::RawDocument document_of(std::size_t paragraphs, std::size_t bytes_each = 20, const std::string& key = "") {
    corpus::RawDocument d;
    d.source = "corpus/many-lines.txt";
    d.key = key;
    d.line = 1;
    d.title = "Many lines";
    d.date = "2024-06-27";
    for (std::size_t i = 0; i < paragraphs; ++i) {
        std::string p = "Line " + std::to_string(i) + " ";
        p.resize(std::max(bytes_each, p.size()), 'x');
        d.paragraphs.push_back(std::move(p));
    }
    return d;
}

Read parts_of(corpus::RawDocument&& d) {
    Read r;
    corpus::hand_on_in_parts(std::move(d), r.documents_sink(), r.problems_sink());
    return r;
}

TEST(DocumentParts, ADocumentWithinTheLimitsGoesOnWhole) {
    const auto r = parts_of(document_of(kMaxPartParagraphs));
    EXPECT_TRUE(r.problems.empty());
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].key, "");
    EXPECT_EQ(r.documents[0].paragraphs.size(), kMaxPartParagraphs);
}

TEST(DocumentParts, ManyParagraphsGoOnInPartsWithOneNote) {
    const std::string whole_id = document_of(1).id();
    const auto r = parts_of(document_of(2 * kMaxPartParagraphs + 5));
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].severity, corpus::Severity::note);
    EXPECT_EQ(r.problems[0].file, "corpus/many-lines.txt");
    EXPECT_EQ(r.problems[0].line, 1u);
    EXPECT_NE(r.problems[0].message.find("read as 3 documents"), std::string::npos) << r.problems[0].message;
    ASSERT_EQ(r.documents.size(), 3u);
    EXPECT_EQ(r.documents[0].paragraphs.size(), kMaxPartParagraphs);
    EXPECT_EQ(r.documents[1].paragraphs.size(), kMaxPartParagraphs);
    EXPECT_EQ(r.documents[2].paragraphs.size(), 5u);
    EXPECT_EQ(r.documents[0].id(), whole_id) << "the first part keeps the document's id";
    std::set<std::string> ids;
    std::size_t next = 0;
    for (const auto& d : r.documents) {
        ids.insert(d.id());
        EXPECT_EQ(d.title, "Many lines");
        EXPECT_EQ(d.date, "2024-06-27");
        for (const auto& p : d.paragraphs) EXPECT_TRUE(p.starts_with("Line " + std::to_string(next++) + " ")) << p;
    }
    EXPECT_EQ(next, 2 * kMaxPartParagraphs + 5) << "every paragraph once, in order";
    EXPECT_EQ(ids.size(), 3u);
    EXPECT_EQ(r.documents[1].key, "part2");
    EXPECT_EQ(r.documents[2].key, "part3");
}

TEST(DocumentParts, LargeParagraphsGoOnInPartsByBytes) {
    const std::size_t big = kMaxPartBytes / 2 + 1;  // two do not fit in one part
    const auto r = parts_of(document_of(3, big, "row7"));
    ASSERT_EQ(r.documents.size(), 3u);
    EXPECT_EQ(r.documents[0].key, "row7");
    EXPECT_EQ(r.documents[1].key, "row7/part2");
    for (const auto& d : r.documents) EXPECT_EQ(d.paragraphs.size(), 1u);
}

TEST(DocumentParts, OneParagraphLargerThanAPartStaysWhole) {
    const auto r = parts_of(document_of(1, 3 * kMaxPartBytes));
    EXPECT_TRUE(r.problems.empty());
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].paragraphs[0].size(), 3 * kMaxPartBytes);
}

}  // namespace
}  // namespace verbatim
