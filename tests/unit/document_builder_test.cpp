// index::DocumentBuilder: required and forbidden terms and values of a built document
// (Xapian omindexcheck idea), and the statement's record as document data.

#include <verbatim/format/json.hpp>
#include <verbatim/index/document_builder.hpp>
#include <verbatim/index/record.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/text/unicode.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>

namespace verbatim {
namespace {

std::set<std::string> terms_of(const Xapian::Document& doc) {
    std::set<std::string> out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) out.insert(*t);
    return out;
}

bool has_prefix_term(const std::set<std::string>& terms, const std::string& prefix) {
    for (const auto& t : terms)
        if (t.rfind(prefix, 0) == 0) return true;
    return false;
}

Statement attributed() {
    Statement s;
    s.id = "doc1-3-0";
    s.source = "press/ferry.txt";
    s.doc = "doc1";
    s.paragraph = 3;
    s.start = 120;
    s.end = 181;
    s.text = "\u201cWe will order two new ferries for the islands,\u201d she said.";
    s.kind = Kind::quote;
    s.speaker = "Mair\u00ed Ross";
    s.role = "Harbour Master";
    s.organisation = "Portree Harbour Trust";
    s.region = "Highland";
    s.country = "United Kingdom";
    s.date = "2024-06-27";
    s.title = "Island ferry keeps its evening crossing";
    s.url = "https://example.org/ferry";
    s.quotes = {{120, 168}};
    s.mentions = {"Orkney"};
    s.evidence = "'she said'";
    s.confidence = 0.9;
    return s;
}

TEST(DocumentBuilder, RequiredTerms) {
    index::DocumentBuilder builder;
    const Statement s = attributed();
    const auto terms = terms_of(builder.build(s));
    for (const std::string& required : {
             index::DocumentBuilder::id_term("doc1-3-0"), index::DocumentBuilder::doc_term("doc1"),
             index::DocumentBuilder::source_term("press/ferry.txt"), std::string("XCOL") + index::DocumentBuilder::collapse_key(s.text),
             std::string("XKquote"),
             std::string("XREhighland"), std::string("XCEunited kingdom"),  // canonical region and country
             std::string("XSKmr rs"),                                       // the speaker's person key
             std::string("Y2024"), std::string("M202406"), std::string("D20240627"),
             std::string("Zferri"), std::string("Zisland"),                   // body words: stems only
             std::string("ZXSPKmairi"), std::string("ZXSPKross"),             // speaker words, diacritics folded
             std::string("ZXROLEharbour"), std::string("ZXORGtrust"), std::string("ZXREGhighland"),
             std::string("ZXCTYkingdom"), std::string("ZXTIferri"), std::string("ZXMENorkney")})
        EXPECT_TRUE(terms.count(required)) << "missing term " << required;
}

TEST(DocumentBuilder, ForbiddenTerms) {
    index::DocumentBuilder builder;
    const Xapian::Document doc = builder.build(attributed());
    const auto terms = terms_of(doc);
    for (const char* forbidden : {"XKreported", "XKnarrative", "ferries", "islands", "XSPKross", "Amairi ross",
                                  "ZXSPKmair\u00ed", "Mair\u00ed", "D2024-06-27", "XREHighland", "Qdoc1-3-0", "XSRCpress/ferry.txt"})
        EXPECT_FALSE(terms.count(forbidden)) << "unexpected term " << forbidden;
    for (const auto& t : terms) EXPECT_LE(t.size(), 245u) << t;
    // Positions for the text's words only: a field's words match in any order.
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const bool body = (*t).size() > 1 && (*t)[0] == 'Z' && std::islower(static_cast<unsigned char>((*t)[1]));
        EXPECT_EQ(t.positionlist_count() > 0, body) << *t;
    }
}

TEST(DocumentBuilder, UnattributedStatementHasNoSpeakerTerms) {
    Statement s = attributed();
    s.kind = Kind::narrative;
    s.speaker.clear();
    s.role.clear();
    s.organisation.clear();
    s.region.clear();
    s.country.clear();
    index::DocumentBuilder builder;
    const Xapian::Document doc = builder.build(s);
    const auto terms = terms_of(doc);
    EXPECT_TRUE(terms.count("XKnarrative"));
    EXPECT_FALSE(terms.count("XKquote"));
    for (const char* prefix : {"XSK", "ZXSPK", "ZXROLE", "ZXORG", "XRE", "XCE", "ZXREG", "ZXCTY"})
        EXPECT_FALSE(has_prefix_term(terms, prefix)) << "a term with prefix " << prefix;
    EXPECT_EQ(doc.get_value(schema::slot::speaker), "");
    EXPECT_EQ(doc.get_value(schema::slot::kind), "2");
}

