// search::QueryBuilder: query text → Xapian::Query, checked on Query::get_description()
// (Xapian api_queryparser idea). No index needed.

#include <verbatim/error.hpp>
#include <verbatim/index/document_builder.hpp>
#include <verbatim/schema.hpp>
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

// Unprefixed words search the statement and who said it: body (Z…), speaker (ZXSPK) and
// region (ZXREG), stems only (the indexer's STEM_ALL_Z).
#define ANY_FIELD(w, pos) "(Z" w "@" pos " OR ZXSPK" w "@" pos " OR ZXREG" w "@" pos ")"
#define ANY_FIELD_PHRASE2(a, b) "(" a "@1 PHRASE 2 " b "@2)"

INSTANTIATE_TEST_SUITE_P(
    Table, ParseQuery,
    ::testing::Values(
        // Plain words: AND by default, stemmed.
        QueryCase{"ferries islands", "Query((" ANY_FIELD("ferri", "1") " AND " ANY_FIELD("island", "2") "))"},
        QueryCase{"the ferry", "Query(" ANY_FIELD("ferri", "2") ")"},  // stopword left out
        // Capitalised words are stemmed too; diacritics folded.
        QueryCase{"Zapor\u00edzhzhia Ferries", "Query((" ANY_FIELD("zaporizhzhia", "1") " AND " ANY_FIELD("ferri", "2") "))"},
        // Phrases, straight or typographic quotes; stopwords kept inside.
        QueryCase{"\"twice as strong\"",
                  "Query(((Ztwice@1 PHRASE 3 Zas@2 PHRASE 3 Zstrong@3) OR (ZXSPKtwice@1 PHRASE 3 ZXSPKas@2 PHRASE 3 "
                  "ZXSPKstrong@3) OR (ZXREGtwice@1 PHRASE 3 ZXREGas@2 PHRASE 3 ZXREGstrong@3)))"},
        QueryCase{"\u201ccurly phrase\u201d",
                  "Query((" ANY_FIELD_PHRASE2("Zcur", "Zphrase") " OR " ANY_FIELD_PHRASE2("ZXSPKcur", "ZXSPKphrase")
                  " OR " ANY_FIELD_PHRASE2("ZXREGcur", "ZXREGphrase") "))"},
        // Boolean operators.
        QueryCase{"ferry OR bridge", "Query((Zferri@1 OR ZXSPKferri@1 OR ZXREGferri@1 OR " ANY_FIELD("bridg", "2") "))"},
        QueryCase{"ferry NOT bridge", "Query((" ANY_FIELD("ferri", "1") " AND_NOT " ANY_FIELD("bridg", "2") "))"},
        QueryCase{"ferry -bridge", "Query((" ANY_FIELD("ferri", "1") " AND_NOT " ANY_FIELD("bridg", "2") "))"},
        QueryCase{"NOT ferry", "Query((<alldocuments> AND_NOT " ANY_FIELD("ferri", "1") "))"},
        // Free-text fields: one prefix only.
        QueryCase{"speaker:anokhin", "Query(ZXSPKanokhin@1)"},
        QueryCase{"speaker:Anokhin governor", "Query((ZXSPKanokhin@1 AND " ANY_FIELD("governor", "2") "))"},
        // A phrase in a field: all its words in that field (fields have no positions).
        QueryCase{"speaker:\"valentina matvienko\"", "Query((ZXSPKvalentina@1 AND ZXSPKmatvienko@2))"},
        QueryCase{"ferry -speaker:\"Mr. Ross\"", "Query((" ANY_FIELD("ferri", "1") " AND_NOT (ZXSPKmr@2 AND ZXSPKross@3)))"},
        QueryCase{"region:\"Highland\" ferry", "Query((ZXREGhighland@1 AND " ANY_FIELD("ferri", "2") "))"},
        QueryCase{"role:governor", "Query(ZXROLEgovernor@1)"},
        QueryCase{"org:council", "Query(ZXORGcouncil@1)"},
        QueryCase{"region:highland", "Query(ZXREGhighland@1)"},
        QueryCase{"country:belarus", "Query(ZXCTYbelarus@1)"},
        QueryCase{"mentions:smolensk", "Query(ZXMENsmolensk@1)"},
        QueryCase{"title:ferry", "Query(ZXTIferri@1)"},
        // Wildcards: expanded over the index's stems (without an index, Xapian's own wildcard).
        QueryCase{"ferr*", "Query((WILDCARD SYNONYM Zferr OR WILDCARD SYNONYM ZXSPKferr OR WILDCARD SYNONYM ZXREGferr))"},
        QueryCase{"speaker:ro*", "Query(WILDCARD SYNONYM ZXSPKro)"},
        // Boolean filters.
        QueryCase{"kind:quote", "Query(0 * XKquote)"},
        QueryCase{"kind:QUOTE", "Query(0 * XKquote)"},
        QueryCase{"kind:quote ferry", "Query((" ANY_FIELD("ferri", "1") " FILTER XKquote))"},
        QueryCase{"date:2024-06-27", "Query(0 * D20240627)"},
        QueryCase{"date:2024-06", "Query(0 * M202406)"},
        QueryCase{"date:2024", "Query(0 * Y2024)"},
        QueryCase{"", "Query()"}));

