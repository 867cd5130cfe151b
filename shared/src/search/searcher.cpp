#include <verbatim/search/searcher.hpp>

#include <verbatim/error.hpp>
#include <verbatim/index/document_builder.hpp>
#include <verbatim/index/index_writer.hpp>
#include <verbatim/index/record.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/search/candidate_set.hpp>
#include <verbatim/search/query_builder.hpp>
#include <verbatim/text/unicode.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace verbatim::search {

namespace {

// BM25 saturating earlier than Xapian's default (k1 1 → 0.3): a fact-checker's half-remembered
// words should count by how many of them a statement holds, not by how often it repeats one.
// k3 = 0: a word repeated in the query does not weigh more.
Xapian::BM25Weight ranking_weight() { return Xapian::BM25Weight(0.3, 0, 0, 0.5, 0.5); }

// Matching at least this many statements makes the total exact for all but large result sets.
constexpr Xapian::doccount kCheckAtLeast = 0;
// The first pass's best this many are re-ranked with the positional parts (or the page, when deeper).
constexpr std::size_t kRerankDepth = 50;

Statement statement_of(const Xapian::Document& doc) {
    try {
        return index::decode_record(doc.get_data());
    } catch (const IndexError& e) {
        throw IndexError("document " + std::to_string(doc.get_docid()) + ": " + e.what());
    }
}

std::string_view kind_name(const std::string& slot_value) {
    if (slot_value == "0") return "quote";
    if (slot_value == "1") return "reported";
    return "narrative";
}

// --exact: the statement holds the words as written, one after the other (case, diacritics
// and punctuation aside). The phrase of their stems found the candidates.
bool holds_literally(const std::string& text, const std::vector<std::string>& words) {
    if (words.empty()) return true;
    const auto have = folded_words(text::fold(text));
    return std::search(have.begin(), have.end(), words.begin(), words.end()) != have.end();
}

class LiterallyDecider : public Xapian::MatchDecider {
public:
    explicit LiterallyDecider(const std::vector<std::string>& words) : m_words(words) {}
    bool operator()(const Xapian::Document& doc) const override {
        return holds_literally(statement_of(doc).text, m_words);
    }

private:
    const std::vector<std::string>& m_words;
};

// Lets through the first document of each collapse key: counts and facets over distinct
// statements, as the hits are collapsed.
class FirstCopyOnly : public Xapian::MatchDecider {
public:
    explicit FirstCopyOnly(const Xapian::MatchDecider* also) : m_also(also) {}
    bool operator()(const Xapian::Document& doc) const override {
        if (m_also && !(*m_also)(doc)) return false;
        const std::string key = doc.get_value(schema::slot::collapse);
        return key.empty() || m_seen.insert(key).second;  // no key: a statement without copies
    }

private:
    const Xapian::MatchDecider* m_also;
    mutable std::unordered_set<std::string> m_seen;
};

}  // namespace

const std::map<std::string, unsigned>& facet_slots() {
    static const std::map<std::string, unsigned> slots = {
        {"speaker", schema::slot::speaker}, {"region", schema::slot::region}, {"country", schema::slot::country},
        {"kind", schema::slot::kind},       {"year", schema::slot::date}};
    return slots;
}

namespace {

// The facet's values as users read them, most frequent first: kinds by name, dates by year.
std::vector<FacetValue> facet_values(const std::string& name, const Xapian::ValueCountMatchSpy& spy) {
    std::map<std::string, Xapian::doccount> counts;
    for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
        if ((*v).empty()) continue;
        const std::string value = name == "kind"   ? std::string(kind_name(*v))
                                  : name == "year" ? index::DocumentBuilder::year_of_date_value(*v)
                                                   : *v;
        counts[value] += v.get_termfreq();
    }
    std::vector<FacetValue> out;
    for (const auto& [value, n] : counts) out.push_back({value, n});
    std::stable_sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (out.size() > 50) out.resize(50);
    return out;
}

}  // namespace

Searcher::Searcher(const std::string& index_path) : m_db(index::open_for_reading(index_path)) {}
Searcher::Searcher(Xapian::Database db) : m_db(std::move(db)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&& other) noexcept : m_db(std::move(other.m_db)) {}

