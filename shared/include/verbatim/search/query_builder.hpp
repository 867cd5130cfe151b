#pragma once
// Query text → Xapian queries: QueryParser with our prefixes and the indexer's stemming;
// words also search the speaker's name, role and place; boolean filters for fields and
// dates; a strict form (every word), a relaxed form (any word), and a proximity boost.

#include <verbatim/search/search_request.hpp>

#include <xapian.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace verbatim::search {

struct BuiltQuery {
    Xapian::Query strict;    // default operator AND
    Xapian::Query relaxed;   // default operator OR, same filters
    std::vector<Xapian::Query> boosts;  // words in order, as typed, a speaker named: add weight
    std::vector<std::string> words;  // the plain query words, folded, in order (for highlighting)
    std::vector<std::pair<std::string, Xapian::Query>> parts;  // named parts of the score, for --explain
    std::string corrected;   // "did you mean" query text, or "" when every word is known
};

class QueryBuilder {
public:
    QueryBuilder();
    explicit QueryBuilder(const Xapian::Database& db);  // wildcards, synonyms and spelling
    BuiltQuery build(const SearchRequest& request) const;
    // The query text alone (no request filters) with the default operator AND.
    Xapian::Query parse(const std::string& text) const;

private:
    Xapian::Query parse_with(const std::string& text, Xapian::Query::op default_op) const;
    Xapian::Query filters(const SearchRequest& request) const;
    std::string correct_spelling(const std::string& query) const;

    std::shared_ptr<std::string> m_field_error = std::make_shared<std::string>();  // set by field processors
    mutable Xapian::QueryParser m_parser;
    bool m_has_db = false;
    Xapian::Database m_database;
};

// The field:value parts of a query and the rest, each as query text (quotes kept together).
std::pair<std::string, std::string> split_fields(const std::string& query);

// The plain words of a query, without field names, operators and excluded words.
std::vector<std::string> plain_words(const std::string& query);

// "2024-06-27", "2024-06", "2024" → the boolean terms of that day, month or year; "" if invalid.
std::string date_term(const std::string& date);
// Range of dates on the date value slot.
Xapian::Query date_range_query(const std::string& from, const std::string& to);

}  // namespace verbatim::search