// The description of a range on the date slot, without the "Query(…)" around it.
std::string value_range(const std::string& lo, const std::string& hi) {
    using index::DocumentBuilder;
    const std::string d = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::date, DocumentBuilder::date_value(lo),
                                        DocumentBuilder::date_value(hi))
                              .get_description();
    return d.substr(6, d.size() - 7);
}

TEST(ParseQuery, SourceIsTheSourceTerm) {
    const search::QueryBuilder builder;
    EXPECT_EQ(builder.parse("source:press/a.txt").get_description(),
              Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(index::DocumentBuilder::source_term("press/a.txt")), 0)
                  .get_description());
    EXPECT_EQ(builder.parse("source:Press/./A.txt").get_description(),
              Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(index::DocumentBuilder::source_term("Press/A.txt")), 0)
                  .get_description());
}

TEST(ParseQuery, DateRangesWithoutAnIndexAreValueRanges) {
    const search::QueryBuilder builder;
    EXPECT_EQ(builder.parse("date:2024-01-01..2024-06-30").get_description(), "Query(" + value_range("20240101", "20240630") + ")");
    EXPECT_EQ(builder.parse("after:2024-03").get_description(), "Query(" + value_range("20240300", "99991231") + ")");
    EXPECT_EQ(builder.parse("before:2024").get_description(), "Query(" + value_range("00000000", "20241231") + ")");
}

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
              "XCEunited kingdom AND XKquote AND " + value_range("20240101", "20240631") + ")))");
    EXPECT_EQ(built.relaxed.get_description(), built.strict.get_description());  // one word: nothing to relax
    EXPECT_EQ(built.ranked.get_description(), built.relaxed.get_description());  // and nothing to add
    EXPECT_TRUE(built.positional.empty());
    ASSERT_EQ(built.parts.size(), 1u);
    EXPECT_EQ(built.parts[0].first, "any of the words");
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
    // Adjacent content words (stopwords skipped) near each other, in order, raise the score,
    // in the second, positional pass; holding them all, in the first.
    const std::string positional = built.positional.get_description();
    EXPECT_NE(positional.find("(Zeven PHRASE 3 Zferri)"), std::string::npos) << positional;
    EXPECT_NE(positional.find("(Zferri PHRASE 3 Zisland)"), std::string::npos) << positional;
    EXPECT_NE(positional.find("(Zeven PHRASE 8 Zferri PHRASE 8 Zisland)"), std::string::npos) << positional;
    EXPECT_EQ(positional.find("(Zto PHRASE"), std::string::npos) << positional;
    EXPECT_EQ(built.ranked.get_description(),
              "Query((" + built.relaxed.get_description().substr(6, built.relaxed.get_description().size() - 7) + " AND_MAYBE " +
                  built.strict.get_description().substr(6, built.strict.get_description().size() - 7) + "))");
    std::vector<std::string> names;
    for (const auto& [name, part] : built.parts) names.push_back(name);
    EXPECT_EQ(names, (std::vector<std::string>{"any of the words", "all of the words", "words in order (pairs)",
                                               "all words close together"}));
    EXPECT_EQ(built.words, (std::vector<std::string>{"the", "evening", "ferry", "to", "the", "islands"}));
    EXPECT_EQ(built.corrected, "");  // no database: no spelling correction
}