Xapian::Query Searcher::like_query(const std::string& id) const {
    Xapian::PostingIterator p = m_db.postlist_begin(index::DocumentBuilder::id_term(id));
    if (p == m_db.postlist_end(index::DocumentBuilder::id_term(id))) throw QueryError("no statement with id '" + id + "'");
    Xapian::Enquire enquire(m_db);
    Xapian::RSet rset;
    rset.add_document(*p);
    // The statement's most telling words: stems of its text, not its field or filter terms.
    struct WordsOnly : Xapian::ExpandDecider {
        bool operator()(const std::string& term) const override {
            return term.size() > 1 && term[0] == 'Z' && std::islower(static_cast<unsigned char>(term[1]));
        }
    } words_only;
    const Xapian::ESet eset = enquire.get_eset(40, rset, &words_only);
    std::vector<Xapian::Query> terms;
    for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
    // Not the statement itself, nor its copies in other releases.
    const std::string key = m_db.get_document(*p).get_value(schema::slot::collapse);  // "" without copies
    const Xapian::Query id_term(index::DocumentBuilder::id_term(id));
    const Xapian::Query itself = key.empty() ? id_term
                                             : Xapian::Query(Xapian::Query::OP_OR, id_term,
                                                             Xapian::Query(std::string(schema::prefix::collapse) + key));
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), itself);
}

