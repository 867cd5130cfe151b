#include <verbatim/search/searcher.hpp>

#include <verbatim/error.hpp>
#include <verbatim/format/json.hpp>
#include <verbatim/index/document_builder.hpp>
#include <verbatim/index/index_writer.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/search/query_builder.hpp>

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace verbatim::search {

namespace {

// BM25 saturating earlier than Xapian's default (k1 1 → 0.3): a fact-checker's half-remembered
// words should count by how many of them a statement holds, not by how often it repeats one.
// k3 = 0: a word repeated in the query does not weigh more.
Xapian::BM25Weight ranking_weight() { return Xapian::BM25Weight(0.3, 0, 0, 0.5, 0.5); }

Statement statement_of(const Xapian::Document& doc) {
    const auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (data.is_discarded()) throw IndexError("document " + std::to_string(doc.get_docid()) + " holds no valid JSON");
    return format::statement_from_json(data);
}

}  // namespace

const std::map<std::string, unsigned>& facet_slots() {
    static const std::map<std::string, unsigned> slots = {
        {"speaker", schema::slot::speaker}, {"region", schema::slot::region}, {"country", schema::slot::country},
        {"kind", schema::slot::kind},       {"year", schema::slot::year}};
    return slots;
}

Searcher::Searcher(const std::string& index_path) : m_db(index::open_for_reading(index_path)) {}
Searcher::Searcher(Xapian::Database db) : m_db(std::move(db)) {}

Xapian::Query Searcher::like_query(const std::string& id) const {
    Xapian::PostingIterator p = m_db.postlist_begin(index::DocumentBuilder::id_term(id));
    if (p == m_db.postlist_end(index::DocumentBuilder::id_term(id))) throw QueryError("no statement with id '" + id + "'");
    Xapian::Enquire enquire(m_db);
    Xapian::RSet rset;
    rset.add_document(*p);
    // The statement's most telling words (not its field or filter terms).
    struct WordsOnly : Xapian::ExpandDecider {
        bool operator()(const std::string& term) const override {
            return !term.empty() && (std::islower(static_cast<unsigned char>(term[0])) || term[0] == 'Z') &&
                   !(term.size() > 1 && term[0] == 'Z' && std::isupper(static_cast<unsigned char>(term[1])));
        }
    } words_only;
    const Xapian::ESet eset = enquire.get_eset(40, rset, &words_only);
    std::vector<Xapian::Query> terms;
    for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
    // Not the statement itself, nor its copies in other releases.
    const std::string key = m_db.get_document(*p).get_value(schema::slot::collapse);
    const Xapian::Query itself(Xapian::Query::OP_OR, Xapian::Query(index::DocumentBuilder::id_term(id)),
                               Xapian::Query(std::string(schema::prefix::collapse) + key));
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), itself);
}

SearchResults Searcher::search(const SearchRequest& request) const {
    const QueryBuilder builder(m_db);
    const BuiltQuery built = builder.build(request);
    SearchResults results;
    results.corrected = built.corrected;
    results.words = built.words;

    // The candidates: statements holding any of the words. With words to rank by and the
    // relevance order, they are re-scored below by adding each part of the score on its own.
    const bool has_words = !request.query.empty() && !request.exact;
    Xapian::Query query = built.relaxed;
    if (!request.like.empty()) {
        Xapian::Query like = like_query(request.like);
        query = request.query.empty() ? Xapian::Query(Xapian::Query::OP_FILTER, like, built.strict)
                                      : Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, like);
    }
    for (const auto& name : request.facets)
        if (!facet_slots().count(name))
            throw QueryError("unknown facet '" + name + "' (speaker, region, country, kind, year)");
    if (has_words && request.sort == SortOrder::relevance) return ranked_search(request, built, query, results);

    // Otherwise (filters only, --exact, --like alone, or a date order) Xapian ranks directly.
    results.description = query.get_description();

    Xapian::Enquire enquire(m_db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(ranking_weight());
    switch (request.sort) {
    case SortOrder::relevance:
        // At equal relevance: quotes, then reported speech, then narrative.
        enquire.set_sort_by_relevance_then_value(schema::slot::kind_rank, false);
        break;
    case SortOrder::date_ascending:
        enquire.set_sort_by_value_then_relevance(schema::slot::date, false);
        break;
    case SortOrder::date_descending:
        enquire.set_sort_by_value_then_relevance(schema::slot::date, true);
        break;
    }
    if (request.collapse) enquire.set_collapse_key(schema::slot::collapse);
    if (request.time_limit > 0) enquire.set_time_limit(request.time_limit);
    // Checking at least 1,000 matches makes the total exact for all but large result sets.
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit), 1000);
    results.estimated_total = mset.get_matches_estimated();
    results.exact_total = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (request.count_all || !request.facets.empty()) count(query, request, results);
    if (has_words) {
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
        hit.statement = statement_of(it.get_document());
        hit.rank = ++rank;
        hit.score = it.get_weight();
        for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t)
            hit.matched_terms.push_back(*t);
        if (request.explain) hit.score_parts.emplace_back("query", it.get_weight());
        if (request.collapse) hit.also_in = copies_of(it.get_document());
        results.hits.push_back(std::move(hit));
    }
    return results;
}

