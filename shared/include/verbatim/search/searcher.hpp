#pragma once
// Opens an index (checking its schema), runs a request, returns ranked hits.

#include <verbatim/search/search_request.hpp>
#include <verbatim/statement.hpp>

#include <xapian.h>

#include <string>
#include <vector>

namespace verbatim::search {

struct Hit {
    Statement statement;
    std::size_t rank = 0;  // 1-based
    double score = 0.0;
    std::vector<std::string> matched_terms;
};

struct SearchResults {
    Xapian::doccount estimated_total = 0;
    std::vector<Hit> hits;
    std::size_t strict_hits = 0;  // hits holding every word; after them come partial matches
    bool relaxed = false;         // some hits hold only some of the words
    std::string corrected;        // "did you mean" query, when words were unknown
    std::vector<std::string> words;  // plain query words (folded), for highlighting
    std::string description;      // the Xapian query, for --explain and logs
};

class Searcher {
public:
    explicit Searcher(const std::string& index_path);
    SearchResults search(const SearchRequest& request) const;
    const Xapian::Database& database() const { return m_db; }

private:
    Xapian::Database m_db;
};

}  // namespace verbatim::search
