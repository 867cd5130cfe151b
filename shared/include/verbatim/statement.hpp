#pragma once
// The unit the whole pipeline passes along: one statement of one speaker.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verbatim {

enum class Kind { quote, reported, narrative };

std::string_view to_string(Kind kind);
std::optional<Kind> parse_kind(std::string_view text);

// Offsets are in Unicode code points into the document body (paragraphs joined by '\n').
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
    bool operator==(const Span&) const = default;
};

struct Statement {
    std::string id;          // stable: "<doc>-<paragraph>-<n>"
    std::string source;      // the path as given on the command line (plus "#item" inside files)
    std::string doc;         // document id: a hash of source and item key
    std::size_t paragraph = 0;
    std::size_t start = 0;
    std::size_t end = 0;
    std::string text;
    Kind kind = Kind::narrative;
    std::string speaker;
    std::string role;
    std::string organisation;
    std::string region;
    std::string country;
    std::string date;        // YYYY-MM-DD, or "" when unknown
    std::string title;
    std::string url;
    std::vector<Span> quotes;           // verbatim spans inside the statement (document offsets)
    std::vector<std::string> mentions;  // regions named in the statement, not the speaker's
    std::string evidence;    // which rule attributed it, from which words
    double confidence = 0.0;

    bool operator==(const Statement&) const = default;
};

}  // namespace verbatim