namespace {

// Lets through the first document of each collapse key: counts and facets over distinct
// statements, as the hits are collapsed.
class FirstCopyOnly : public Xapian::MatchDecider {
public:
    bool operator()(const Xapian::Document& doc) const override {
        return m_seen.insert(doc.get_value(schema::slot::collapse)).second;
    }

private:
    mutable std::unordered_set<std::string> m_seen;
};

}  // namespace

// An exact count and the facets over every match (of distinct statements when collapsing).
void Searcher::count(const Xapian::Query& query, const SearchRequest& request, SearchResults& results) const {
    auto run = [&](bool first_copies) {
        Xapian::Enquire enquire(m_db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
        for (const auto& name : request.facets) {
            spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facet_slots().at(name)));
            enquire.add_matchspy(spies.back().get());
        }
        // Without the first-copy decider (remote shards), distinct statements are counted as
        // the distinct values of the collapse key.
        Xapian::ValueCountMatchSpy keys(schema::slot::collapse);
        if (request.collapse && !first_copies) enquire.add_matchspy(&keys);
        FirstCopyOnly first_copy;
        const Xapian::MSet all = enquire.get_mset(0, 0, m_db.get_doccount(), nullptr,
                                                  request.collapse && first_copies ? &first_copy : nullptr);
        results.estimated_total = all.get_matches_estimated();
        results.exact_total = all.get_matches_lower_bound() == all.get_matches_upper_bound();
        if (request.collapse && !first_copies) {
            Xapian::doccount distinct = 0;
            for (auto v = keys.values_begin(); v != keys.values_end(); ++v) ++distinct;
            results.estimated_total = distinct;
        }
        results.facets.clear();
        for (std::size_t k = 0; k < spies.size(); ++k) {
            auto& values = results.facets[request.facets[k]];
            for (auto v = spies[k]->top_values_begin(50); v != spies[k]->top_values_end(50); ++v)
                if (!(*v).empty()) values.push_back({*v, v.get_termfreq()});
        }
    };
    try {
        run(true);
    } catch (const Xapian::UnimplementedError&) {
        run(false);  // a remote shard: facets then count every copy of a repeated statement
    }
}

