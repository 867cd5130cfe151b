#pragma once
// Search results for people (text), for programs (JSON Lines, CSV).

#include <verbatim/search/searcher.hpp>
#include <verbatim/search/verify.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <ostream>

namespace verbatim::format {

struct TextStyle {
    bool colour = false;       // ANSI colour: on a terminal unless NO_COLOR is set
    std::size_t context = 0;   // statements shown before and after each hit
};

// Statements of a document, for --context (returns them in order).
using ContextLookup = std::function<std::vector<Statement>(const std::string& doc)>;

void write_text(std::ostream& out, const search::SearchResults& results, const TextStyle& style,
                const ContextLookup& context = {});
void write_verification_text(std::ostream& out, const std::vector<search::Verification>& found, const TextStyle& style);

// JSON of a hit: the statement's fields plus rank, score, snippet, highlights, also_in.
nlohmann::json hit_to_json(const search::Hit& hit, const std::vector<std::string>& query_words = {});
nlohmann::json verification_to_json(const search::Verification& v);
nlohmann::json facets_to_json(const search::SearchResults& results);

// CSV with a header row: rank, score, id, speaker, role, organisation, region, country, kind,
// date, title, url, source, text.
void write_csv_header(std::ostream& out);
void write_csv_row(std::ostream& out, const search::Hit& hit);

}  // namespace verbatim::format
