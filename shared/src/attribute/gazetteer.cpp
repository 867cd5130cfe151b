#include <verbatim/attribute/gazetteer.hpp>

#include <verbatim/error.hpp>
#include <verbatim/text/unicode.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#ifndef VERBATIM_SOURCE_DATA_DIR
#define VERBATIM_SOURCE_DATA_DIR ""
#endif
#ifndef VERBATIM_INSTALL_DATA_DIR
#define VERBATIM_INSTALL_DATA_DIR ""
#endif

namespace verbatim::attribute {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (true) {
        const std::size_t next = line.find(separator, at);
        out.push_back(line.substr(at, next == std::string::npos ? std::string::npos : next - at));
        if (next == std::string::npos) break;
        at = next + 1;
    }
    return out;
}

// Rows of a TSV file as column name → value; '#' lines skipped; errors name file and line.
std::vector<std::unordered_map<std::string, std::string>> read_tsv(const fs::path& file,
                                                                    const std::vector<std::string>& required) {
    std::ifstream in(file);
    if (!in) throw ConfigError("cannot read " + file.string() + " (set --data or VERBATIM_DATA to the folder with gazetteer/)");
    std::vector<std::unordered_map<std::string, std::string>> rows;
    std::vector<std::string> header;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        auto cells = split(line, '\t');
        if (header.empty()) {
            header = cells;
            for (const auto& r : required)
                if (std::find(header.begin(), header.end(), r) == header.end())
                    throw CorpusError(file.string(), line_no, "missing column '" + r + "'");
            continue;
        }
        std::unordered_map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = i < cells.size() ? cells[i] : "";
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string key_of(std::string_view name) {
    std::string key;
    for (const Token& t : tokenize(name)) {
        if (!t.word) continue;
        if (!key.empty()) key.push_back(' ');
        key += t.lower;
    }
    return key;
}

// A region's name without the generic words: "Oryol Oblast" → "oryol".
std::string core_name(const std::string& name) {
    static const std::vector<std::string> generic = {"region", "oblast", "territory", "krai", "republic", "of",
                                                     "the", "city", "autonomous", "area", "okrug", "district",
                                                     "province", "state", "people's", "peoples", "federal"};
    std::string out;
    for (const Token& t : tokenize(name)) {
        if (!t.word || std::find(generic.begin(), generic.end(), t.lower) != generic.end()) continue;
        out += (out.empty() ? "" : " ") + t.lower;
    }
    return out;
}

// A word as the name tables key it: "Vermont's" is "vermont".
std::string key_word(const std::string& lower) {
    if (lower.size() > 2 && lower.ends_with("'s")) return lower.substr(0, lower.size() - 2);
    return lower;
}

bool is_code(const std::string& alias) {
    if (alias.size() > 3 || alias.empty()) return false;
    for (char c : alias)
        if (!std::isupper(static_cast<unsigned char>(c)) && c != '.') return false;
    return true;
}

}  // namespace

template <typename T>
void Gazetteer::NameTable<T>::add(const std::string& name, std::size_t index) {
    const std::string key = key_of(name);
    if (key.empty()) return;
    by_key.emplace(key, index);  // first row wins on a clash
    first_words.insert(key.substr(0, key.find(' ')));
    longest = std::max<std::size_t>(longest, static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1);
}

