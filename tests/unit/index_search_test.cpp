// IndexWriter + Searcher on a small hand-written index in a temporary folder: ranked ids,
// filters, idempotent re-indexing, replacement of a changed document, schema check.

#include "temp_dir.hpp"

#include <verbatim/error.hpp>
#include <verbatim/index/document_builder.hpp>
#include <verbatim/index/index_writer.hpp>
#include <verbatim/index/record.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/search/query_builder.hpp>
#include <verbatim/search/searcher.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace verbatim {
namespace {

using Ids = std::vector<std::string>;

Statement make(std::string id, std::string doc, std::string text, Kind kind, std::string speaker, std::string region,
               std::string country, std::string date) {
    Statement s;
    s.id = std::move(id);
    s.doc = std::move(doc);
    s.source = "fixture/" + s.doc + ".txt";
    s.text = std::move(text);
    s.kind = kind;
    s.speaker = std::move(speaker);
    s.region = std::move(region);
    s.country = std::move(country);
    s.date = std::move(date);
    return s;
}

// Three documents; which query finds which statement is stated in the tests below.
std::vector<Statement> ferry_doc() {
    return {make("ferry-0-0", "ferry", "The evening ferry to the islands will keep running all winter.", Kind::quote,
                 "Mairi Ross", "Highland", "United Kingdom", "2024-06-27"),
            make("ferry-1-0", "ferry", "The harbour trust will buy a second ferry for the northern route, she said.",
                 Kind::reported, "Mairi Ross", "Highland", "United Kingdom", "2024-06-27"),
            make("ferry-2-0", "ferry", "Ferry passengers filled the quay on Tuesday.", Kind::narrative, "", "", "",
                 "2024-06-27")};
}
std::vector<Statement> bridge_doc() {
    return {make("bridge-0-0", "bridge", "The new bridge to the islands opens in May.", Kind::quote, "Ivan Petrov",
                 "Smolensk Region", "Russia", "2024-03-15"),
            make("bridge-1-0", "bridge", "Petrov said the bridge cost less than a ferry fleet.", Kind::reported,
                 "Ivan Petrov", "Smolensk Region", "Russia", "2024-03-15")};
}
std::vector<Statement> grain_doc() {
    return {make("grain-0-0", "grain", "Grain exports through the river port rose by a third.", Kind::quote,
                 "Dmitry Lapshin", "Oryol Region", "Russia", "2023-11-02")};
}

class IndexSearch : public ::testing::Test {
protected:
    void SetUp() override { build({ferry_doc(), bridge_doc(), grain_doc()}); }
    void build(const std::vector<std::vector<Statement>>& documents) {
        index::IndexWriter writer(path());
        for (const auto& d : documents) writer.add(d);
        writer.commit();
    }
    std::string path() const { return (m_dir / "index").string(); }
    Ids ids(const search::SearchRequest& request) const {
        const search::Searcher searcher(path());
        Ids out;
        for (const auto& hit : searcher.search(request).hits) out.push_back(hit.statement.id);
        return out;
    }
    Ids ids(const std::string& query) const {
        search::SearchRequest r;
        r.query = query;
        r.limit = 100;
        return ids(r);
    }
    Xapian::doccount doc_count() const { return Xapian::Database(path()).get_doccount(); }
    static std::set<std::string> as_set(const Ids& v) { return {v.begin(), v.end()}; }

