#pragma once
// What a user asks: query text, filters, order, page, and what to compute besides hits.

#include <string>
#include <vector>

namespace verbatim::search {

enum class SortOrder { relevance, date_ascending, date_descending };

struct SearchRequest {
    std::string query;                 // the query language (README "Query language")
    std::vector<std::string> speakers; // filters, OR within one field, AND across fields
    std::vector<std::string> regions;
    std::vector<std::string> countries;
    std::vector<std::string> kinds;
    std::string from;                  // YYYY-MM-DD (or YYYY / YYYY-MM), inclusive
    std::string to;
    SortOrder sort = SortOrder::relevance;
    bool exact = false;                // the words as a literal, unstemmed phrase
    bool collapse = true;              // the same statement in several releases is one hit
    std::string like;                  // a statement id: find statements like it
    std::vector<std::string> facets;   // speaker, region, country, kind, year
    bool count_all = false;            // exact count of matches, not an estimate
    bool explain = false;              // score parts for each hit
    double time_limit = 0.0;           // seconds a match may take (0: no limit); then partial results
    std::size_t offset = 0;
    std::size_t limit = 10;
};

}  // namespace verbatim::search
