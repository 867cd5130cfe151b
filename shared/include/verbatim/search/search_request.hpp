#pragma once
// What a user asks: query text, filters, page.

#include <string>
#include <vector>

namespace verbatim::search {

struct SearchRequest {
    std::string query;                 // the query language (README "Query language")
    std::vector<std::string> speakers; // filters, OR within one field, AND across fields
    std::vector<std::string> regions;
    std::vector<std::string> countries;
    std::vector<std::string> kinds;
    std::string from;                  // YYYY-MM-DD (or YYYY / YYYY-MM), inclusive
    std::string to;
    std::size_t offset = 0;
    std::size_t limit = 10;
};

}  // namespace verbatim::search