    test::TempDir m_dir;
};

TEST_F(IndexSearch, RankedIds) {
    // Shorter statements rank first among equal matches (BM25 length normalisation).
    EXPECT_EQ(ids("islands"), (Ids{"bridge-0-0", "ferry-0-0"}));
    EXPECT_EQ(ids("bridge"), (Ids{"bridge-0-0", "bridge-1-0"}));
    EXPECT_EQ(ids("ferries"), (Ids{"ferry-2-0", "bridge-1-0", "ferry-0-0", "ferry-1-0"}));  // stemmed
    EXPECT_EQ(ids("\"second ferry\""), (Ids{"ferry-1-0"}));
    EXPECT_EQ(ids("ferry NOT islands"), (Ids{"ferry-2-0", "bridge-1-0", "ferry-1-0"}));
    EXPECT_EQ(ids("grain OR quay"), (Ids{"ferry-2-0", "grain-0-0"}));
    EXPECT_EQ(ids("speaker:petrov"), (Ids{"bridge-0-0", "bridge-1-0"}));
    EXPECT_EQ(ids("kind:quote islands"), (Ids{"bridge-0-0", "ferry-0-0"}));
    EXPECT_EQ(ids("date:2024-06-27 ferry"), (Ids{"ferry-2-0", "ferry-0-0", "ferry-1-0"}));
    EXPECT_TRUE(ids("submarine").empty());
}

TEST_F(IndexSearch, HitsCarryTheWholeStatement) {
    const search::Searcher searcher(path());
    search::SearchRequest r;
    r.query = "grain";
    const auto results = searcher.search(r);
    ASSERT_EQ(results.hits.size(), 1u);
    EXPECT_EQ(results.hits[0].statement, grain_doc()[0]);
    EXPECT_EQ(results.hits[0].rank, 1u);
    EXPECT_GT(results.hits[0].score, 0.0);
    EXPECT_EQ(results.estimated_total, 1u);
}

TEST_F(IndexSearch, StatementsWithEveryWordComeBeforePartialMatches) {
    const search::Searcher searcher(path());
    search::SearchRequest r;
    r.query = "islands evening";
    const auto both = searcher.search(r);
    Ids got;
    for (const auto& h : both.hits) got.push_back(h.statement.id);
    EXPECT_EQ(got, (Ids{"ferry-0-0", "bridge-0-0"}));  // both words, then "islands" alone
    EXPECT_EQ(both.strict_hits, 1u);

    r.query = "islands submarine";  // no statement holds both
    const auto some = searcher.search(r);
    EXPECT_EQ(some.hits.size(), 2u);
    EXPECT_EQ(some.strict_hits, 0u);
    EXPECT_TRUE(some.relaxed);

    r.query = "islands";
    const auto single = searcher.search(r);
    EXPECT_EQ(single.strict_hits, single.hits.size());
    EXPECT_FALSE(single.relaxed);
}

TEST_F(IndexSearch, RequestFilters) {
    search::SearchRequest r;
    r.query = "ferry";
    r.limit = 100;
    r.speakers = {"Ivan Petrov"};
    EXPECT_EQ(ids(r), (Ids{"bridge-1-0"}));
    r.speakers = {"ivan  PETROV", "Mairi Ross"};  // folded like the index; OR within a field
    EXPECT_EQ(as_set(ids(r)), (std::set<std::string>{"bridge-1-0", "ferry-0-0", "ferry-1-0"}));

    search::SearchRequest region;
    region.limit = 100;
    region.regions = {"Highland"};
    EXPECT_EQ(as_set(ids(region)), (std::set<std::string>{"ferry-0-0", "ferry-1-0"}));
    region.countries = {"Russia"};  // AND across fields: nothing is in Highland and Russia
    EXPECT_TRUE(ids(region).empty());

    search::SearchRequest kind;
    kind.limit = 100;
    kind.kinds = {"narrative"};
    EXPECT_EQ(ids(kind), (Ids{"ferry-2-0"}));

    search::SearchRequest dates;
    dates.limit = 100;
    dates.from = "2024-01-01";
    dates.to = "2024-03-31";
    EXPECT_EQ(ids(dates), (Ids{"bridge-0-0", "bridge-1-0"}));  // no query: index order
    dates.from = "2023";
    dates.to = "2023";
    EXPECT_EQ(ids(dates), (Ids{"grain-0-0"}));
}

TEST_F(IndexSearch, OffsetAndLimitPage) {
    search::SearchRequest r;
    r.query = "ferries";
    r.offset = 1;
    r.limit = 2;
    EXPECT_EQ(ids(r), (Ids{"bridge-1-0", "ferry-0-0"}));
    const search::Searcher searcher(path());
    const auto results = searcher.search(r);
    ASSERT_EQ(results.hits.size(), 2u);
    EXPECT_EQ(results.hits[0].rank, 2u);
    EXPECT_EQ(results.hits[1].rank, 3u);
}

// Differential: the index's filters agree with a plain loop over the statements.
TEST_F(IndexSearch, FiltersAgreeWithAPlainScan) {
    std::vector<Statement> all;
    for (const auto& d : {ferry_doc(), bridge_doc(), grain_doc()}) all.insert(all.end(), d.begin(), d.end());
    const std::vector<std::string> speakers = {"", "Mairi Ross", "Ivan Petrov", "Dmitry Lapshin"};
    const std::vector<std::string> kinds = {"", "quote", "reported", "narrative"};
    const std::vector<std::string> countries = {"", "Russia", "United Kingdom"};
    for (const auto& speaker : speakers)
        for (const auto& kind : kinds)
            for (const auto& country : countries) {
                search::SearchRequest r;
                r.limit = 100;
                if (!speaker.empty()) r.speakers = {speaker};
                if (!kind.empty()) r.kinds = {kind};
                if (!country.empty()) r.countries = {country};
                std::set<std::string> expected;
                for (const auto& s : all)
                    if ((speaker.empty() || s.speaker == speaker) && (kind.empty() || to_string(s.kind) == kind) &&
                        (country.empty() || s.country == country))
                        expected.insert(s.id);
                EXPECT_EQ(as_set(ids(r)), expected) << speaker << " / " << kind << " / " << country;
            }
}

// The score is the sum of the parts --explain lists, each matched on its own.
TEST_F(IndexSearch, ExplainedPartsAddUpToTheScore) {
    const search::Searcher searcher(path());
    for (const char* query : {"evening ferry islands", "Petrov bridge islands", "ferry", "Highland ferry winter",
                              "second ferry northern route", "grain exports river"}) {
        search::SearchRequest r;
        r.query = query;
        r.limit = 100;
        r.explain = true;
        const auto results = searcher.search(r);
        ASSERT_FALSE(results.hits.empty()) << query;
        for (const auto& hit : results.hits) {
            double sum = 0;
            for (const auto& [name, weight] : hit.score_parts) sum += weight;
            EXPECT_NEAR(sum, hit.score, 1e-9) << query << ": " << hit.statement.id;
        }
    }
}

// Differential: the two-pass ranking (Xapian's top candidates, then the positional parts)
// orders hits as the plain sum of every part over the whole index does.
TEST_F(IndexSearch, TwoPassRankingEqualsTheSumOfAllParts) {
    const Xapian::Database db(path());
    const search::Searcher searcher(path());
    for (const char* query : {"evening ferry islands", "bridge islands ferry", "the harbour trust second ferry",
                              "Petrov ferry fleet", "islands winter running"}) {
        search::SearchRequest r;
        r.query = query;
        r.limit = 100;
        r.collapse = false;
        const auto built = search::QueryBuilder(db).build(r);
        std::map<Xapian::docid, double> sum;
        for (const auto& [name, part] : built.parts) {
            Xapian::Enquire e(db);
            e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, part, built.relaxed));
            e.set_weighting_scheme(Xapian::BM25Weight(0.3, 0, 0, 0.5, 0.5));
            const auto m = e.get_mset(0, db.get_doccount());
            for (auto it = m.begin(); it != m.end(); ++it) sum[*it] += it.get_weight();
        }
        std::vector<std::pair<double, std::string>> expected;
        for (const auto& [docid, score] : sum) expected.emplace_back(score, index::decode_record(db.get_document(docid).get_data()).id);
        std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        const auto results = searcher.search(r);
        ASSERT_EQ(results.hits.size(), expected.size()) << query;
        for (std::size_t k = 0; k < expected.size(); ++k) {
            EXPECT_NEAR(results.hits[k].score, expected[k].first, 1e-9) << query << " #" << k;
            if (k + 1 < expected.size() && expected[k].first != expected[k + 1].first && (k == 0 || expected[k - 1].first != expected[k].first))
                EXPECT_EQ(results.hits[k].statement.id, expected[k].second) << query << " #" << k;
        }
    }
}

