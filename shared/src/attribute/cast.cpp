#include <verbatim/attribute/cast.hpp>

#include <verbatim/attribute/lexicon.hpp>
#include <verbatim/text/unicode.hpp>

#include <algorithm>
#include <iterator>
#include <regex>

namespace verbatim::attribute {

namespace {

std::string strip_possessive(const std::string& word) {
    return word.size() > 2 && word.ends_with("'s") ? word.substr(0, word.size() - 2) : word;
}

// A word that can be part of a person's name.
bool name_token(const Token& t, const Gazetteer& g) {
    if (t.in_quote) return false;
    if (t.initial) return !g.country_named(t.text);
    if (!t.word || !t.capitalised) return false;
    const std::string& w = t.lower;
    return !lexicon::is_non_name_word(w) && !lexicon::is_role_word(w) && !lexicon::is_honorific(w) &&
           !lexicon::is_thing_word(w) &&
           !lexicon::is_speech_verb(w) && !lexicon::is_title_connector(w) && !g.country_named(t.text);
}

bool has_role_word(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i)
        if (tokens[i].word && lexicon::is_role_word(tokens[i].lower)) return true;
    return false;
}

std::string join_text(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    std::string out;
    for (std::size_t i = first; i < last; ++i) {
        const bool glue = tokens[i].text == "," || tokens[i].text == "." || tokens[i].text == ")" ||
                          (i > first && tokens[i - 1].text == "(");
        if (!out.empty() && !glue) out.push_back(' ');
        out += title_case_word(tokens[i].text);
    }
    return out;
}

// The title written before a name: capitalised words, role nouns and connectors
// ("Chair of the Minsk Region Executive Committee"), not reaching back past `floor`.
std::size_t title_start(const std::vector<Token>& tokens, std::size_t name_first, std::size_t floor) {
    std::size_t j = name_first;
    while (j > floor) {
        const Token& t = tokens[j - 1];
        if (!t.word || t.in_quote) break;
        if (t.capitalised) {
            if (lexicon::is_non_name_word(t.lower) && t.lower != "the") break;
            if (t.lower == "the") break;  // sentence-initial "The": a role noun, not a title
        } else if (!lexicon::is_role_word(t.lower) && !lexicon::is_title_connector(t.lower) &&
                   t.lower != "deputy" && t.lower != "vice") {
            break;
        }
        --j;
    }
    // No leading connectors ("and Speaker of ..." → "Speaker of ...").
    while (j < name_first && !tokens[j].capitalised && lexicon::is_title_connector(tokens[j].lower) &&
           tokens[j].lower != "acting")
        ++j;
    return j;
}

// A title written after a name: ", Governor of the Smolensk Region," → its end, or `start`.
std::size_t apposition_end(const std::vector<Token>& tokens, std::size_t start, std::size_t to, const Gazetteer& g) {
    if (start >= to || tokens[start].text != ",") return start;
    std::size_t j = start + 1;
    if (j < to && tokens[j].lower == "the") ++j;
    const std::size_t first = j;
    while (j < to && tokens[j].word && !tokens[j].in_quote &&
           (tokens[j].capitalised || lexicon::is_role_word(tokens[j].lower) ||
            lexicon::is_title_connector(tokens[j].lower)) &&
           !lexicon::is_speech_verb(tokens[j].lower) && !(tokens[j].capitalised && g.is_given_name(tokens[j].text)))
        ++j;
    // A title ends where the next person's name begins ("Byron Dorgan, Congressman Earl Pomeroy").
    if (j < to && tokens[j].capitalised && g.is_given_name(tokens[j].text)) return start;
    if (j == first || !has_role_word(tokens, first, j)) return start;
    return j;
}

}  // namespace

Office describe_office(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                       const Gazetteer& g) {
    Office office;
    while (first < last && (tokens[first].text == "," || tokens[first].lower == "the")) ++first;
    office.title = join_text(tokens, first, last);
    const auto regions = g.find_regions(tokens, first, last);
    const auto organisations = g.find_organisations(tokens, first, last);
    const auto countries = g.find_countries(tokens, first, last);
    if (!regions.empty()) {
        office.region = regions.front().entry->name;
        office.country = regions.front().entry->country;
    }
    if (!organisations.empty()) {
        const Organisation& org = *organisations.front().entry;
        office.organisation = org.name;
        if (office.country.empty()) office.country = org.country;
        office.national = org.level == "national" && office.region.empty();
    }
    if (office.country.empty() && !countries.empty()) office.country = *countries.front().entry;
    // A mayor's region is the city: "Toronto mayor", "Mayor of Irvington".
    if (office.region.empty()) {
        for (std::size_t i = first; i < last; ++i) {
            if (tokens[i].lower != "mayor") continue;
            std::string city;
            if (i + 2 < last + 1 && i + 2 <= tokens.size() - 1 && tokens[i + 1].lower == "of" && tokens[i + 2].capitalised)
                city = tokens[i + 2].text;
            else if (i > first && tokens[i - 1].capitalised && !lexicon::is_role_word(tokens[i - 1].lower))
                city = tokens[i - 1].text;
            if (!city.empty()) {
                office.region = city;
                if (const Region* r = g.region_named(city); r && office.country.empty()) office.country = r->country;
                if (const std::string* c = g.city_country(city); c && office.country.empty()) office.country = *c;
            }
            break;
        }
    }
    return office;
}

