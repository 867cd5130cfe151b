#include <verbatim/search/searcher.hpp>

#include <verbatim/error.hpp>
#include <verbatim/format/json.hpp>
#include <verbatim/index/index_writer.hpp>
#include <verbatim/search/query_builder.hpp>

#include <set>

namespace verbatim::search {

Searcher::Searcher(const std::string& index_path) : m_db(index::open_for_reading(index_path)) {}

namespace {

// Phrase matches of adjacent query words add to the score: the statement that holds the
// remembered words in order comes first.
Xapian::Query boosted(const Xapian::Query& query, const Xapian::Query& boost) {
    if (boost.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, boost, 0.5));
}

}  // namespace

SearchResults Searcher::search(const SearchRequest& request) const {
    const QueryBuilder builder(m_db);
    const BuiltQuery built = builder.build(request);
    SearchResults results;
    results.corrected = built.corrected;
    results.words = built.words;
    results.description = built.strict.get_description();
    const Xapian::doccount wanted = static_cast<Xapian::doccount>(request.offset + request.limit);

    auto run = [&](const Xapian::Query& query, Xapian::doccount count) {
        Xapian::Enquire enquire(m_db);
        enquire.set_query(boosted(query, built.boost));
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        return std::pair{enquire.get_mset(0, count), enquire};
    };
    auto [strict, strict_enquire] = run(built.strict, wanted);
    std::vector<std::pair<Xapian::MSetIterator, const Xapian::Enquire*>> ranked;
    std::set<Xapian::docid> seen;
    for (auto it = strict.begin(); it != strict.end(); ++it) {
        ranked.emplace_back(it, &strict_enquire);
        seen.insert(*it);
    }
    results.strict_hits = ranked.size();
    results.estimated_total = strict.get_matches_estimated();
    // When not every word is found together often enough, statements holding some follow.
    Xapian::MSet relaxed;
    Xapian::Enquire relaxed_enquire(m_db);
    if (ranked.size() < wanted && !request.query.empty()) {
        auto [mset, enquire] = run(built.relaxed, wanted + static_cast<Xapian::doccount>(ranked.size()));
        relaxed = mset;
        relaxed_enquire = enquire;
        for (auto it = relaxed.begin(); it != relaxed.end() && ranked.size() < wanted; ++it) {
            if (seen.count(*it)) continue;
            ranked.emplace_back(it, &relaxed_enquire);
            results.relaxed = true;
        }
        results.estimated_total = std::max(results.estimated_total, relaxed.get_matches_estimated());
    }
    for (std::size_t i = request.offset; i < ranked.size(); ++i) {
        const auto& [it, enquire] = ranked[i];
        Hit hit;
        const auto data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
        if (data.is_discarded()) throw IndexError("document " + std::to_string(*it) + " holds no valid JSON");
        hit.statement = format::statement_from_json(data);
        hit.rank = i + 1;
        hit.score = it.get_weight();
        for (auto t = enquire->get_matching_terms_begin(it); t != enquire->get_matching_terms_end(it); ++t)
            hit.matched_terms.push_back(*t);
        results.hits.push_back(std::move(hit));
    }
    return results;
}

}  // namespace verbatim::search