// Differential: date ranges as year, month and day terms find what a scan of the dates finds.
TEST_F(IndexSearch, DateRangesAgreeWithAPlainScan) {
    auto with_year_only = grain_doc();
    with_year_only[0].id = "year-0-0";
    with_year_only[0].doc = "year";
    with_year_only[0].source = "fixture/year.txt";
    with_year_only[0].text = "Barley exports fell that year.";  // not a copy of grain-0-0 (copies collapse)
    with_year_only[0].date = "2024";
    auto long_ago = grain_doc();  // 75 years of dates: wide ranges take the date slot instead of terms
    long_ago[0].id = "old-0-0";
    long_ago[0].doc = "old";
    long_ago[0].source = "fixture/old.txt";
    long_ago[0].text = "Rye was sown late.";
    long_ago[0].date = "1950-05-09";
    build({with_year_only, long_ago});
    std::vector<Statement> all;
    for (const auto& d : {ferry_doc(), bridge_doc(), grain_doc(), with_year_only, long_ago}) all.insert(all.end(), d.begin(), d.end());
    const std::vector<std::pair<std::string, std::string>> ranges = {
        {"2024", "2024"}, {"2024-01-01", "2024-06-26"}, {"2024-03-15", "2024-03-15"}, {"2024-03", "2024-06"}, {"2023", ""},
        {"", "2023-12-31"}, {"2024-06-27", ""}, {"2023-11-02", "2024-03-15"}, {"2025", "2030"}, {"1990", "2024-03"},
        {"1940", "2024-03"}, {"1950-05", "2024-06-27"}, {"1950-05-10", ""}, {"", "1950-05-09"}};
    for (const auto& [from, to] : ranges) {
        search::SearchRequest r;
        r.limit = 100;
        r.from = from;
        r.to = to;
        const std::string lo = from.empty() ? "00000000" : from.size() == 4 ? from + "0000" : from.size() == 7 ? from + "-00" : from;
        const std::string hi = to.empty() ? "99999999" : to.size() == 4 ? to + "1231" : to.size() == 7 ? to + "-31" : to;
        std::set<std::string> expected;
        for (const auto& s : all) {
            std::string d = index::DocumentBuilder::date_digits(s.date);
            auto digits = [](std::string v) { v.erase(std::remove(v.begin(), v.end(), '-'), v.end()); return v; };
            if (digits(lo) <= d && d <= digits(hi)) expected.insert(s.id);
        }
        EXPECT_EQ(as_set(ids(r)), expected) << from << ".." << to;
    }
}

