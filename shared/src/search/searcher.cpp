#include <verbatim/search/searcher.hpp>

#include <verbatim/error.hpp>
#include <verbatim/format/json.hpp>
#include <verbatim/index/index_writer.hpp>
#include <verbatim/search/query_builder.hpp>

#include <set>

namespace verbatim::search {

Searcher::Searcher(const std::string& index_path) : m_db(index::open_for_reading(index_path)) {}

namespace {

// BM25 saturating earlier than Xapian's default (k1 1 → 0.3): a fact-checker's half-remembered
// words should count by how many of them a statement holds, not by how often it repeats one.
// (Measured on the dev known-item queries: k1 0.3-1.0 × b 0.1-0.5; this was best on both sets.)
Xapian::BM25Weight ranking_weight() { return Xapian::BM25Weight(0.3, 0, 1, 0.5, 0.5); }

}  // namespace

SearchResults Searcher::search(const SearchRequest& request) const {
    const QueryBuilder builder(m_db);
    const BuiltQuery built = builder.build(request);
    SearchResults results;
    results.corrected = built.corrected;
    results.words = built.words;
    results.description = built.strict.get_description();

    // One ranking: statements with any of the words, where holding all of them (the strict
    // query) adds its weight again, and remembered wording and typed speaker names add more.
    // A long statement that merely contains every word somewhere does not outrank the one
    // that says what was remembered.
    Xapian::Query query = built.relaxed;
    if (!request.query.empty()) {
        Xapian::Query extra = built.strict;
        if (!built.boost.empty()) extra = Xapian::Query(Xapian::Query::OP_OR, extra, built.boost);
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.relaxed, extra);
    }
    Xapian::Enquire enquire(m_db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(ranking_weight());
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit));
    results.estimated_total = mset.get_matches_estimated();
    if (!request.query.empty()) {
        Xapian::Enquire strict(m_db);
        strict.set_query(built.strict);
        results.strict_hits = strict.get_mset(0, 0, 1).get_matches_estimated();
        results.relaxed = results.strict_hits == 0 && results.estimated_total > 0;
    } else {
        results.strict_hits = results.estimated_total;
    }
    std::size_t rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        const auto data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
        if (data.is_discarded()) throw IndexError("document " + std::to_string(*it) + " holds no valid JSON");
        hit.statement = format::statement_from_json(data);
        hit.rank = ++rank;
        hit.score = it.get_weight();
        for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t)
            hit.matched_terms.push_back(*t);
        results.hits.push_back(std::move(hit));
    }
    return results;
}

}  // namespace verbatim::search