// One match: the ranked query (the relaxed words plus the parts that add weight) with
// Xapian's own top-k pruning, collapsing and tie order; then only the page's hits are read.
SearchResults Searcher::search(const SearchRequest& request) const {
    for (const auto& name : request.facets)
        if (!facet_slots().count(name))
            throw QueryError("unknown facet '" + name + "' (speaker, region, country, kind, year)");
    // One parser for the searcher's life (setting up its prefixes and processors took 0.1 ms).
    if (!m_builder) m_builder = std::make_unique<QueryBuilder>(m_db);
    const BuiltQuery built = m_builder->build(request);
    SearchResults results;
    results.corrected = built.corrected;
    results.words = built.words;

    const bool has_words = !request.query.empty() && !request.exact && !built.parts.empty();
    // How many statements hold all the words (no weights: 30 times faster), asked once.
    std::optional<Xapian::doccount> strict_hits;
    const auto count_strict = [&] {
        if (!strict_hits) {
            Xapian::Enquire strict(m_db);
            strict.set_query(built.strict);
            strict.set_weighting_scheme(Xapian::BoolWeight());
            strict_hits = strict.get_mset(0, 0, 1).get_matches_estimated();
        }
        return *strict_hits;
    };
    const bool check_strict = has_words && !built.strict_is_relaxed;
    // By relevance, statements holding all the words rank first anyway. Sorted by date, the
    // hits are those holding all of them (the default AND), and those holding only some come
    // only when none holds all (the output then says the query was relaxed).
    Xapian::Query query = request.sort == SortOrder::relevance          ? built.ranked
                          : check_strict && count_strict() > 0 ? built.strict
                                                                        : built.relaxed;
    if (!request.like.empty()) {
        const Xapian::Query like = like_query(request.like);
        query = request.query.empty() ? Xapian::Query(Xapian::Query::OP_FILTER, like, built.strict)
                                      : Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, like);
    }
    if (request.explain) results.description = query.get_description();

    Xapian::Enquire enquire(m_db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(ranking_weight());
    switch (request.sort) {
    case SortOrder::relevance:
        // Ties are ordered below, among the candidates only: a sort value read by Xapian for
        // every document it considers cost 0.3-0.6 ms a query on a million statements.
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
    const LiterallyDecider literally(built.literal);
    const Xapian::MatchDecider* decider = built.literal.empty() ? nullptr : &literally;
    const std::size_t page_end = request.offset + request.limit;
    // Relevance: the best candidates of the first pass are re-ranked (with the positional
    // parts, when the query has them) and the page is taken from the new order.
    const bool relevance = request.sort == SortOrder::relevance;
    const bool rerank = relevance && !built.positional.empty();
    // Without a re-rank, a few more than the page, to order ties at its end.
    const std::size_t fetch = rerank ? std::max<std::size_t>(page_end, kRerankDepth) : relevance ? page_end + 10 : request.limit;
    Xapian::MSet mset;
    bool checked_here = true;  // the decider ran (not possible on remote shards)
    try {
        mset = enquire.get_mset(static_cast<Xapian::doccount>(relevance ? 0 : request.offset),
                                static_cast<Xapian::doccount>(fetch), kCheckAtLeast, nullptr, decider);
    } catch (const Xapian::UnimplementedError&) {
        // Remote shards run no deciders: take more and check the wording here.
        checked_here = false;
        mset = enquire.get_mset(0, static_cast<Xapian::doccount>(page_end * 10 + 100), kCheckAtLeast);
    }
    results.estimated_total = mset.get_matches_estimated();
    results.exact_total = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (request.count_all || !request.facets.empty()) count(query, request, decider, results);
    if (check_strict) {
        results.strict_hits = count_strict();
        results.relaxed = results.strict_hits == 0 && results.estimated_total > 0;
    } else {
        results.strict_hits = results.estimated_total;
    }

    // The candidates in their final order (the first pass's, or re-ranked).
    struct Candidate {
        Xapian::MSetIterator it;
        double score;
    };
    std::vector<Candidate> order;
    for (auto it = mset.begin(); it != mset.end(); ++it) order.push_back({it, it.get_weight()});
    if (rerank && !order.empty()) {
        std::vector<Xapian::docid> ids;
        for (const auto& c : order) ids.push_back(*c.it);
        const auto extra = positional_weights(built.positional, ids);
        for (auto& c : order)
            if (const auto found = extra.find(*c.it); found != extra.end()) c.score += found->second;
        std::stable_sort(order.begin(), order.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    }
    if (relevance) {
        // Equal scores: quotes before reported speech before narrative, then the collapse key,
        // so that the order does not hang on docids (one index and its shards agree). Only the
        // candidates tied on the page are read; the key of a statement without copies (none in
        // slot 6) is made from its text.
        for (std::size_t a = 0; a < order.size() && a < page_end;) {
            std::size_t b = a + 1;
            while (b < order.size() && order[b].score == order[a].score) ++b;
            if (b - a > 1 && b > request.offset) {
                std::vector<std::pair<std::string, Candidate>> run;
                for (std::size_t k = a; k < b; ++k) {
                    const Xapian::Document doc = order[k].it.get_document();
                    std::string key = order[k].it.get_collapse_key();  // known when collapsing, else read
                    if (key.empty()) key = doc.get_value(schema::slot::collapse);
                    if (key.empty()) key = index::DocumentBuilder::collapse_key(statement_of(doc).text);
                    run.emplace_back(doc.get_value(schema::slot::kind) + key, order[k]);
                }
                std::stable_sort(run.begin(), run.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
                for (std::size_t k = a; k < b; ++k) order[k] = run[k - a].second;
            }
            a = b;
        }
    }
    std::size_t rank = relevance || !checked_here ? 0 : request.offset;
    for (const auto& c : order) {
        Hit hit;
        if (!checked_here) {
            hit.statement = statement_of(c.it.get_document());
            if (!holds_literally(hit.statement.text, built.literal)) continue;
        }
        if (++rank <= request.offset) continue;
        if (rank > page_end) break;
        if (checked_here) hit.statement = statement_of(c.it.get_document());
        hit.rank = rank;
        hit.score = c.score;
        if (request.explain)
            for (auto t = enquire.get_matching_terms_begin(c.it); t != enquire.get_matching_terms_end(c.it); ++t)
                hit.matched_terms.push_back(*t);
        if (request.collapse) hit.also_in = copies_of(c.it.get_collapse_key(), *c.it);
        results.hits.push_back(std::move(hit));
    }
    if (request.explain) explain(built, has_words && request.sort == SortOrder::relevance, results);
    return results;
}

// The weight of the positional parts for each candidate that matches them: one match over
// the candidates alone (a posting source of their docids; by their id terms on remote shards).
std::unordered_map<Xapian::docid, double> Searcher::positional_weights(const Xapian::Query& positional,
                                                                       const std::vector<Xapian::docid>& ids) const {
    std::unordered_map<Xapian::docid, double> out;
    Xapian::Enquire e(m_db);
    e.set_weighting_scheme(ranking_weight());
    Xapian::MSet m;
    try {
        e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, positional, Xapian::Query((new CandidateSet(m_db, ids))->release())));
        m = e.get_mset(0, static_cast<Xapian::doccount>(ids.size()));
    } catch (const Xapian::UnimplementedError&) {
        std::vector<Xapian::Query> terms;
        for (Xapian::docid id : ids) terms.emplace_back(index::DocumentBuilder::id_term(statement_of(m_db.get_document(id)).id));
        e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, positional, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())));
        m = e.get_mset(0, static_cast<Xapian::doccount>(ids.size()));
    }
    for (auto it = m.begin(); it != m.end(); ++it) out[*it] = it.get_weight();
    return out;
}