TEST_F(IndexSearch, WildcardsExpandOverTheStems) {
    EXPECT_EQ(as_set(ids("isl*")), (std::set<std::string>{"bridge-0-0", "ferry-0-0"}));
    EXPECT_EQ(as_set(ids("ferri*")), (std::set<std::string>{"ferry-0-0", "ferry-1-0", "ferry-2-0", "bridge-1-0"}));  // stem "ferri"
    EXPECT_EQ(as_set(ids("speaker:petr*")), (std::set<std::string>{"bridge-0-0", "bridge-1-0"}));
    EXPECT_TRUE(ids("zzz*").empty());
}

TEST_F(IndexSearch, ExactWantsTheWordsAsWritten) {
    search::SearchRequest r;
    r.limit = 100;
    r.exact = true;
    r.query = "evening ferry";
    EXPECT_EQ(ids(r), (Ids{"ferry-0-0"}));
    r.query = "evening ferries";  // the same stems, other words
    EXPECT_TRUE(ids(r).empty());
    r.query = "EVENING   Ferry to";
    EXPECT_EQ(ids(r), (Ids{"ferry-0-0"}));
}

TEST_F(IndexSearch, ReAddingTheSameStatementsDoesNotDuplicate) {
    ASSERT_EQ(doc_count(), 6u);
    build({ferry_doc(), bridge_doc(), grain_doc()});
    EXPECT_EQ(doc_count(), 6u);
    EXPECT_EQ(ids("islands"), (Ids{"bridge-0-0", "ferry-0-0"}));
}

TEST_F(IndexSearch, ChangedDocumentReplacesItsOldStatements) {
    auto shorter = ferry_doc();
    shorter.resize(1);
    shorter[0].text = "The evening ferry will stop in October.";
    build({shorter});
    EXPECT_EQ(doc_count(), 4u);  // 1 + bridge 2 + grain 1
    EXPECT_EQ(ids("ferry"), (Ids{"ferry-0-0", "bridge-1-0"}));
    EXPECT_TRUE(ids("quay").empty());
    EXPECT_EQ(ids("islands"), (Ids{"bridge-0-0"}));
    EXPECT_EQ(ids("october"), (Ids{"ferry-0-0"}));
}

TEST_F(IndexSearch, SeveralDocumentsOfOneSourceInOneRunAreAllKept) {
    auto first = grain_doc();
    auto second = grain_doc();
    second[0].id = "grain2-0-0";
    second[0].doc = "grain2";  // same source file, another item
    second[0].text = "Barley exports fell.";
    build({first, second});
    EXPECT_EQ(doc_count(), 7u);
    EXPECT_EQ(ids("exports"), (Ids{"grain2-0-0", "grain-0-0"}));
}

TEST_F(IndexSearch, SchemaVersionIsWrittenAndChecked) {
    EXPECT_EQ(Xapian::Database(path()).get_metadata(std::string(schema::kVersionKey)), std::to_string(schema::kVersion));
    {
        Xapian::WritableDatabase db(path(), Xapian::DB_OPEN);
        db.set_metadata(std::string(schema::kVersionKey), "999");
        db.commit();
    }
    EXPECT_THROW(search::Searcher{path()}, IndexError);
    EXPECT_THROW(index::IndexWriter{path()}, IndexError);
    try {
        search::Searcher searcher(path());
    } catch (const IndexError& e) {
        EXPECT_NE(std::string(e.what()).find("999"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(path()), std::string::npos) << e.what();
    }
}

TEST(IndexOpen, MissingIndexIsAnIndexError) {
    test::TempDir dir;
    EXPECT_THROW(search::Searcher{(dir / "nothing-here").string()}, IndexError);
}

}  // namespace
}  // namespace verbatim
