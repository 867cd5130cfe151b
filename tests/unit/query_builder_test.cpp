// search::QueryBuilder: query text → Xapian::Query, checked on Query::get_description()
// (Xapian api_queryparser idea). No index needed.

#include <verbatim/error.hpp>
#include <verbatim/search/query_builder.hpp>

#include <gtest/gtest.h>

#include <string>

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

INSTANTIATE_TEST_SUITE_P(
    Table, ParseQuery,
    ::testing::Values(
        // Plain words: AND by default, stemmed (Z prefix) like the indexer's STEM_SOME.
        QueryCase{"ferries islands", "Query((Zferri@1 AND Zisland@2))"},
        QueryCase{"Zapor\u00edzhzhia", "Query(zaporizhzhia@1)"},  // capitalised: not stemmed; diacritics folded
        // Phrases, straight or typographic quotes.
        QueryCase{"\"exact phrase here\"", "Query((exact@1 PHRASE 3 phrase@2 PHRASE 3 here@3))"},
        QueryCase{"\u201ccurly phrase\u201d", "Query((curly@1 PHRASE 2 phrase@2))"},
        // Boolean operators.
        QueryCase{"ferry OR bridge", "Query((Zferri@1 OR Zbridg@2))"},
        QueryCase{"ferry NOT bridge", "Query((Zferri@1 AND_NOT Zbridg@2))"},
        QueryCase{"ferry -bridge", "Query((Zferri@1 AND_NOT Zbridg@2))"},
        QueryCase{"NOT ferry", "Query((<alldocuments> AND_NOT Zferri@1))"},
        // Free-text fields.
        QueryCase{"speaker:anokhin", "Query(ZXSPKanokhin@1)"},
        QueryCase{"speaker:Anokhin governor", "Query((XSPKanokhin@1 AND Zgovernor@2))"},
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
        QueryCase{"kind:quote ferry", "Query((Zferri@1 FILTER XKquote))"},
        QueryCase{"source:press/a.txt", "Query(0 * XSRCpress/a.txt)"},
        QueryCase{"date:2024-06-27", "Query(0 * D20240627)"},
        QueryCase{"date:2024-06", "Query(0 * M202406)"},
        QueryCase{"date:2024", "Query(0 * Y2024)"},
        QueryCase{"date:2024-01-01..2024-06-30", "Query(VALUE_RANGE 0 20240101 20240630~)"},
        QueryCase{"after:2024-03", "Query(VALUE_RANGE 0 20240301 99991231~)"},
        QueryCase{"before:2024", "Query(VALUE_RANGE 0 00000101 20241231~)"},
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
    EXPECT_EQ(builder.build(r).strict.get_description(),
              "Query((((((Zferri@1 FILTER (Amairi ross OR Aivan petrov)) FILTER XREhighland) FILTER XCEunited kingdom)"
              " FILTER XKquote) FILTER VALUE_RANGE 0 20240101 20240631~))");
}

TEST(BuildRequest, DateBoundsAlone) {
    const search::QueryBuilder builder;
    search::SearchRequest r;
    r.from = "2024";
    EXPECT_EQ(builder.build(r).strict.get_description(), "Query((<alldocuments> FILTER VALUE_RANGE 0 20240101 99991231~))");
    r.from.clear();
    r.to = "2024-02";
    EXPECT_EQ(builder.build(r).strict.get_description(), "Query((<alldocuments> FILTER VALUE_RANGE 0 00000101 20240231~))");
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