// What each hit's score is made of: each part of the ranked query, matched against the hits
// alone. The parts' weights add up to the score (tests/unit/index_search_test.cpp checks it).
void Searcher::explain(const BuiltQuery& built, bool parts, SearchResults& results) const {
    std::vector<Xapian::Query> ids;
    std::unordered_map<std::string, Hit*> by_id;
    for (auto& hit : results.hits) {
        ids.emplace_back(index::DocumentBuilder::id_term(hit.statement.id));
        by_id[hit.statement.id] = &hit;
    }
    if (!parts || ids.empty()) {
        for (auto& hit : results.hits) hit.score_parts.emplace_back("query", hit.score);
        return;
    }
    const Xapian::Query hits(Xapian::Query::OP_OR, ids.begin(), ids.end());
    for (const auto& [name, part] : built.parts) {
        Xapian::Enquire e(m_db);
        e.set_weighting_scheme(ranking_weight());
        e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, part, hits));
        const Xapian::MSet m = e.get_mset(0, static_cast<Xapian::doccount>(ids.size()));
        for (auto it = m.begin(); it != m.end(); ++it) {
            const auto found = by_id.find(statement_of(it.get_document()).id);
            if (found != by_id.end()) found->second->score_parts.emplace_back(name, it.get_weight());
        }
    }
}

// An exact count and the facets over every match (of distinct statements when collapsing).
void Searcher::count(const Xapian::Query& query, const SearchRequest& request, const Xapian::MatchDecider* decider,
                     SearchResults& results) const {
    auto run = [&](bool deciders) {
        Xapian::Enquire enquire(m_db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
        for (const auto& name : request.facets) {
            spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facet_slots().at(name)));
            enquire.add_matchspy(spies.back().get());
        }
        // Without deciders (remote shards), distinct statements are counted as the distinct
        // values of the collapse key.
        Xapian::ValueCountMatchSpy keys(schema::slot::collapse);
        if (request.collapse && !deciders) enquire.add_matchspy(&keys);
        FirstCopyOnly first_copy(decider);
        const Xapian::MatchDecider* use = !deciders ? nullptr : request.collapse ? &first_copy : decider;
        const Xapian::MSet all = enquire.get_mset(0, 0, m_db.get_doccount(), nullptr, use);
        results.estimated_total = all.get_matches_estimated();
        results.exact_total = all.get_matches_lower_bound() == all.get_matches_upper_bound();
        if (request.collapse && !deciders) {
            // Each key once, and each statement without a key (one without copies).
            Xapian::doccount distinct = 0, with_key = 0;
            for (auto v = keys.values_begin(); v != keys.values_end(); ++v) {
                ++distinct;
                with_key += v.get_termfreq();
            }
            results.estimated_total = distinct + (all.get_matches_estimated() - with_key);
        }
        results.facets.clear();
        for (std::size_t k = 0; k < spies.size(); ++k) results.facets[request.facets[k]] = facet_values(request.facets[k], *spies[k]);
    };
    try {
        run(true);
    } catch (const Xapian::UnimplementedError&) {
        run(false);  // a remote shard: facets then count every copy of a repeated statement
    }
}

// Other releases holding the same statement (same collapse key), oldest first.
std::vector<Occurrence> Searcher::copies_of(const std::string& key, Xapian::docid self) const {
    std::vector<Occurrence> out;
    const std::string term = std::string(schema::prefix::collapse) + key;
    if (key.empty() || m_db.get_termfreq(term) <= 1) return out;  // most statements appear once: no match needed
    Xapian::Enquire same(m_db);
    same.set_query(Xapian::Query(term));  // a posting list, not a value scan
    same.set_sort_by_value(schema::slot::date, false);
    const Xapian::MSet others = same.get_mset(0, 20);
    for (auto o = others.begin(); o != others.end(); ++o) {
        if (*o == self) continue;
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
