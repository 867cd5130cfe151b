// search::QueryBuilder: query text → Xapian::Query, checked on Query::get_description()
// (Xapian api_queryparser idea). No index needed.

#include <verbatim/error.hpp>
#include <verbatim/search/query_builder.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

struct QueryCase {
    const char* text;
    const char* description;
};

void PrintTo(const QueryCase& c, std::ostream* os) { *os << c.text; }

class ParseQuery : public ::testing::TestWithParam<QueryCase> {};

TEST_P(ParseQuery, Description) {
    const search::QueryBuilder builder;
    EXPECT_EQ(builder.parse(GetParam().text).get_description(), GetParam().description) << "query: " << GetParam().text;
}

// Unprefixed words search the statement and who said it: body (Z…), speaker (XSPK), role
// (XROLE), region (XREG) and country (XCTY), all stemmed alike.
#define ANY_FIELD(w, pos) "(Z" w "@" pos " OR ZXSPK" w "@" pos " OR ZXREG" w "@" pos ")"
#define ANY_FIELD_UNSTEMMED(w, pos) "(" w "@" pos " OR XSPK" w "@" pos " OR XREG" w "@" pos ")"
#define ANY_FIELD_PHRASE2(a, b) "(" a "@1 PHRASE 2 " b "@2)"

INSTANTIATE_TEST_SUITE_P(
    Table, ParseQuery,
    ::testing::Values(
        // Plain words: AND by default, stemmed (Z prefix) like the indexer's STEM_SOME.
        QueryCase{"ferries islands", "Query((" ANY_FIELD("ferri", "1") " AND " ANY_FIELD("island", "2") "))"},
        QueryCase{"the ferry", "Query(" ANY_FIELD("ferri", "2") ")"},  // stopword left out
        // Capitalised: not stemmed; diacritics folded.
        QueryCase{"Zapor\u00edzhzhia", "Query(" ANY_FIELD_UNSTEMMED("zaporizhzhia", "1") ")"},
        // Phrases, straight or typographic quotes; stopwords kept inside.
        QueryCase{"\"twice as strong\"",
                  "Query(((twice@1 PHRASE 3 as@2 PHRASE 3 strong@3) OR (XSPKtwice@1 PHRASE 3 XSPKas@2 PHRASE 3 "
                  "XSPKstrong@3) OR (XREGtwice@1 PHRASE 3 XREGas@2 PHRASE 3 XREGstrong@3)))"},
        QueryCase{"\u201ccurly phrase\u201d",
                  "Query((" ANY_FIELD_PHRASE2("curly", "phrase") " OR " ANY_FIELD_PHRASE2("XSPKcurly", "XSPKphrase")
                  " OR " ANY_FIELD_PHRASE2("XREGcurly", "XREGphrase") "))"},
        // Boolean operators.
        QueryCase{"ferry OR bridge", "Query((Zferri@1 OR ZXSPKferri@1 OR ZXREGferri@1 OR " ANY_FIELD("bridg", "2") "))"},
        QueryCase{"ferry NOT bridge", "Query((" ANY_FIELD("ferri", "1") " AND_NOT " ANY_FIELD("bridg", "2") "))"},
        QueryCase{"ferry -bridge", "Query((" ANY_FIELD("ferri", "1") " AND_NOT " ANY_FIELD("bridg", "2") "))"},
        QueryCase{"NOT ferry", "Query((<alldocuments> AND_NOT " ANY_FIELD("ferri", "1") "))"},
        // Free-text fields: one prefix only.
        QueryCase{"speaker:anokhin", "Query(ZXSPKanokhin@1)"},
        QueryCase{"speaker:Anokhin governor", "Query((XSPKanokhin@1 AND " ANY_FIELD("governor", "2") "))"},
        QueryCase{"speaker:\"valentina matvienko\"", "Query((XSPKvalentina@1 PHRASE 2 XSPKmatvienko@2))"},
        QueryCase{"role:governor", "Query(ZXROLEgovernor@1)"},
        QueryCase{"org:council", "Query(ZXORGcouncil@1)"},
        QueryCase{"region:highland", "Query(ZXREGhighland@1)"},
        QueryCase{"country:belarus", "Query(ZXCTYbelarus@1)"},
        QueryCase{"mentions:smolensk", "Query(ZXMENsmolensk@1)"},
        QueryCase{"title:ferry", "Query(ZXTIferri@1)"},
        // Boolean filters.
        QueryCase{"kind:quote", "Query(0 * XKquote)"},
        QueryCase{"kind:QUOTE", "Query(0 * XKquote)"},
        QueryCase{"kind:quote ferry", "Query((" ANY_FIELD("ferri", "1") " FILTER XKquote))"},
        QueryCase{"source:press/a.txt", "Query(0 * XSRCpress/a.txt)"},
        QueryCase{"date:2024-06-27", "Query(0 * D20240627)"},
        QueryCase{"date:2024-06", "Query(0 * M202406)"},
        QueryCase{"date:2024", "Query(0 * Y2024)"},
        QueryCase{"date:2024-01-01..2024-06-30", "Query(VALUE_RANGE 0 20240101 20240630~)"},
        QueryCase{"after:2024-03", "Query(VALUE_RANGE 0 20240300 99991231~)"},
        QueryCase{"before:2024", "Query(VALUE_RANGE 0 00000000 20241231~)"},
        QueryCase{"", "Query()"}));