template <typename T>
std::vector<Match<T>> Gazetteer::NameTable<T>::find(const std::vector<Token>& tokens, std::size_t first,
                                                    std::size_t last, const std::vector<T>& entries) const {
    std::vector<Match<T>> out;
    last = std::min(last, tokens.size());
    for (std::size_t i = first; i < last;) {
        // A name must start with a capital letter in the text ("the state" is no place), and
        // with the first word of some name: most words are neither, and are passed over
        // before any key is made (this lookup was half of the extraction time).
        if (!tokens[i].word || !tokens[i].capitalised || !first_words.count(key_word(tokens[i].lower))) {
            ++i;
            continue;
        }
        bool found = false;
        // Collect up to `longest` words starting at i (punctuation other than '.' ends a name).
        std::vector<std::size_t> ends;
        std::string key;
        std::vector<std::string> keys;
        for (std::size_t j = i; j < last && ends.size() < longest; ++j) {
            if (!tokens[j].word) {
                if (tokens[j].text == "." || tokens[j].text == "(" || tokens[j].text == ")") continue;
                break;
            }
            if (!key.empty()) key.push_back(' ');
            // "Luhansk Regional Military Administration" names the Luhansk Region.
            key += tokens[j].lower == "regional" && j > i ? std::string("region") : key_word(tokens[j].lower);
            keys.push_back(key);
            ends.push_back(j + 1);
        }
        for (std::size_t k = keys.size(); k-- > 0;) {
            auto it = by_key.find(keys[k]);
            if (it == by_key.end()) continue;
            out.push_back({i, ends[k], &entries[it->second]});
            i = ends[k];
            found = true;
            break;
        }
        if (!found) ++i;
    }
    return out;
}

Gazetteer Gazetteer::load(const fs::path& folder) {
    Gazetteer g;
    const fs::path dir = fs::exists(folder / "gazetteer") ? folder / "gazetteer" : folder;
    for (auto& row : read_tsv(dir / "regions.tsv", {"region", "country", "type", "status", "aliases"})) {
        const std::size_t index = g.m_regions.size();
        g.m_regions.push_back({row["region"], row["country"], row["type"], row["status"]});
        g.m_region_names.add(row["region"], index);
        for (const auto& alias : split(row["aliases"], '|')) {
            if (alias.empty()) continue;
            if (is_code(alias)) {
                g.m_region_codes.emplace(alias, index);
                continue;
            }
            g.m_region_names.add(alias, index);
            // The distinctive words too: "Orel" ~ "Oryol", "Lugansk" ~ "Luhansk".
            const std::string a = core_name(alias), c = core_name(row["region"]);
            if (!a.empty() && !c.empty() && a != c && a.find(' ') == std::string::npos && c.find(' ') == std::string::npos)
                g.m_place_variants.emplace_back(a, c);
        }
    }
    for (auto& row : read_tsv(dir / "countries.tsv", {"country", "aliases"})) {
        const std::size_t index = g.m_countries.size();
        g.m_countries.push_back(row["country"]);
        g.m_country_names.add(row["country"], index);
        for (const auto& alias : split(row["aliases"], '|')) {
            if (alias.empty() || alias == "US") continue;  // "US" is also the pronoun "us" in capitals
            g.m_country_names.add(alias, index);
        }
    }
    for (auto& row : read_tsv(dir / "organisations.tsv", {"organisation", "country", "level", "aliases"})) {
        const std::size_t index = g.m_organisations.size();
        g.m_organisations.push_back({row["organisation"], row["country"], row["level"]});
        g.m_organisation_names.add(row["organisation"], index);
        for (const auto& alias : split(row["aliases"], '|'))
            if (!alias.empty()) g.m_organisation_names.add(alias, index);
    }
    for (auto& row : read_tsv(dir / "given_names.tsv", {"name", "gender", "variants"})) {
        const std::size_t index = g.m_given.size();
        const std::string& gender = row["gender"];
        g.m_given.push_back({row["name"], gender == "f" ? Gender::female : gender == "m" ? Gender::male : Gender::unknown});
        g.m_given_by_name.emplace(text::fold(row["name"]), index);
        for (const auto& variant : split(row["variants"], '|')) {
            if (variant.empty()) continue;
            g.m_given_by_name.emplace(text::fold(variant), index);
            g.m_name_variants.emplace_back(variant, row["name"]);
        }
    }
    if (fs::exists(dir / "cities.tsv"))
        for (auto& row : read_tsv(dir / "cities.tsv", {"city", "region", "country", "aliases"})) {
            g.m_city_country.emplace(key_of(row["city"]), row["country"]);
            for (const auto& alias : split(row["aliases"], '|'))
                if (!alias.empty()) g.m_city_country.emplace(key_of(alias), row["country"]);
        }
    if (fs::exists(dir / "sources.tsv"))
        for (auto& row : read_tsv(dir / "sources.tsv", {"domain", "country"}))
            g.m_source_country.emplace(text::fold(row["domain"]), row["country"]);
    if (fs::exists(dir / "spelling_variants.tsv"))
        for (auto& row : read_tsv(dir / "spelling_variants.tsv", {"word", "variants"}))
            for (const auto& variant : split(row["variants"], '|'))
                if (!variant.empty()) g.m_word_variants.emplace_back(row["word"], variant);
    return g;
}

