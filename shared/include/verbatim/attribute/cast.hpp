#pragma once
// The people of one document: mentions found in the text and the entities they denote.

#include <verbatim/attribute/gazetteer.hpp>
#include <verbatim/attribute/tokens.hpp>

#include <optional>
#include <string>
#include <vector>

namespace verbatim::attribute {

// What a title says about its holder: "Smolensk Region Governor" → region Smolensk Region,
// country Russia; "Speaker of the Council of the Republic …" → organisation, country Belarus.
struct Office {
    std::string title;         // the title as written
    std::string organisation;
    std::string region;
    std::string country;
    bool national = false;     // an office of a national body: a country and no region
};

Office describe_office(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                       const Gazetteer& gazetteer);

struct Entity {
    std::string given;    // "" when only a surname or initials are known
    std::string middle;   // initials or middle names
    std::string surname;
    Gender gender = Gender::unknown;
    Office office;

    std::string name() const;  // "Valentina Matvienko"
};

// A person named in a paragraph: tokens [first, last) cover title, name and apposition;
// the name itself is [name_first, name_last).
struct Mention {
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t name_first = 0;
    std::size_t name_last = 0;
    std::string given, middle, surname;
    Gender gender = Gender::unknown;  // from the given name or an honorific
    std::optional<Office> office;
    bool surname_only = false;
};

// People named in tokens [from, to) outside quotations, left to right.
std::vector<Mention> find_mentions(const std::vector<Token>& tokens, std::size_t from, std::size_t to,
                                   const Gazetteer& gazetteer);

class Cast {
public:
    // The entity a mention denotes, created or enriched; returns its index.
    std::size_t add(const Mention& mention);
    // The entity known by this surname (the latest added), if any.
    std::optional<std::size_t> by_surname(std::string_view surname) const;
    // Entities whose title holds all these words (lower case); a country adjective
    // ("belarusian") matches the entity's country.
    std::vector<std::size_t> by_role(const std::vector<std::string>& words, const Gazetteer& gazetteer) const;

    std::vector<Entity>& entities() { return m_entities; }
    const std::vector<Entity>& entities() const { return m_entities; }

private:
    std::vector<Entity> m_entities;
};

}  // namespace verbatim::attribute