std::string Entity::name() const {
    std::string out = given;
    for (const std::string* part : {&middle, &surname}) {
        if (part->empty()) continue;
        if (!out.empty()) out.push_back(' ');
        out += *part;
    }
    return out;
}

std::vector<Mention> find_mentions(const std::vector<Token>& tokens, std::size_t from, std::size_t to,
                                   const Gazetteer& g) {
    std::vector<Mention> mentions;
    std::size_t floor = from;
    std::size_t i = from;
    while (i < to) {
        const Token& t = tokens[i];
        Mention m;
        std::size_t name_first = i, name_last = i;
        bool found = false;
        if (name_token(t, g) && (g.is_given_name(t.text) || t.initial) && i + 1 < to) {
            // Given name or initials, then more given names or initials, then one surname:
            // "Vasily Anokhin", "Jon S. Corzine", "C.L. \"Butch\" Otter", "A. Beglov".
            std::size_t j = i + 1;
            std::vector<std::size_t> middle;
            while (j < to) {
                if (j + 2 < to && tokens[j].text == "\"" && tokens[j + 1].word && tokens[j + 2].text == "\"") {
                    j += 3;  // a nickname in quotation marks
                    continue;
                }
                if (!name_token(tokens[j], g)) break;
                const bool more = j + 1 < to && name_token(tokens[j + 1], g);
                if (more && (tokens[j].initial || g.is_given_name(tokens[j].text)) && middle.size() < 2) {
                    middle.push_back(j++);
                    continue;
                }
                break;
            }
            if (j < to && name_token(tokens[j], g) && !tokens[j].initial) {
                name_first = i;
                name_last = j + 1;
                // The document's own spelling; variants (Natalia/Natalya) are folded by search.
                m.given = title_case_word(t.text);
                for (std::size_t k : middle) m.middle += (m.middle.empty() ? "" : " ") + title_case_word(tokens[k].text);
                m.surname = title_case_word(strip_possessive(tokens[j].text));
                m.gender = t.initial ? Gender::unknown : g.gender_of(t.text);
                // "Virginia Beach" and "Georgia Power" are places and firms, not people.
                found = g.find_regions(tokens, i, j + 1).empty() && g.find_organisations(tokens, i, j + 1).empty();
            }
        } else if (t.word && !t.in_quote && t.capitalised && lexicon::is_name_title(t.lower) && i + 1 < to) {
            // "Mr Basargin", "Senator Craig", "Sen. Larry Craig", "Governor Kempthorne".
            std::size_t j = i + 1;
            if (j < to && tokens[j].text == ".") ++j;
            const bool name_follows = j + 1 < to && name_token(tokens[j + 1], g);
            if (j < to && name_token(tokens[j], g) && !(g.is_given_name(tokens[j].text) && name_follows) && !tokens[j].initial &&
                g.find_regions(tokens, j, j + 1).empty() && g.find_organisations(tokens, j, std::min(to, j + 4)).empty() &&
                !(j + 1 < to && tokens[j + 1].capitalised && !lexicon::is_speech_verb(tokens[j + 1].lower))) {
                name_first = j;
                name_last = j + 1;
                m.surname = title_case_word(strip_possessive(tokens[j].text));
                m.surname_only = true;
                if (t.lower == "mr" || t.lower == "mister" || t.lower == "sir") m.gender = Gender::male;
                if (t.lower == "mrs" || t.lower == "ms" || t.lower == "miss" || t.lower == "madam") m.gender = Gender::female;
                found = true;
            }
        }
        if (!found) {
            ++i;
            continue;
        }
        m.name_first = name_first;
        m.name_last = name_last;
        // The title before the name, or after it in apposition, or a party-state tag.
        const std::size_t before = title_start(tokens, name_first, floor);
        m.first = before;
        m.last = name_last;
        if (before < name_first && has_role_word(tokens, before, name_first)) {
            m.office = describe_office(tokens, before, name_first, g);
        } else {
            m.first = name_first;
            const std::size_t after = apposition_end(tokens, name_last, to, g);
            if (after > name_last) {
                m.office = describe_office(tokens, name_last + 1, after, g);
                m.last = after;
            }
        }
        // "X has been appointed Acting Governor of the Saratov Region", "X, who is Mayor of Y".
        if (!m.office) {
            std::size_t k = m.last;
            static constexpr std::string_view kLinks[] = {"has", "have", "had", "been", "was", "is", "became", "becomes",
                                                          "appointed", "elected", "named", "re-elected", "serves", "served",
                                                          "as", "acting", "now", "the", "who", ","};
            std::size_t links = 0;
            while (k < to && links < 5 &&
                   std::find(std::begin(kLinks), std::end(kLinks), tokens[k].lower) != std::end(kLinks) &&
                   !(tokens[k].lower == "acting" || tokens[k].lower == "the"))
                ++k, ++links;
            if (links > 0 && k < to && (tokens[k].capitalised || tokens[k].lower == "acting")) {
                std::size_t e = k;
                while (e < to && tokens[e].word && !tokens[e].in_quote &&
                       (tokens[e].capitalised || lexicon::is_title_connector(tokens[e].lower) || lexicon::is_role_word(tokens[e].lower)) &&
                       !(tokens[e].capitalised && g.is_given_name(tokens[e].text) && e + 1 < to && name_token(tokens[e + 1], g)))
                    ++e;
                if (e > k && has_role_word(tokens, k, e)) m.office = describe_office(tokens, k, e, g);
            }
        }
        // "(D-HI)", "(R-Idaho)": party and state after a US legislator's name.
        if (m.last + 2 < to + 1 && m.last < to && tokens[m.last].text == "(") {
            std::size_t close = m.last + 1;
            std::string inside;
            while (close < to && close - m.last < 8 && tokens[close].text != ")") inside += tokens[close++].text;
            static const std::regex party(R"(^([DRI])-([A-Za-z.]{2,20})$)");
            std::smatch pm;
            if (close < to && std::regex_match(inside, pm, party)) {
                std::string state = pm[2].str();
                std::string code;
                for (char c : state)
                    if (c != '.') code.push_back(c);
                const Region* r = g.region_by_code(code);
                if (!r) r = g.region_named(state);
                if (r) {
                    Office office = m.office.value_or(Office{});
                    office.region = r->name;
                    office.country = r->country;
                    if (office.title.empty()) office.title = "(" + inside + ")";
                    m.office = office;
                    m.last = close + 1;
                }
            }
        }
        mentions.push_back(m);
        floor = m.last;
        i = m.last > i ? m.last : i + 1;
    }
    return mentions;
}