// Relevance ranking, summed part by part: BM25 over any of the words, plus the weight of the
// AND query (holding every word), of the words close together and in order, of the words as
// typed and of a speaker named. Each part is its own Xapian query over the candidates, so the
// score is exactly the sum that --explain shows. (Xapian's own combination of these parts in
// one AND_MAYBE tree gave some statements weight none of the parts gave them.)
SearchResults Searcher::ranked_search(const SearchRequest& request, const BuiltQuery& built,
                                      const Xapian::Query& candidates_query, SearchResults& results) const {
    const Xapian::doccount wanted = static_cast<Xapian::doccount>(request.offset + request.limit);
    results.description = candidates_query.get_description();
    Xapian::Enquire enquire(m_db);
    enquire.set_query(candidates_query);
    enquire.set_weighting_scheme(ranking_weight());
    if (request.time_limit > 0) enquire.set_time_limit(request.time_limit);
    const Xapian::MSet candidates = enquire.get_mset(0, std::max<Xapian::doccount>(wanted * 4, 200), 1000);

    struct Candidate {
        Xapian::docid id;
        double score;
        std::vector<std::pair<std::string, double>> parts;
        Xapian::MSetIterator it;
    };
    std::vector<Candidate> ranked;
    std::unordered_map<std::string, std::size_t> index_of;  // statement id → candidate
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
        std::string id = it.get_document().get_value(schema::slot::id);
        if (id.empty()) {  // an index written before the id slot: the Q term
            Xapian::TermIterator t = m_db.termlist_begin(*it);
            t.skip_to(std::string(schema::prefix::id));
            if (t != m_db.termlist_end(*it) && (*t).starts_with(schema::prefix::id)) id = (*t).substr(schema::prefix::id.size());
        }
        index_of[id] = ranked.size();
        ranked.push_back({*it, it.get_weight(), {{"any of the words", it.get_weight()}}, it});
    }
    // Each part is matched among the candidates only: a MatchDecider on the id slot, or, where
    // the database is remote (no deciders there), a filter on the candidates' id terms.
    struct AmongCandidates : Xapian::MatchDecider {
        const std::unordered_map<std::string, std::size_t>* ids = nullptr;
        bool operator()(const Xapian::Document& doc) const override { return ids->count(doc.get_value(schema::slot::id)) > 0; }
    } among_decider;
    among_decider.ids = &index_of;
    std::vector<Xapian::Query> id_terms;
    for (const auto& [id, k] : index_of) id_terms.emplace_back(index::DocumentBuilder::id_term(id));
    const Xapian::Query among(Xapian::Query::OP_OR, id_terms.begin(), id_terms.end());
    bool remote = false;
    for (const auto& [name, part] : built.parts) {
        if (name == "any of the words") continue;
        Xapian::Enquire e(m_db);
        e.set_weighting_scheme(ranking_weight());
        Xapian::MSet m;
        if (!remote) {
            try {
                e.set_query(part);
                m = e.get_mset(0, static_cast<Xapian::doccount>(ranked.size()), 0, nullptr, &among_decider);
            } catch (const Xapian::UnimplementedError&) {
                remote = true;
            }
        }
        if (remote) {
            e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, part, among));
            m = e.get_mset(0, static_cast<Xapian::doccount>(ranked.size()));
        }
        for (auto it = m.begin(); it != m.end(); ++it) {
            auto found = index_of.find(it.get_document().get_value(schema::slot::id));
            if (found == index_of.end()) {
                const Statement s = statement_of(it.get_document());
                found = index_of.find(s.id);
            }
            if (found == index_of.end()) continue;
            Candidate& c = ranked[found->second];
            c.score += it.get_weight();
            c.parts.emplace_back(name, it.get_weight());
        }
    }
    std::vector<std::pair<Candidate*, std::string>> order;  // with the kind rank for ties
    for (auto& c : ranked) order.emplace_back(&c, c.it.get_document().get_value(schema::slot::kind_rank));
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        if (a.first->score != b.first->score) return a.first->score > b.first->score;
        return a.second < b.second;
    });
    // Collapse: the best-scored copy of each statement stands for all.
    std::unordered_set<std::string> keys;
    std::size_t rank = 0;
    for (const auto& [c, kind] : order) {
        const Xapian::Document doc = c->it.get_document();
        if (request.collapse && !keys.insert(doc.get_value(schema::slot::collapse)).second) continue;
        ++rank;
        if (rank <= request.offset) continue;
        if (rank > wanted) break;
        Hit hit;
        hit.statement = statement_of(doc);
        hit.rank = rank;
        hit.score = c->score;
        for (auto t = enquire.get_matching_terms_begin(c->it); t != enquire.get_matching_terms_end(c->it); ++t)
            hit.matched_terms.push_back(*t);
        if (request.explain) hit.score_parts = c->parts;
        if (request.collapse) hit.also_in = copies_of(doc);
        results.hits.push_back(std::move(hit));
    }
    results.estimated_total = candidates.get_matches_estimated();
    results.exact_total = candidates.get_matches_lower_bound() == candidates.get_matches_upper_bound();
    if (request.count_all || !request.facets.empty()) count(candidates_query, request, results);
    Xapian::Enquire strict(m_db);
    strict.set_query(built.strict);
    results.strict_hits = strict.get_mset(0, 0, 1).get_matches_estimated();
    results.relaxed = results.strict_hits == 0 && results.estimated_total > 0;
    return results;
}

// Other releases holding the same statement (same collapse key), oldest first.
std::vector<Occurrence> Searcher::copies_of(const Xapian::Document& doc) const {
    std::vector<Occurrence> out;
    const std::string key = doc.get_value(schema::slot::collapse);
    Xapian::Enquire same(m_db);
    same.set_query(Xapian::Query(std::string(schema::prefix::collapse) + key));  // a posting list, not a value scan
    same.set_sort_by_value(schema::slot::date, false);
    const Xapian::MSet others = same.get_mset(0, 20);
    for (auto o = others.begin(); o != others.end(); ++o) {
        if (*o == doc.get_docid()) continue;
        const Statement s = statement_of(o.get_document());
        out.push_back({s.id, s.source, s.title, s.date, s.url});
    }
    return out;
}

std::vector<Statement> Searcher::document_statements(const std::string& doc) const {
    std::vector<Statement> out;
    const std::string term = index::DocumentBuilder::doc_term(doc);
    for (auto p = m_db.postlist_begin(term); p != m_db.postlist_end(term); ++p)
        out.push_back(statement_of(m_db.get_document(*p)));
    std::sort(out.begin(), out.end(), [](const Statement& a, const Statement& b) {
        return std::tie(a.paragraph, a.start) < std::tie(b.paragraph, b.start);
    });
    return out;
}

bool Searcher::reopen() { return m_db.reopen(); }

std::optional<Statement> Searcher::statement(const std::string& id) const {
    const std::string term = index::DocumentBuilder::id_term(id);
    auto p = m_db.postlist_begin(term);
    if (p == m_db.postlist_end(term)) return std::nullopt;
    return statement_of(m_db.get_document(*p));
}

}  // namespace verbatim::search
