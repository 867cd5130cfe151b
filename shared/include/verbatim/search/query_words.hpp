#pragma once
// The words of query text, as the parts of the searcher that look at words see them:
// highlighting, the boosts, relaxing, --exact.

#include <string>
#include <utility>
#include <vector>

namespace verbatim::search {

// The query split at white space outside double quotes: `speaker:"Mr. Xi" peace` gives
// `speaker:"Mr. Xi"` and `peace`.
std::vector<std::string> query_tokens(const std::string& query);

// The field:value parts of a query and the rest, each as query text (quotes kept together).
std::pair<std::string, std::string> split_fields(const std::string& query);

// The plain words of a query, folded, without field names and values, operators and
// excluded words.
std::vector<std::string> plain_words(const std::string& query);

// The words of folded text: runs of letters, digits and non-ASCII bytes, with apostrophes
// inside a word ("it's").
std::vector<std::string> folded_words(const std::string& folded);

}  // namespace verbatim::search
