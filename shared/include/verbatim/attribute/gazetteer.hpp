#pragma once
// Places, countries, organisations and given names, loaded from corpus/gazetteer/*.tsv.

#include <verbatim/attribute/tokens.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace verbatim::attribute {

enum class Gender { unknown, female, male };

struct Region {
    std::string name;     // canonical: "Smolensk Region"
    std::string country;  // "Russia"
    std::string type;     // region, territory, republic, state, city, ...
    std::string status;   // "" or "disputed"
};

struct Organisation {
    std::string name;
    std::string country;
    std::string level;  // national | regional | international
};

// One match of a multi-word name in a token sequence: tokens [first, last).
template <typename T>
struct Match {
    std::size_t first = 0;
    std::size_t last = 0;
    const T* entry = nullptr;
};

class Gazetteer {
public:
    // Reads regions.tsv, countries.tsv, organisations.tsv and given_names.tsv from `folder`.
    static Gazetteer load(const std::filesystem::path& folder);

    // Longest matches, left to right, of region / country / organisation names in `tokens`.
    std::vector<Match<Region>> find_regions(const std::vector<Token>& tokens, std::size_t first, std::size_t last) const;
    std::vector<Match<std::string>> find_countries(const std::vector<Token>& tokens, std::size_t first, std::size_t last) const;
    std::vector<Match<Organisation>> find_organisations(const std::vector<Token>& tokens, std::size_t first, std::size_t last) const;

    const Region* region_by_code(std::string_view postal_code) const;  // "HI" → Hawaii
    const Region* region_named(std::string_view name) const;           // any alias
    const std::string* country_named(std::string_view name) const;     // "Belarusian" → Belarus

    const std::string* city_country(std::string_view city) const;     // "Toronto" → Canada
    const std::string* publisher_country(std::string_view url) const; // "http://en.kremlin.ru/…" → Russia
    bool is_given_name(std::string_view word) const;
    Gender gender_of(std::string_view given_name) const;
    // The variant spelling this registry uses: "Natalia" → "Natalya".
    std::string canonical_given_name(std::string_view given_name) const;

    // Every alias → canonical name pair (regions and countries), for search synonyms.
    std::vector<std::pair<std::string, std::string>> place_variants() const;
    std::vector<std::pair<std::string, std::string>> given_name_variants() const;
    // American and British spellings (meter/metre, ruble/rouble) from spelling_variants.tsv.
    std::vector<std::pair<std::string, std::string>> word_variants() const;

    std::size_t region_count() const { return m_regions.size(); }

private:
    template <typename T>
    struct NameTable {
        std::unordered_map<std::string, std::size_t> by_key;  // folded words joined by ' '
        std::unordered_set<std::string> first_words;          // of the keys: where a name can start
        std::size_t longest = 0;                              // in words
        void add(const std::string& name, std::size_t index);
        std::vector<Match<T>> find(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                                   const std::vector<T>& entries) const;
    };
    struct GivenName {
        std::string name;
        Gender gender = Gender::unknown;
    };

    std::vector<Region> m_regions;
    NameTable<Region> m_region_names;
    std::unordered_map<std::string, std::size_t> m_region_codes;
    std::vector<std::string> m_countries;
    NameTable<std::string> m_country_names;
    std::vector<Organisation> m_organisations;
    NameTable<Organisation> m_organisation_names;
    std::vector<GivenName> m_given;
    std::unordered_map<std::string, std::size_t> m_given_by_name;  // folded, variants too
    std::vector<std::pair<std::string, std::string>> m_place_variants;
    std::vector<std::pair<std::string, std::string>> m_name_variants;
    std::vector<std::pair<std::string, std::string>> m_word_variants;
    std::unordered_map<std::string, std::string> m_city_country;
    std::unordered_map<std::string, std::string> m_source_country;
};

// Where the data folder is: --data, $VERBATIM_DATA, the installed share folder, the source tree.
std::filesystem::path find_data_folder(const std::string& given);

}  // namespace verbatim::attribute
