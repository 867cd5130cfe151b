#pragma once
// Query text → Xapian queries: QueryParser with our prefixes and the indexer's stemming;
// words also search the speaker's name and region; boolean filters for fields and dates; a
// strict form (every word), a relaxed form (any word), and the ranked query: the relaxed one
// plus the parts that add weight (all the words, words in order, a speaker or place named).

#include <verbatim/search/query_words.hpp>
#include <verbatim/search/search_request.hpp>

#include <xapian.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace verbatim::search {

struct BuiltQuery {
    Xapian::Query strict;    // default operator AND, with the filters
    Xapian::Query relaxed;   // default operator OR (fields still required), with the filters
    Xapian::Query ranked;    // relaxed, plus each boost where it matches: what relevance ranks by
    // The boosts that need positions (words in order, close together): added to the best
    // candidates of `ranked` in a second pass.
    Xapian::Query positional;
    // The named parts of the ranked query's weight, for --explain: "any of the words" (the
    // relaxed words), then the boosts. A statement's weight is the sum of the parts it matches.
    std::vector<std::pair<std::string, Xapian::Query>> parts;
    std::vector<std::string> words;  // the plain query words (folded), in order, for highlighting
    std::vector<std::string> literal;  // --exact: the words a statement must hold as written, in order
    std::string corrected;   // "did you mean" query text, or "" when every word is known
    bool strict_is_relaxed = true;  // the two match the same statements (one word, the user's own operators)
};

class QueryBuilder {
public:
    QueryBuilder();
    explicit QueryBuilder(const Xapian::Database& db);  // wildcards, synonyms, spelling, date terms
    BuiltQuery build(const SearchRequest& request) const;
    // The query text alone (no request filters) with the default operator AND.
    Xapian::Query parse(const std::string& text) const;

    struct Context;  // what the field processors share with the builder

private:
    Xapian::Query parse_with(const std::string& text, Xapian::Query::op default_op) const;
    Xapian::Query filters(const SearchRequest& request) const;
    std::string correct_spelling(const std::string& query) const;
    void add_boosts(BuiltQuery& built, std::vector<Xapian::Query>& links, std::vector<Xapian::Query>& positional) const;

    std::shared_ptr<Context> m_context;
    mutable Xapian::QueryParser m_parser;
};

// What QueryParser is given for our query language: a phrase in a field
// (speaker:"Mr. Xi Jinping", whose words the index holds without positions) becomes all of
// its words in that field, and a wildcard (cooperat*, speaker:anok*) a field our own
// expansion handles (the index holds stems, which QueryParser's wildcards do not look at).
std::string rewrite_for_parser(const std::string& analysable_query);

// "2024-06-27", "2024-06", "2024" → the boolean terms of that day, month or year; "" if invalid.
std::string date_term(const std::string& date);
// A date range: the union of the year, month and day terms the database holds inside it, or
// without a database a range on the date value slot. An empty bound is open.
Xapian::Query date_range_query(const std::string& from, const std::string& to, const Xapian::Database* db = nullptr);

// Stems the database holds for a wildcard under a prefix ("cooperat" → Zcooper, Zcooperat…;
// at most `limit`, the most frequent first).
std::vector<std::string> wildcard_terms(const Xapian::Database& db, const std::string& prefix, const std::string& root,
                                        std::size_t limit);

}  // namespace verbatim::search
