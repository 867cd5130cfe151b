#pragma once
// Search hits for people: numbered, with speaker, role, place, date and source.

#include <verbatim/search/searcher.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace verbatim::format {

struct TextStyle {
    bool colour = false;  // ANSI colour: on a terminal unless NO_COLOR is set
};

void write_text(std::ostream& out, const search::SearchResults& results, const TextStyle& style);

// JSON of a hit: the statement's fields plus rank and score.
nlohmann::json hit_to_json(const search::Hit& hit);

}  // namespace verbatim::format