TEST(PlainWords, FieldsOperatorsAndExclusionsLeftOut) {
    EXPECT_EQ(search::plain_words("speaker:anokhin \"Twice as\" -not Zapor\u00edzhzhia OR it\u2019s"),
              (std::vector<std::string>{"twice", "as", "zaporizhzhia", "it's"}));
    // A quoted field value is no plain word, not even its last word.
    EXPECT_EQ(search::plain_words("peace region:\"South America\" -speaker:\"Mr. X\""), (std::vector<std::string>{"peace"}));
}

TEST(RewriteForParser, FieldPhrasesAndWildcards) {
    EXPECT_EQ(search::rewrite_for_parser("speaker:\"Mr. Xi Jinping\" peace"), "(speaker:mr AND speaker:xi AND speaker:jinping) peace");
    EXPECT_EQ(search::rewrite_for_parser("-region:\"South America\""), "-(region:south AND region:america)");
    EXPECT_EQ(search::rewrite_for_parser("speaker:\"Arce\""), "speaker:arce");
    EXPECT_EQ(search::rewrite_for_parser("cooperat* (speaker:anok* OR x)"), "vbwild:cooperat (vbwildspeaker:anok OR x)");
    // Phrases of the text, boolean fields and dates stay as they are.
    for (const char* same : {"\"twice as* strong\"", "source:a/b*.txt", "date:2024-01-01..2024-02-01", "kind:quote x",
                             "a OR b", "NOT x"})
        EXPECT_EQ(search::rewrite_for_parser(same), same);
    // A star inside a token is no wildcard ("-k -b*:x" once crashed Xapian's parser), and the
    // wildcard fields are not for typing.
    EXPECT_EQ(search::rewrite_for_parser("-k -b*:x cooperat*, y"), "-k -b*:x vbwild:cooperat , y");
    EXPECT_EQ(search::rewrite_for_parser("-b*-x (c*)"), "-vbwild:b -x (vbwild:c)");
    EXPECT_EQ(search::rewrite_for_parser("-vbwild:b:x vbwildspeaker:y"), "-vbwild b:x vbwildspeaker y");
}

TEST(BuildRequest, StarsAndColonsInsideTokensParse) {
    const search::QueryBuilder builder;
    for (const char* query : {"-k\n-b*:x", "-k\n-b*-x", "-k -vbwild:b:x y", "-k -vbwildspeaker:b:x", "-k -b*:x:y*"}) {
        search::SearchRequest r;
        r.query = query;
        EXPECT_NO_THROW((void)builder.build(r).strict.get_description()) << query;
    }
}

TEST(BuildRequest, DateBoundsAlone) {
    const search::QueryBuilder builder;
    search::SearchRequest r;
    r.from = "2024";
    EXPECT_EQ(builder.build(r).strict.get_description(), "Query((<alldocuments> FILTER " + value_range("20240000", "99991231") + "))");
    r.from.clear();
    r.to = "2024-02";
    EXPECT_EQ(builder.build(r).strict.get_description(), "Query((<alldocuments> FILTER " + value_range("00000000", "20240231") + "))");
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