std::vector<Match<Region>> Gazetteer::find_regions(const std::vector<Token>& tokens, std::size_t first, std::size_t last) const {
    return m_region_names.find(tokens, first, last, m_regions);
}
std::vector<Match<std::string>> Gazetteer::find_countries(const std::vector<Token>& tokens, std::size_t first, std::size_t last) const {
    return m_country_names.find(tokens, first, last, m_countries);
}
std::vector<Match<Organisation>> Gazetteer::find_organisations(const std::vector<Token>& tokens, std::size_t first, std::size_t last) const {
    return m_organisation_names.find(tokens, first, last, m_organisations);
}

const Region* Gazetteer::region_by_code(std::string_view postal_code) const {
    auto it = m_region_codes.find(std::string(postal_code));
    return it == m_region_codes.end() ? nullptr : &m_regions[it->second];
}

const Region* Gazetteer::region_named(std::string_view name) const {
    auto it = m_region_names.by_key.find(key_of(name));
    return it == m_region_names.by_key.end() ? nullptr : &m_regions[it->second];
}

const std::string* Gazetteer::country_named(std::string_view name) const {
    auto it = m_country_names.by_key.find(key_of(name));
    return it == m_country_names.by_key.end() ? nullptr : &m_countries[it->second];
}

const std::string* Gazetteer::publisher_country(std::string_view url) const {
    // The host of the URL, then each parent domain: en.kremlin.ru → kremlin.ru → ru.
    std::string host(url);
    if (const std::size_t scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
    host = text::fold(host.substr(0, host.find_first_of("/:?#")));
    while (!host.empty()) {
        if (auto it = m_source_country.find(host); it != m_source_country.end()) return &it->second;
        const std::size_t dot = host.find('.');
        if (dot == std::string::npos) break;
        host = host.substr(dot + 1);
    }
    return nullptr;
}

const std::string* Gazetteer::city_country(std::string_view city) const {
    auto it = m_city_country.find(key_of(city));
    return it == m_city_country.end() ? nullptr : &it->second;
}

bool Gazetteer::is_given_name(std::string_view word) const {
    return m_given_by_name.count(text::fold(word)) > 0;
}

Gender Gazetteer::gender_of(std::string_view given_name) const {
    auto it = m_given_by_name.find(text::fold(given_name));
    return it == m_given_by_name.end() ? Gender::unknown : m_given[it->second].gender;
}

std::string Gazetteer::canonical_given_name(std::string_view given_name) const {
    auto it = m_given_by_name.find(text::fold(given_name));
    return it == m_given_by_name.end() ? std::string(given_name) : m_given[it->second].name;
}

std::vector<std::pair<std::string, std::string>> Gazetteer::place_variants() const { return m_place_variants; }
std::vector<std::pair<std::string, std::string>> Gazetteer::given_name_variants() const { return m_name_variants; }
std::vector<std::pair<std::string, std::string>> Gazetteer::word_variants() const { return m_word_variants; }

fs::path find_data_folder(const std::string& given) {
    std::vector<fs::path> candidates;
    if (!given.empty()) return given;
    if (const char* env = std::getenv("VERBATIM_DATA"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "verbatim");
    if (*VERBATIM_INSTALL_DATA_DIR) candidates.emplace_back(VERBATIM_INSTALL_DATA_DIR);
    if (*VERBATIM_SOURCE_DATA_DIR) candidates.emplace_back(VERBATIM_SOURCE_DATA_DIR);
    for (const auto& c : candidates)
        if (fs::exists(c / "gazetteer" / "regions.tsv")) return c;
    throw ConfigError("cannot find the gazetteer data (corpus/gazetteer); give --data DIR or set VERBATIM_DATA");
}

}  // namespace verbatim::attribute