TEST(ParseQueryErrors, BadFieldValuesAndSyntaxThrowQueryError) {
    const search::QueryBuilder builder;
    for (const char* bad : {"kind:bogus", "date:nonsense", "date:2024-02-30", "date:2024-06-30..2024-01-01", "ferry AND"})
        EXPECT_THROW(builder.parse(bad), QueryError) << bad;
}

TEST(BuildRequest, EmptyQueryMatchesAll) {
    const search::QueryBuilder builder;
    EXPECT_EQ(builder.build({}).strict.get_description(), "Query(<alldocuments>)");
}

TEST(BuildRequest, FiltersCombineOrWithinAndAcross) {
    const search::QueryBuilder builder;
    search::SearchRequest r;
    r.query = "ferry";
    r.speakers = {"Mair\u00ed Ross", "Ivan Petrov"};
    r.regions = {"Highland"};
    r.countries = {"United Kingdom"};
    r.kinds = {"quote"};
    r.from = "2024-01-01";
    r.to = "2024-06";
    const auto built = builder.build(r);
    EXPECT_EQ(built.strict.get_description(),
              "Query((" ANY_FIELD("ferri", "1") " FILTER ((XSKmr rs OR XSKivn ptrv) AND XREhighland AND "
              "XCEunited kingdom AND XKquote AND VALUE_RANGE 0 20240101 20240631~)))");
    EXPECT_EQ(built.relaxed.get_description(), built.strict.get_description());  // one word: nothing to relax
    EXPECT_EQ(built.boosts.size(), 1u);  // one word: no pairs, no phrase; only "as typed"
    EXPECT_EQ(built.words, (std::vector<std::string>{"ferry"}));
}

TEST(BuildRequest, StrictRelaxedAndProximityBoost) {
    const search::QueryBuilder builder;
    search::SearchRequest r;
    r.query = "the evening ferry to the islands";
    const auto built = builder.build(r);
    EXPECT_EQ(built.strict.get_description(),
              "Query((" ANY_FIELD("even", "2") " AND " ANY_FIELD("ferri", "3") " AND " ANY_FIELD("island", "6") "))");
    EXPECT_EQ(built.relaxed.get_description(),
              "Query((" ANY_FIELD("even", "2") " OR " ANY_FIELD("ferri", "3") " OR " ANY_FIELD("island", "6") "))");
    // Adjacent content words (stopwords skipped) near each other, in order, raise the score.
    std::string boost;
    for (const auto& b : built.boosts) boost += b.get_description();
    EXPECT_NE(boost.find("(evening PHRASE 3 ferry)"), std::string::npos) << boost;
    EXPECT_NE(boost.find("(ferry PHRASE 3 islands)"), std::string::npos) << boost;
    EXPECT_EQ(boost.find("(to PHRASE"), std::string::npos) << boost;
    EXPECT_EQ(built.words, (std::vector<std::string>{"the", "evening", "ferry", "to", "the", "islands"}));
    EXPECT_EQ(built.corrected, "");  // no database: no spelling correction
}

TEST(PlainWords, FieldsOperatorsAndExclusionsLeftOut) {
    EXPECT_EQ(search::plain_words("speaker:anokhin \"Twice as\" -not Zapor\u00edzhzhia OR it\u2019s"),
              (std::vector<std::string>{"twice", "as", "zaporizhzhia", "it's"}));
}

TEST(BuildRequest, DateBoundsAlone) {
    const search::QueryBuilder builder;
    search::SearchRequest r;
    r.from = "2024";
    EXPECT_EQ(builder.build(r).strict.get_description(), "Query((<alldocuments> FILTER VALUE_RANGE 0 20240000 99991231~))");
    r.from.clear();
    r.to = "2024-02";
    EXPECT_EQ(builder.build(r).strict.get_description(), "Query((<alldocuments> FILTER VALUE_RANGE 0 00000000 20240231~))");
}

TEST(BuildRequest, UnknownKindOrDateThrows) {
    const search::QueryBuilder builder;
    search::SearchRequest r;
    r.kinds = {"bogus"};
    EXPECT_THROW(builder.build(r), QueryError);
    search::SearchRequest d;
    d.from = "yesterday";
    EXPECT_THROW(builder.build(d), QueryError);
}

TEST(DateTerm, DayMonthYear) {
    EXPECT_EQ(search::date_term("2024-06-27"), "D20240627");
    EXPECT_EQ(search::date_term("27 June 2024"), "D20240627");
    EXPECT_EQ(search::date_term("2024-6"), "M202406");
    EXPECT_EQ(search::date_term("2024"), "Y2024");
    EXPECT_EQ(search::date_term("2023-02-29"), "");
    EXPECT_EQ(search::date_term("soon"), "");
}

}  // namespace
}  // namespace verbatim
