#pragma once
// Query text → Xapian::Query: QueryParser with our prefixes, the same stemming as the
// indexer, boolean filters for fields and dates.

#include <verbatim/search/search_request.hpp>

#include <xapian.h>

#include <string>

namespace verbatim::search {

class QueryBuilder {
public:
    QueryBuilder();
    explicit QueryBuilder(const Xapian::Database& db);  // for wildcards and spelling
    Xapian::Query build(const SearchRequest& request) const;
    // The query text alone (no request filters), as QueryParser reads it.
    Xapian::Query parse(const std::string& text) const;

private:
    mutable Xapian::QueryParser m_parser;
};

// "2024-06-27", "2024-06", "2024" → the boolean terms of that day, month or year; "" if invalid.
std::string date_term(const std::string& date);
// Range of dates as an OR of day/month/year terms (bounded; falls back to the value slot).
Xapian::Query date_range_query(const std::string& from, const std::string& to);

}  // namespace verbatim::search
