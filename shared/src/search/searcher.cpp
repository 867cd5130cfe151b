#include <verbatim/search/searcher.hpp>

#include <verbatim/error.hpp>
#include <verbatim/format/json.hpp>
#include <verbatim/index/index_writer.hpp>
#include <verbatim/search/query_builder.hpp>

namespace verbatim::search {

Searcher::Searcher(const std::string& index_path) : m_db(index::open_for_reading(index_path)) {}

SearchResults Searcher::search(const SearchRequest& request) const {
    const QueryBuilder builder(m_db);
    const Xapian::Query query = builder.build(request);
    Xapian::Enquire enquire(m_db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit));
    SearchResults results;
    results.estimated_total = mset.get_matches_estimated();
    results.description = query.get_description();
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