TEST(DocumentBuilder, Values) {
    index::DocumentBuilder builder;
    const Statement s = attributed();
    const Xapian::Document doc = builder.build(s);
    EXPECT_EQ(doc.get_value(schema::slot::date), std::string("\x07\xe8\x06\x1b", 4));  // 2024, June, 27
    EXPECT_EQ(index::DocumentBuilder::year_of_date_value(doc.get_value(schema::slot::date)), "2024");
    EXPECT_EQ(doc.get_value(schema::slot::kind), "0");
    EXPECT_EQ(doc.get_value(schema::slot::speaker), "Mair\u00ed Ross");
    EXPECT_EQ(doc.get_value(schema::slot::region), "Highland");
    EXPECT_EQ(doc.get_value(schema::slot::country), "United Kingdom");
    // The collapse key is a term; slot 6 waits for index::mark_copies to find a copy.
    EXPECT_EQ(doc.get_value(schema::slot::collapse), "");
    EXPECT_EQ(index::DocumentBuilder::collapse_key(s.text).size(), 8u);
    bool has_key_term = false;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        has_key_term |= *t == std::string(schema::prefix::collapse) + index::DocumentBuilder::collapse_key(s.text);
    EXPECT_TRUE(has_key_term);
    // Copies of one statement, however spaced or cased, share the key; other words do not.
    EXPECT_EQ(index::DocumentBuilder::collapse_key("We  WILL order ferries."), index::DocumentBuilder::collapse_key("we will order ferries."));
    EXPECT_NE(index::DocumentBuilder::collapse_key("We will order ferries."), index::DocumentBuilder::collapse_key("We will order buses."));
}

TEST(DocumentBuilder, DateValuesSortAsTheDates) {
    using index::DocumentBuilder;
    const std::string year = DocumentBuilder::date_value(DocumentBuilder::date_digits("2024"));
    const std::string june = DocumentBuilder::date_value(DocumentBuilder::date_digits("2024-06-27"));
    const std::string next = DocumentBuilder::date_value(DocumentBuilder::date_digits("2025-01-01"));
    const std::string old = DocumentBuilder::date_value(DocumentBuilder::date_digits("1946-12-31"));
    EXPECT_LT(old, year);
    EXPECT_LT(year, june);  // a year alone sorts before every full date of that year
    EXPECT_LT(june, next);
    EXPECT_EQ(DocumentBuilder::date_digits("2024-06"), "20240600");
    EXPECT_EQ(DocumentBuilder::date_digits("June 2024"), "");
    EXPECT_EQ(DocumentBuilder::year_of_date_value(old), "1946");
}

TEST(DocumentBuilder, YearOnlyAndMissingDates) {
    index::DocumentBuilder builder;
    Statement s = attributed();
    s.date = "2024";
    auto terms = terms_of(builder.build(s));
    EXPECT_TRUE(terms.count("Y2024"));
    EXPECT_TRUE(terms.count("M202400"));  // "month 00": dated by the year alone
    EXPECT_FALSE(has_prefix_term(terms, "D2"));
    EXPECT_EQ(index::DocumentBuilder::year_of_date_value(builder.build(s).get_value(schema::slot::date)), "2024");

    s.date.clear();
    const Xapian::Document undated = builder.build(s);
    terms = terms_of(undated);
    EXPECT_FALSE(has_prefix_term(terms, "Y2"));
    EXPECT_FALSE(has_prefix_term(terms, "M2"));
    EXPECT_EQ(undated.get_value(schema::slot::date), "");
}

TEST(DocumentBuilder, DataIsTheStatementRecord) {
    index::DocumentBuilder builder;
    const Statement s = attributed();
    const Xapian::Document doc = builder.build(s);
    EXPECT_EQ(index::decode_record(doc.get_data()), s);
    EXPECT_LT(doc.get_data().size(), format::to_json_line(format::to_json(s)).size() / 2 + 60);
}

TEST(DocumentBuilder, BuilderIsReusableWithoutLeakingTerms) {
    index::DocumentBuilder builder;
    (void)builder.build(attributed());
    Statement other;
    other.id = "doc2-0-0";
    other.doc = "doc2";
    other.source = "b.txt";
    other.text = "Unrelated words.";
    const auto terms = terms_of(builder.build(other));
    EXPECT_FALSE(terms.count("Zferri"));
    EXPECT_FALSE(terms.count(index::DocumentBuilder::id_term("doc1-3-0")));
    EXPECT_TRUE(terms.count("Zunrel"));
}

TEST(DocumentBuilder, IdentityTermsAreShortHashes) {
    const std::string base(300, 'x');
    const std::string a = index::DocumentBuilder::id_term(base + "a");
    const std::string b = index::DocumentBuilder::id_term(base + "b");
    EXPECT_EQ(a.size(), 9u);
    EXPECT_NE(a, b);
    EXPECT_EQ(index::DocumentBuilder::id_term("short"), "Q" + text::stable_hash_bytes("short"));
    // A document id is 16 hex digits: its term holds those 8 bytes.
    EXPECT_EQ(index::DocumentBuilder::doc_term("8a2d19454040a24d"), std::string("XDOC\x8a\x2d\x19\x45\x40\x40\xa2\x4d", 12));
    // One source however its path is spelt.
    EXPECT_EQ(index::DocumentBuilder::source_term("./a/../b.txt"), index::DocumentBuilder::source_term("b.txt"));
    EXPECT_EQ(index::DocumentBuilder::filter_value("  Valentina   MATVIENKO "), "valentina matvienko");
}

}  // namespace
}  // namespace verbatim
