// index::DocumentBuilder: required and forbidden terms and values of a built document
// (Xapian omindexcheck idea), and the statement's JSON as document data.

#include <verbatim/format/json.hpp>
#include <verbatim/index/document_builder.hpp>
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
    const auto terms = terms_of(builder.build(attributed()));
    for (const char* required : {
             "Qdoc1-3-0", "XDOCdoc1", "XSRCpress/ferry.txt", "XKquote",
             "Amairi ross",                     // canonical speaker, folded
             "XREhighland", "XCEunited kingdom",  // canonical region and country
             "Y2024", "M202406", "D20240627",
             "ferries", "Zferri",               // body word unstemmed and stemmed
             "islands", "Zisland",
             "XSPKmairi", "XSPKross", "ZXSPKross",  // speaker words, diacritics folded
             "XROLEharbour", "XORGtrust", "XREGhighland", "XCTYkingdom", "XTIferry", "XMENorkney"})
        EXPECT_TRUE(terms.count(required)) << "missing term " << required;
}

TEST(DocumentBuilder, ForbiddenTerms) {
    index::DocumentBuilder builder;
    const auto terms = terms_of(builder.build(attributed()));
    for (const char* forbidden : {"XKreported", "XKnarrative", "Amair\u00ed ross", "XSPKmair\u00ed", "Mair\u00ed", "mair\u00ed",
                                  "D2024-06-27", "XSPKMairi", "XREHighland"})
        EXPECT_FALSE(terms.count(forbidden)) << "unexpected term " << forbidden;
    for (const auto& t : terms) EXPECT_LE(t.size(), 245u) << t;
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
    for (const char* prefix : {"A", "XSPK", "ZXSPK", "XROLE", "XORG", "XRE", "XCE", "XREG", "XCTY"})
        EXPECT_FALSE(has_prefix_term(terms, prefix)) << "a term with prefix " << prefix;
    EXPECT_EQ(doc.get_value(schema::slot::speaker), "");
    EXPECT_EQ(doc.get_value(schema::slot::kind), "narrative");
    EXPECT_EQ(doc.get_value(schema::slot::kind_rank), "2");
}

TEST(DocumentBuilder, Values) {
    index::DocumentBuilder builder;
    const Statement s = attributed();
    const Xapian::Document doc = builder.build(s);
    EXPECT_EQ(doc.get_value(schema::slot::date), "20240627");
    EXPECT_EQ(doc.get_value(schema::slot::year), "2024");
    EXPECT_EQ(doc.get_value(schema::slot::kind), "quote");
    EXPECT_EQ(doc.get_value(schema::slot::kind_rank), "0");
    EXPECT_EQ(doc.get_value(schema::slot::speaker), "Mair\u00ed Ross");
    EXPECT_EQ(doc.get_value(schema::slot::region), "Highland");
    EXPECT_EQ(doc.get_value(schema::slot::country), "United Kingdom");
    EXPECT_EQ(doc.get_value(schema::slot::collapse), text::stable_hash(text::squeeze_spaces(text::fold(s.text))));
}

TEST(DocumentBuilder, YearOnlyAndMissingDates) {
    index::DocumentBuilder builder;
    Statement s = attributed();
    s.date = "2024";
    auto terms = terms_of(builder.build(s));
    EXPECT_TRUE(terms.count("Y2024"));
    EXPECT_FALSE(has_prefix_term(terms, "M2"));
    EXPECT_FALSE(has_prefix_term(terms, "D2"));
    EXPECT_EQ(builder.build(s).get_value(schema::slot::date), "20240000");

    s.date.clear();
    const Xapian::Document undated = builder.build(s);
    terms = terms_of(undated);
    EXPECT_FALSE(has_prefix_term(terms, "Y2"));
    EXPECT_EQ(undated.get_value(schema::slot::date), "");
}

TEST(DocumentBuilder, DataIsTheStatementJson) {
    index::DocumentBuilder builder;
    const Statement s = attributed();
    const Xapian::Document doc = builder.build(s);
    const auto data = nlohmann::json::parse(doc.get_data());
    EXPECT_EQ(data, format::to_json(s));
    EXPECT_EQ(format::statement_from_json(data), s);
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
    EXPECT_FALSE(terms.count("ferries"));
    EXPECT_FALSE(terms.count("Qdoc1-3-0"));
    EXPECT_TRUE(terms.count("unrelated"));
}

TEST(DocumentBuilder, LongFilterTermsAreBoundedAndStillDistinct) {
    const std::string base(300, 'x');
    const std::string a = index::DocumentBuilder::id_term(base + "a");
    const std::string b = index::DocumentBuilder::id_term(base + "b");
    EXPECT_LE(a.size(), 245u);
    EXPECT_NE(a, b);
    EXPECT_EQ(index::DocumentBuilder::id_term("short"), "Qshort");
    EXPECT_EQ(index::DocumentBuilder::doc_term("d"), "XDOCd");
    EXPECT_EQ(index::DocumentBuilder::source_term("a/b.txt"), "XSRCa/b.txt");
    EXPECT_EQ(index::DocumentBuilder::filter_value("  Valentina   MATVIENKO "), "valentina matvienko");
}

}  // namespace
}  // namespace verbatim
