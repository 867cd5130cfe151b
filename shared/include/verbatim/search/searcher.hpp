#pragma once
// Opens an index (checking its schema), runs a request, returns ranked hits.

#include <verbatim/search/search_request.hpp>
#include <verbatim/statement.hpp>

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

namespace verbatim::search {

// Where else a collapsed statement appears.
struct Occurrence {
    std::string id, source, title, date, url;
};

struct Hit {
    Statement statement;
    std::size_t rank = 0;  // 1-based
    double score = 0.0;
    std::vector<std::string> matched_terms;
    std::vector<Occurrence> also_in;  // the same statement in other releases (collapsed)
    std::vector<std::pair<std::string, double>> score_parts;  // with SearchRequest::explain: they add up to score
};

struct FacetValue {
    std::string value;
    Xapian::doccount count = 0;
};

struct SearchResults {
    Xapian::doccount estimated_total = 0;
    bool exact_total = false;        // estimated_total is an exact count
    std::vector<Hit> hits;
    Xapian::doccount strict_hits = 0;  // statements holding every word
    bool relaxed = false;            // no statement holds every word: hits hold some of them
    std::string corrected;           // "did you mean" query, when words were unknown
    std::vector<std::string> words;  // plain query words (folded), for highlighting
    std::string description;         // the Xapian query, with SearchRequest::explain
    std::map<std::string, std::vector<FacetValue>> facets;  // facet name → values, most first
    double elapsed_ms = 0.0;         // set by callers that time the search (--batch)
};

class QueryBuilder;

class Searcher {
public:
    explicit Searcher(const std::string& index_path);
    explicit Searcher(Xapian::Database db);
    ~Searcher();
    Searcher(Searcher&& other) noexcept;
    // One searcher serves one thread at a time (as its Xapian::Database does).
    SearchResults search(const SearchRequest& request) const;
    // Statements of one document in order (for context around a hit); empty if unknown.
    std::vector<Statement> document_statements(const std::string& doc) const;
    std::optional<Statement> statement(const std::string& id) const;
    const Xapian::Database& database() const { return m_db; }
    // Catches up with commits made since it was opened; true when something changed.
    bool reopen();

private:
    Xapian::Query like_query(const std::string& id) const;
    void count(const Xapian::Query& query, const SearchRequest& request, const Xapian::MatchDecider* decider,
               SearchResults& results) const;
    void explain(const struct BuiltQuery& built, bool parts, SearchResults& results) const;
    std::unordered_map<Xapian::docid, double> positional_weights(const Xapian::Query& positional,
                                                                 const std::vector<Xapian::docid>& ids) const;
    // The other copies of the statement `self` (its collapse key as the match gave it).
    std::vector<Occurrence> copies_of(const std::string& key, Xapian::docid self) const;

    Xapian::Database m_db;
    mutable std::unique_ptr<QueryBuilder> m_builder;  // made on the first search
};

// Facet names and their value slots.
const std::map<std::string, unsigned>& facet_slots();

}  // namespace verbatim::search