std::size_t Cast::add(const Mention& m) {
    auto compatible = [&](const Entity& e) {
        if (text::fold(e.surname) != text::fold(m.surname)) return false;
        if (e.given.empty() || m.given.empty()) return true;
        const std::string a = text::fold(e.given), b = text::fold(m.given);
        if (a == b) return true;
        auto initial_of = [](const std::string& initial, const std::string& full) {
            return initial.size() >= 2 && initial[1] == '.' && !full.empty() && initial[0] == full[0];
        };
        return initial_of(a, b) || initial_of(b, a);
    };
    for (std::size_t k = m_entities.size(); k-- > 0;) {
        Entity& e = m_entities[k];
        if (!compatible(e)) continue;
        const bool e_initial = e.given.size() >= 2 && e.given[1] == '.';
        if (e.given.empty() || (e_initial && !m.given.empty() && m.given.size() > 2)) e.given = m.given;
        if (e.middle.size() < m.middle.size()) e.middle = m.middle;
        if (e.gender == Gender::unknown) e.gender = m.gender;
        if (m.office) {
            if (e.office.title.empty()) {
                e.office = *m.office;
            } else {
                if (e.office.region.empty() && !e.office.national) e.office.region = m.office->region;
                if (e.office.country.empty()) e.office.country = m.office->country;
                if (e.office.organisation.empty()) e.office.organisation = m.office->organisation;
            }
        }
        return k;
    }
    Entity e;
    e.given = m.given;
    e.middle = m.middle;
    e.surname = m.surname;
    e.gender = m.gender;
    if (m.office) e.office = *m.office;
    m_entities.push_back(std::move(e));
    return m_entities.size() - 1;
}

std::optional<std::size_t> Cast::by_surname(std::string_view surname) const {
    const std::string key = text::fold(strip_possessive(std::string(surname)));
    for (std::size_t k = m_entities.size(); k-- > 0;)
        if (text::fold(m_entities[k].surname) == key) return k;
    return std::nullopt;
}

std::vector<std::size_t> Cast::by_role(const std::vector<std::string>& words, const Gazetteer& g) const {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < m_entities.size(); ++k) {
        const Entity& e = m_entities[k];
        if (e.office.title.empty()) continue;
        const std::vector<Token> title = tokenize(e.office.title);
        bool all = true;
        for (const std::string& w : words) {
            if (w.empty()) continue;
            bool hit = false;
            for (const Token& t : title) hit = hit || t.lower == w;
            if (!hit) {
                if (const std::string* c = g.country_named(w)) hit = *c == e.office.country;
            }
            if (!hit) {
                if (const Region* r = g.region_named(w)) hit = r->name == e.office.region;
            }
            if (!hit) {
                all = false;
                break;
            }
        }
        if (all) out.push_back(k);
    }
    return out;
}

}  // namespace verbatim::attribute
