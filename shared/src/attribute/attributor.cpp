#include <verbatim/attribute/attributor.hpp>

#include <verbatim/attribute/cast.hpp>
#include <verbatim/attribute/lexicon.hpp>
#include <verbatim/text/unicode.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace verbatim::attribute {

namespace {

using segment::Paragraph;
using segment::Range;

constexpr int kNobody = -1;

struct Subject {
    int entity = kNobody;
    std::string evidence;
    double confidence = 0.0;
};

// What the first pass learns about one paragraph.
struct ParagraphFacts {
    std::vector<Token> tokens;
    std::vector<std::pair<std::size_t, std::size_t>> sentences;  // token ranges
    std::vector<Mention> mentions;
    std::vector<int> mention_entity;
    // Transcript turn: "NAME: words" — the words start at byte `turn_text`.
    bool turn = false;
    int turn_entity = kNobody;
    std::string turn_label;
    std::size_t turn_text = 0;
    bool separator = false;  // "***", "<…>": no words
    std::optional<Office> turn_region;  // a "(Region)" after the speaker's name
};

// One sentence's verdict.
struct Verdict {
    Kind kind = Kind::narrative;
    Subject subject;
    std::size_t begin = 0, end = 0;  // bytes in the paragraph
};

bool is_pronoun(const Token& t) { return t.lower == "she" || t.lower == "he"; }

Gender pronoun_gender(const Token& t) { return t.lower == "she" ? Gender::female : Gender::male; }

class DocumentAttribution {
public:
    DocumentAttribution(const Gazetteer& g, const corpus::RawDocument& d, const std::vector<Paragraph>& p)
        : m_g(g), m_doc(d), m_paragraphs(p) {}

    std::vector<Statement> run() {
        first_pass();
        fill_default_country();
        std::vector<Statement> out;
        for (std::size_t i = 0; i < m_paragraphs.size(); ++i) second_pass(i, out);
        return out;
    }

private:
    const Gazetteer& m_g;
    const corpus::RawDocument& m_doc;
    const std::vector<Paragraph>& m_paragraphs;
    Cast m_cast;
    std::vector<ParagraphFacts> m_facts;
    // Salience: who spoke and who was named last, by gender (index 0 unknown, 1 female, 2 male).
    int m_last_speaker[3] = {kNobody, kNobody, kNobody};
    int m_last_named[3] = {kNobody, kNobody, kNobody};
    int m_turn_speaker = kNobody;
    bool m_in_turn = false;
    std::string m_turn_label;
    int m_last_paragraph_speaker = kNobody;
    int m_open_quote_speaker = kNobody;
    std::map<std::size_t, int> m_mention_count;          // entity → times named
    std::map<const Region*, int> m_region_count;         // region → times named

    void count_regions(const std::vector<Token>& tokens, int weight = 1) {
        for (const auto& m : m_g.find_regions(tokens, 0, tokens.size())) m_region_count[m.entry] += weight;
    }

    // ---- first pass: tokens, turns, mentions, the cast ------------------------------------

    void first_pass() {
        // The headline often names people with their full titles ("Meeting with Governor of
        // California Arnold Schwarzenegger"): it feeds the cast, not the statements.
        if (!m_doc.title.empty()) {
            const std::vector<Token> title = tokenize(m_doc.title);
            for (const Mention& m : find_mentions(title, 0, title.size(), m_g)) ++m_mention_count[m_cast.add(m)];
            count_regions(title, 3);
        }
        for (const Paragraph& p : m_paragraphs) {
            ParagraphFacts f;
            f.tokens = tokenize(p.text);
            for (Token& t : f.tokens)
                for (const auto& q : p.quotes)
                    if (q.inner.contains(t.begin)) t.in_quote = true;
            std::size_t s = 0;
            for (const Range& r : p.sentences) {
                const std::size_t first = s;
                while (s < f.tokens.size() && f.tokens[s].begin < r.end) ++s;
                f.sentences.emplace_back(first, s);
            }
            f.separator = std::none_of(f.tokens.begin(), f.tokens.end(), [](const Token& t) { return t.word; });
            detect_turn(f);
            f.mentions = find_mentions(f.tokens, 0, f.tokens.size(), m_g);
            for (const Mention& m : f.mentions) {
                const std::size_t e = m_cast.add(m);
                ++m_mention_count[e];
                f.mention_entity.push_back(static_cast<int>(e));
            }
            count_regions(f.tokens, m_facts.empty() ? 2 : 1);
            if (f.turn && f.turn_entity == kNobody && !f.mentions.empty() &&
                f.mentions.front().name_last <= turn_colon(f))
                f.turn_entity = f.mention_entity.front();
            if (f.turn && f.turn_entity != kNobody && f.turn_region && !f.turn_region->region.empty()) {
                Office& office = m_cast.entities()[static_cast<std::size_t>(f.turn_entity)].office;
                if (office.region.empty()) {
                    office.region = f.turn_region->region;
                    if (office.country.empty()) office.country = f.turn_region->country;
                }
            }
            learn_gender_from_context(f);
            m_facts.push_back(std::move(f));
        }
    }

    static std::size_t turn_colon(const ParagraphFacts& f) {
        for (std::size_t i = 0; i < f.tokens.size(); ++i)
            if (f.tokens[i].text == ":") return i;
        return 0;
    }

    // "Vladimir Putin: …", "Governor of the Tula Region Alexei Dyumin: …", "Question: …".
    void detect_turn(ParagraphFacts& f) {
        const auto& t = f.tokens;
        std::size_t colon = 0;
        int depth = 0;  // inside "(answering Alexei Machnev, Speaker of …)" anything goes
        for (std::size_t i = 0; i < t.size() && i < 40; ++i) {
            if (t[i].text == "(") ++depth;
            if (t[i].text == ")") depth = std::max(0, depth - 1);
            if (depth > 0 || t[i].text == ")") continue;
            if (t[i].text == ":") {
                colon = i;
                break;
            }
            const bool ok = (t[i].word && (t[i].capitalised || t[i].initial || lexicon::is_title_connector(t[i].lower) ||
                                           lexicon::is_role_word(t[i].lower))) ||
                            t[i].text == "." || t[i].text == "(" || t[i].text == ")" || t[i].text == "," ||
                            t[i].text == "-";
            if (!ok || t[i].in_quote) return;
        }
        if (colon == 0 || colon + 1 >= t.size()) return;
        std::size_t name_end = colon;  // the speaker is named before any parenthesis
        for (std::size_t i = 0; i < colon; ++i)
            if (t[i].text == "(") {
                name_end = i;
                break;
            }
        const auto mentions = find_mentions(t, 0, name_end, m_g);
        if (!mentions.empty()) {
            f.turn = true;
        } else if (lexicon::is_turn_label(t[0].lower)) {
            f.turn = true;
            f.turn_label = t[0].text;
        } else if (name_end == 1 && t[0].capitalised) {
            if (auto e = m_cast.by_surname(t[0].text)) {
                f.turn = true;
                f.turn_entity = static_cast<int>(*e);
            }
        }
        if (f.turn) f.turn_text = t[colon + 1].begin;
        // Parliamentary lines: "Jane Doe (Tula Region): …" — the parenthesis names the seat.
        if (f.turn && name_end < colon) f.turn_region = describe_office(t, name_end + 1, colon, m_g);
    }

    // "Valentina Matvienko said in her opening remarks": the text tells the gender.
    void learn_gender_from_context(const ParagraphFacts& f) {
        for (std::size_t k = 0; k < f.mentions.size(); ++k) {
            Entity& e = m_cast.entities()[static_cast<std::size_t>(f.mention_entity[k])];
            if (e.gender != Gender::unknown) continue;
            const std::size_t stop = std::min(f.tokens.size(), f.mentions[k].last + 8);
            for (std::size_t i = f.mentions[k].last; i < stop; ++i) {
                const std::string& w = f.tokens[i].lower;
                if (f.tokens[i].text == "." || (k + 1 < f.mentions.size() && i >= f.mentions[k + 1].first)) break;
                if (w == "her" || w == "she" || w == "herself") { e.gender = Gender::female; break; }
                if (w == "his" || w == "he" || w == "himself") { e.gender = Gender::male; break; }
            }
        }
    }

    // People without a country take the document's: the country most of its office holders
    // serve, else the country its text names most.
    void fill_default_country() {
        std::map<std::string, int> votes;
        for (const Entity& e : m_cast.entities())
            if (!e.office.country.empty()) ++votes[e.office.country];
        if (votes.empty()) {
            // The country the text names most: its regions, its national bodies ("the Senate"),
            // and country names not inside a region's name ("New Mexico" is no vote for Mexico).
            for (const ParagraphFacts& f : m_facts) {
                std::vector<bool> in_region(f.tokens.size(), false);
                for (const auto& m : m_g.find_regions(f.tokens, 0, f.tokens.size())) {
                    ++votes[m.entry->country];
                    for (std::size_t k = m.first; k < m.last; ++k) in_region[k] = true;
                }
                for (const auto& m : m_g.find_countries(f.tokens, 0, f.tokens.size()))
                    if (!in_region[m.first]) ++votes[*m.entry];
                for (const auto& m : m_g.find_organisations(f.tokens, 0, f.tokens.size()))
                    if (!m.entry->country.empty() && m.entry->level != "international" && !in_region[m.first])
                        ++votes[m.entry->country];
            }
        }
        std::string best;
        int most = 0;
        for (const auto& [country, n] : votes)
            if (n > most) best = country, most = n;
        // The publisher's country outranks the votes: an untitled "Vladimir Putin" in a Kremlin
        // release greeting the President of Italy is Russian.
        for (const std::string* where : {&m_doc.url, &m_doc.publisher})
            if (const std::string* c = m_g.publisher_country(*where)) {
                best = *c;
                break;
            }
        // An office holder of a regional kind (governor, senator, mayor...) whose title names
        // no region serves the region the document is about: the one it names most.
        const Region* main_region = nullptr;
        int region_most = 0;
        for (const auto& [region, n] : m_region_count)
            if (n > region_most) main_region = region, region_most = n;
        // A mayor whose title names no city: the city whose mayor the document speaks of.
        const std::string mayor_city = city_with_mayor();
        for (Entity& e : m_cast.entities()) {
            if (e.office.region.empty() && !mayor_city.empty() && is_mayor(e.office.title)) {
                e.office.region = mayor_city;
                if (const std::string* c = m_g.city_country(mayor_city)) e.office.country = *c;
            }
            if (e.office.region.empty() && !e.office.national && main_region && has_regional_role(e.office.title) &&
                (e.office.country.empty() || e.office.country == main_region->country)) {
                e.office.region = main_region->name;
                e.office.country = main_region->country;
            }
            if (e.office.country.empty()) e.office.country = best;
        }
    }

    static bool is_mayor(const std::string& title) {
        for (const Token& t : tokenize(title))
            if (t.lower == "mayor") return true;
        return false;
    }

    // "Toronto's mayor", "the mayor of Toronto" anywhere in the document.
    std::string city_with_mayor() const {
        for (const ParagraphFacts& f : m_facts) {
            const auto& t = f.tokens;
            for (std::size_t i = 0; i < t.size(); ++i) {
                if (t[i].lower != "mayor") continue;
                if (i > 0 && t[i - 1].capitalised && t[i - 1].text.ends_with("'s"))
                    return t[i - 1].text.substr(0, t[i - 1].text.size() - 2);
                if (i + 2 < t.size() && t[i + 1].lower == "of" && t[i + 2].capitalised && !t[i + 2].in_quote)
                    return t[i + 2].text;
            }
        }
        return "";
    }

    static bool has_regional_role(const std::string& title) {
        for (const Token& t : tokenize(title))
            if (lexicon::is_regional_role(t.lower)) return true;
        return false;
    }

    // ---- second pass: sentences, subjects, quotations, statements -------------------------

    int gender_slot(Gender g) const { return g == Gender::female ? 1 : g == Gender::male ? 2 : 0; }

    void note_named(int entity) {
        if (entity == kNobody) return;
        m_last_named[gender_slot(m_cast.entities()[static_cast<std::size_t>(entity)].gender)] = entity;
    }
    void note_speaker(int entity) {
        if (entity == kNobody) return;
        m_last_speaker[gender_slot(m_cast.entities()[static_cast<std::size_t>(entity)].gender)] = entity;
        note_named(entity);
    }

    const Mention* mention_ending_at(const ParagraphFacts& f, std::size_t end, int& entity) const {
        for (std::size_t k = 0; k < f.mentions.size(); ++k) {
            if (f.mentions[k].last == end || f.mentions[k].name_last == end) {
                entity = f.mention_entity[k];
                return &f.mentions[k];
            }
        }
        return nullptr;
    }

    const Mention* mention_starting_at(const ParagraphFacts& f, std::size_t first, int& entity) const {
        for (std::size_t k = 0; k < f.mentions.size(); ++k) {
            if (f.mentions[k].first == first || f.mentions[k].name_first == first) {
                entity = f.mention_entity[k];
                return &f.mentions[k];
            }
        }
        return nullptr;
    }

    // Is mention k the subject of its sentence: at the start, or right after a leading
    // clause ("At the plant, Mr Putin chaired …"), not in an object list ("attended by X")?
    bool is_subject(const ParagraphFacts& f, std::size_t k) const {
        const Mention& m = f.mentions[k];
        std::size_t first = 0;
        for (const auto& [b, e] : f.sentences)
            if (b <= m.first && m.first < e) first = b;
        if (m.first == first) return true;
        if (m.first > first && f.tokens[m.first - 1].text == ",") {
            for (std::size_t j = 0; j < k; ++j)
                if (f.mentions[j].first >= first) return false;
            return true;
        }
        return false;
    }

    // "she" → the woman who is the subject of a sentence before it in this paragraph, else
    // the last woman who spoke, else the last woman named.
    // `reply`: "X asked Y …. She replied" — the person asked answers, so an object comes first.
    Subject resolve_pronoun(const Token& t, const ParagraphFacts& f, std::size_t at, bool reply = false) const {
        const int slot = gender_slot(pronoun_gender(t));
        auto gender_of = [&](int e) { return gender_slot(m_cast.entities()[static_cast<std::size_t>(e)].gender); };
        auto name = [&](int e) { return m_cast.entities()[static_cast<std::size_t>(e)].name(); };
        int object = kNobody;
        for (std::size_t k = f.mentions.size(); k-- > 0;) {
            if (f.mentions[k].last > at) continue;
            const int e = f.mention_entity[k];
            if (gender_of(e) != slot) continue;
            if (is_subject(f, k)) {
                if (reply && object != kNobody) break;
                return {e, "pronoun '" + t.text + "' → " + name(e) + ", the subject before it", 0.85};
            }
            if (object == kNobody) object = e;
        }
        if (reply && object != kNobody)
            return {object, "pronoun '" + t.text + "' replying → " + name(object) + ", who was asked", 0.8};
        if (m_last_speaker[slot] != kNobody)
            return {m_last_speaker[slot], "pronoun '" + t.text + "' → the last " + (slot == 1 ? "woman" : "man") + " who spoke", 0.8};
        if (object != kNobody) return {object, "pronoun '" + t.text + "' → " + name(object) + ", named before it", 0.7};
        if (m_last_named[slot] != kNobody)
            return {m_last_named[slot], "pronoun '" + t.text + "' → the last " + (slot == 1 ? "woman" : "man") + " named", 0.7};
        if (m_last_speaker[0] != kNobody)
            return {m_last_speaker[0], "pronoun '" + t.text + "' → the last speaker (gender unknown)", 0.6};
        return {};
    }

    // "the Federation Council Speaker", "the Belarusian speaker", "the governor" → a person
    // of the cast whose title holds those words; the latest speaker among several.
    Subject resolve_role(const ParagraphFacts& f, std::size_t the, std::size_t end) const {
        std::vector<std::string> words;
        bool role = false;
        for (std::size_t i = the + 1; i < end; ++i) {
            if (!f.tokens[i].word || lexicon::is_title_connector(f.tokens[i].lower)) continue;
            std::string w = f.tokens[i].lower;
            if (w.ends_with("'s")) w.resize(w.size() - 2);
            const std::string& written = f.tokens[i].text;
            if (written.size() >= 2 && std::all_of(written.begin(), written.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
                continue;  // an acronym ("the Head of the Kharkiv RMA") need not be in the title
            role = role || lexicon::is_role_word(w);
            words.push_back(w);
        }
        if (words.size() == 2 && words[0] == "head" && words[1] == "state") words = {"president"};
        if (!role) return {};
        // "The presidents agreed", "the governors noted": several people, no one speaker.
        if (!words.empty() && words.back().size() > 3 && words.back().back() == 's' &&
            lexicon::is_role_word(words.back().substr(0, words.back().size() - 1)))
            return {};
        std::string phrase;
        for (std::size_t i = the; i < end; ++i) phrase += (phrase.empty() ? "" : " ") + f.tokens[i].text;
        auto candidates = m_cast.by_role(words, m_g);
        if (candidates.empty()) {
            // No one holds that title in the text ("the President" of a presidential press
            // service): the person the document names most who has no other title.
            int best = kNobody, most = 0;
            for (const auto& [e, n] : m_mention_count)
                if (m_cast.entities()[e].office.title.empty() && n > most) best = static_cast<int>(e), most = n;
            if (best == kNobody || most < 2) return {};
            return {best, "role noun '" + phrase + "' → " + m_cast.entities()[static_cast<std::size_t>(best)].name() +
                              ", the person the document names most", 0.6};
        }
        int chosen = static_cast<int>(candidates.back());
        for (int s : m_last_speaker)
            if (s != kNobody && std::find(candidates.begin(), candidates.end(), static_cast<std::size_t>(s)) != candidates.end())
                chosen = s;
        const int recent = m_last_speaker[gender_slot(m_cast.entities()[static_cast<std::size_t>(chosen)].gender)];
        if (recent != kNobody && std::find(candidates.begin(), candidates.end(), static_cast<std::size_t>(recent)) != candidates.end())
            chosen = recent;
        return {chosen, "role noun '" + phrase + "' → " + m_cast.entities()[static_cast<std::size_t>(chosen)].name(),
                candidates.size() == 1 ? 0.85 : 0.7};
    }

    // The subject of the verb of saying at token `cue`: before it ("X said", "she noted",
    // "the governor added", "Address by X was devoted"), or after it (", said X").
    Subject resolve_cue(const ParagraphFacts& f, std::size_t cue, std::size_t sentence_first) const {
        const auto& t = f.tokens;
        std::size_t j = cue;
        // Words between a subject and its verb: "also", "today", ", in turn,".
        auto gap = [&](std::size_t k) {
            if (t[k].in_quote) return false;
            if (t[k].word) return lexicon::is_subject_gap_word(t[k].lower);
            return t[k].text == "," && k > sentence_first && t[k - 1].word &&
                   ((!t[k - 1].capitalised && lexicon::is_subject_gap_word(t[k - 1].lower)) || is_pronoun(t[k - 1]));
        };
        // "X on Wednesday said", "X, in a statement, said", "X last week said".
        auto time_phrase = [&](std::size_t end) -> std::size_t {
            static const std::set<std::string> days = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                                       "saturday", "sunday", "week", "month", "year", "statement",
                                                       "letter", "interview", "release", "morning", "evening", "speech"};
            if (end < sentence_first + 2 || !days.count(t[end - 1].lower)) return end;
            std::size_t k = end - 1;
            while (k > sentence_first && end - k < 4 && t[k - 1].word &&
                   (t[k - 1].lower == "on" || t[k - 1].lower == "last" || t[k - 1].lower == "this" || t[k - 1].lower == "in" ||
                    t[k - 1].lower == "a" || t[k - 1].lower == "an" || t[k - 1].lower == "his" || t[k - 1].lower == "her"))
                --k;
            return k < end - 1 ? k : end;
        };
        while (j > sentence_first) {
            if (gap(j - 1)) {
                --j;
                continue;
            }
            const std::size_t k = time_phrase(j);
            if (k == j) break;
            j = k;
        }
        if (j > sentence_first && t[j - 1].text == "," ) {
            int e = kNobody;
            if (mention_ending_at(f, j - 1, e)) --j;
        }
        if (j > sentence_first && !t[j - 1].in_quote) {
            int e = kNobody;
            if (const Mention* m = mention_ending_at(f, j, e))
                return {e, "'" + join(t, m->name_first, m->name_last) + " " + t[cue].text + "'", 0.95};
            const Token& w = t[j - 1];
            if (is_pronoun(w)) return resolve_pronoun(w, f, j - 1, lexicon::is_reply_verb(t[cue].lower));
            // "X's remarks focused on", "The acting governor's closing remarks focused on".
            if (lexicon::is_speech_noun(w.lower)) {
                std::size_t k = j - 1;
                while (k > sentence_first && j - k <= 3 && !t[k - 1].text.ends_with("'s")) --k;
                if (k > sentence_first && t[k - 1].text.ends_with("'s")) {
                    const Token& owner = t[k - 1];
                    if (owner.capitalised)
                        if (auto s = m_cast.by_surname(owner.text))
                            return {static_cast<int>(*s), "'" + owner.text + " " + w.text + "'", 0.9};
                    for (std::size_t b = k - 1; b-- > sentence_first && k - b <= 8;) {
                        if (!t[b].word) break;
                        if (t[b].lower == "the") {
                            Subject s = resolve_role(f, b, k);
                            if (s.entity != kNobody) return s;
                            break;
                        }
                    }
                }
            }
            if (w.capitalised && !lexicon::is_role_word(w.lower)) {
                if (auto s = m_cast.by_surname(w.text))
                    return {static_cast<int>(*s), "surname '" + w.text + " " + t[cue].text + "'", 0.9};
            }
            // A role noun phrase: "the [Federation Council] Speaker", "the Speaker of the
            // Council of the Republic".
            if (w.word) {
                for (std::size_t k = j - 1; k-- > sentence_first && j - k <= 12;) {
                    if (!t[k].word || t[k].in_quote) break;
                    if (t[k].lower == "the" && (k == 0 || t[k].capitalised || t[k - 1].lower != "of")) {
                        Subject s = resolve_role(f, k, j);
                        if (s.entity != kNobody) return s;
                        break;
                    }
                }
            }
        }
        // "Address by X at the meeting … was devoted to".
        if ((t[cue].lower == "devoted" || t[cue].lower == "dedicated") && sentence_first + 2 < cue &&
            lexicon::is_speech_noun(t[sentence_first].lower) && t[sentence_first + 1].lower == "by") {
            int e = kNobody;
            for (std::size_t k = 0; k < f.mentions.size(); ++k)
                if (f.mentions[k].first == sentence_first + 2 || f.mentions[k].name_first == sentence_first + 2) e = f.mention_entity[k];
            if (e != kNobody)
                return {e, "'" + t[sentence_first].text + " by " + m_cast.entities()[static_cast<std::size_t>(e)].name() + " … " + t[cue].text + "'", 0.9};
        }
        // Inverted: "…,” said Valentina Matvienko" / ", noted the governor" / "according to X".
        std::size_t a = cue + 1;
        if (t[cue].lower == "according" || (a < t.size() && t[a].lower == "to" && t[cue].lower == "according")) ++a;
        if (a < t.size() && !t[a].in_quote) {
            const bool inverted_ok = cue == sentence_first || t[cue - 1].text == "," || t[cue - 1].text == "\"" ||
                                     t[cue - 1].in_quote || t[cue].lower == "according";
            if (inverted_ok) {
                int e = kNobody;
                if (const Mention* m = mention_starting_at(f, a, e))
                    return {e, "'" + t[cue].text + " " + join(t, m->name_first, m->name_last) + "'", 0.95};
                if (t[a].lower == "the") {
                    // "the Governor", "the Head of State", "the Governor's information".
                    std::size_t end = a + 1;
                    while (end < t.size() && end - a < 8 && t[end].word && !t[end].in_quote &&
                           (t[end].capitalised || lexicon::is_title_connector(t[end].lower) ||
                            lexicon::is_role_word(t[end].lower) || t[end].lower.ends_with("'s"))) {
                        ++end;
                        if (t[end - 1].lower.ends_with("'s")) break;
                    }
                    while (end > a + 1 && lexicon::is_title_connector(t[end - 1].lower)) --end;
                    Subject s = resolve_role(f, a, end);
                    if (s.entity != kNobody) return s;
                }
                if (is_pronoun(t[a])) return resolve_pronoun(t[a], f, a);
                if (t[a].lower == "him" || t[a].lower == "her") {
                    Token as_subject = t[a];
                    as_subject.lower = t[a].lower == "him" ? "he" : "she";
                    return resolve_pronoun(as_subject, f, a);
                }
                if (t[a].capitalised)
                    if (auto s = m_cast.by_surname(t[a].text))
                        return {static_cast<int>(*s), "'" + t[cue].text + " " + t[a].text + "'", 0.9};
            }
        }
        return {};
    }

    // A narrative paragraph between transcript turns: no first or second person, and words
    // that tell of the event ("Following the videoconference, the parties agreed …").
    static bool is_interlude(const ParagraphFacts& f) {
        bool marker = false;
        for (std::size_t i = 0; i < f.tokens.size(); ++i) {
            const std::string& w = f.tokens[i].lower;
            if (w == "i" || w == "we" || w == "you" || w == "my" || w == "our" || w == "us" || w == "me" || w == "your")
                return false;
            marker = marker || (f.tokens[i].word && lexicon::is_narrative_marker(w)) ||
                     (i == 0 && (w == "following" || w == "afterwards" || w == "later"));
        }
        return marker;
    }

    // Quoted words that are a name or a term ("Arctic Capital", "plan B") are not speech.
    static bool is_speech_quote(const std::string& text, const segment::Quote& q) {
        const std::string_view inner = std::string_view(text).substr(q.inner.begin, q.inner.end - q.inner.begin);
        std::size_t words = 0;
        for (const Token& t : tokenize(inner)) words += t.word;
        if (words >= 4 || q.open_at_end || q.continued) return true;
        const char last = inner.empty() ? ' ' : inner.back();
        // "…known as the "Great Compromiser," is…": a comma alone does not make a name speech.
        return last == '.' || last == '!' || last == '?' || (last == ',' && words >= 3);
    }

    static std::string join(const std::vector<Token>& t, std::size_t first, std::size_t last) {
        std::string out;
        for (std::size_t i = first; i < last; ++i) out += (out.empty() ? "" : " ") + t[i].text;
        return out;
    }

    bool is_cue(const ParagraphFacts& f, std::size_t i) const {
        const Token& t = f.tokens[i];
        if (!t.word || t.in_quote) return false;
        if (t.lower == "according") return i + 1 < f.tokens.size() && f.tokens[i + 1].lower == "to";
        if (!lexicon::is_speech_verb(t.lower)) return false;
        // "The nomination is opposed by …", "was announced by": passive, the subject did not speak.
        if (i + 1 < f.tokens.size() && f.tokens[i + 1].lower == "by" && i > 0 &&
            (f.tokens[i - 1].lower == "is" || f.tokens[i - 1].lower == "was" || f.tokens[i - 1].lower == "were" ||
             f.tokens[i - 1].lower == "been" || f.tokens[i - 1].lower == "are" || f.tokens[i - 1].lower == "being"))
            return false;
        const std::string_view particles = lexicon::required_particle(t.lower);
        if (particles.empty()) return true;
        if (i + 1 >= f.tokens.size()) return false;
        const std::string& next = f.tokens[i + 1].lower;
        for (std::size_t at = 0; at <= particles.size();) {
            std::size_t bar = particles.find('|', at);
            if (bar == std::string_view::npos) bar = particles.size();
            if (particles.substr(at, bar - at) == next) return true;
            at = bar + 1;
        }
        return false;
    }

    // The first verb of saying in tokens [first, last) whose subject is a person.
    // Of several, the surest: "As he described …, Mr Tkachev said" → Tkachev.
    Subject sentence_subject(const ParagraphFacts& f, std::size_t first, std::size_t last, std::size_t sentence_first) const {
        Subject best;
        for (std::size_t i = first; i < last; ++i) {
            if (!is_cue(f, i)) continue;
            Subject s = resolve_cue(f, i, sentence_first);
            if (s.entity != kNobody && s.confidence > best.confidence) best = s;
        }
        return best;
    }

    // A sentence that names someone or tells of the event does not continue an account.
    bool breaks_account(const ParagraphFacts& f, std::size_t first, std::size_t last) const {
        for (const Mention& m : f.mentions)
            if (m.name_first >= first && m.name_first < last) return true;
        for (std::size_t i = first; i < last; ++i)
            if (f.tokens[i].word && !f.tokens[i].in_quote && lexicon::is_narrative_marker(f.tokens[i].lower)) return true;
        return false;
    }

    void second_pass(std::size_t index, std::vector<Statement>& out) {
        const Paragraph& p = m_paragraphs[index];
        const ParagraphFacts& f = m_facts[index];
        if (f.separator) {
            m_in_turn = false;
            return;
        }
        std::vector<Verdict> verdicts;
        if (m_in_turn && !f.turn && is_interlude(f)) m_in_turn = false;
        if (f.turn || m_in_turn) {
            if (f.turn) {
                m_in_turn = true;
                m_turn_speaker = f.turn_entity;
                m_turn_label = f.turn_label;
                if (m_turn_speaker == kNobody && f.turn_label.empty() && !f.mention_entity.empty())
                    m_turn_speaker = f.mention_entity.front();
            }
            Verdict v;
            v.kind = Kind::quote;
            v.begin = f.turn ? f.turn_text : 0;
            v.end = p.text.size();
            if (m_turn_speaker != kNobody) {
                v.subject = {m_turn_speaker,
                             f.turn ? "transcript turn '" + m_cast.entities()[static_cast<std::size_t>(m_turn_speaker)].name() + ":'"
                                    : "continues the transcript turn of " + m_cast.entities()[static_cast<std::size_t>(m_turn_speaker)].name(),
                             f.turn ? 0.95 : 0.85};
                note_speaker(m_turn_speaker);
            } else {
                v.subject.evidence = "transcript turn '" + m_turn_label + ":'";
            }
            verdicts.push_back(v);
            emit(index, verdicts, out);
            return;
        }

        // Who each quotation belongs to.
        std::vector<Subject> quote_subject(p.quotes.size());
        auto sentence_of = [&](std::size_t byte) {
            for (std::size_t s = 0; s < p.sentences.size(); ++s)
                if (p.sentences[s].begin <= byte && byte < p.sentences[s].end + 1) return s;
            return p.sentences.empty() ? std::size_t{0} : p.sentences.size() - 1;
        };
        auto token_at = [&](std::size_t byte) {
            std::size_t i = 0;
            while (i < f.tokens.size() && f.tokens[i].begin < byte) ++i;
            return i;
        };

        int paragraph_speaker = kNobody;  // the latest attributed speaker in this paragraph
        std::size_t next_quote = 0;
        for (std::size_t s = 0; s < p.sentences.size(); ++s) {
            const auto [first, last] = f.sentences[s];
            Verdict v;
            v.begin = p.sentences[s].begin;
            v.end = p.sentences[s].end;
            Subject own = sentence_subject(f, first, last, first);
            // Quotations that start in this sentence get their speakers now.
            bool has_quote = false;
            Subject quoted;
            for (std::size_t q = 0; q < p.quotes.size(); ++q) {
                const auto& quote = p.quotes[q];
                const bool overlaps = quote.inner.begin < v.end && quote.inner.end > v.begin;
                if (!overlaps || !is_speech_quote(p.text, quote)) continue;
                has_quote = true;
                if (q >= next_quote) {
                    quote_subject[q] = speaker_of_quote(f, p, q, paragraph_speaker, sentence_of, token_at, index);
                    next_quote = q + 1;
                }
                if (quoted.entity == kNobody) quoted = quote_subject[q];
            }
            if (has_quote) {
                v.kind = Kind::quote;
                v.subject = own.entity != kNobody ? own : quoted;
            } else if (own.entity != kNobody) {
                v.kind = Kind::reported;
                v.subject = own;
            } else if (!verdicts.empty() && verdicts.back().kind == Kind::reported &&
                       verdicts.back().subject.entity != kNobody && !breaks_account(f, first, last)) {
                v.kind = Kind::reported;
                v.subject = verdicts.back().subject;
                v.subject.evidence = "continues the account of " +
                                     m_cast.entities()[static_cast<std::size_t>(v.subject.entity)].name();
                v.subject.confidence = 0.7;
            }
            for (std::size_t k = 0; k < f.mentions.size(); ++k)
                if (f.mentions[k].name_first >= first && f.mentions[k].name_first < last) note_named(f.mention_entity[k]);
            if (v.subject.entity != kNobody) {
                paragraph_speaker = v.subject.entity;
                note_speaker(v.subject.entity);
            }
            verdicts.push_back(v);
        }
        m_open_quote_speaker = !p.quotes.empty() && p.quotes.back().open_at_end ? quote_subject.back().entity : kNobody;
        if (paragraph_speaker != kNobody) m_last_paragraph_speaker = paragraph_speaker;
        emit(index, verdicts, out);
    }

    template <typename SentenceOf, typename TokenAt>
    Subject speaker_of_quote(const ParagraphFacts& f, const Paragraph& p, std::size_t q, int paragraph_speaker,
                             const SentenceOf& sentence_of, const TokenAt& token_at, std::size_t index) const {
        const auto& quote = p.quotes[q];
        // 1. After the closing mark, in the same sentence: "…,” she said.
        const std::size_t end_sentence = sentence_of(quote.outer.end == 0 ? 0 : quote.outer.end - 1);
        const auto [es_first, es_last] = f.sentences[end_sentence];
        const std::size_t after = token_at(quote.outer.end);
        const std::size_t stop = q + 1 < p.quotes.size() ? std::min(es_last, token_at(p.quotes[q + 1].outer.begin)) : es_last;
        for (std::size_t i = after; i < stop && i < after + 12; ++i) {
            if (!is_cue(f, i)) continue;
            Subject s = resolve_cue(f, i, std::max(es_first, after));
            if (s.entity != kNobody) return s;
        }
        // 2. Before the opening mark, in the same sentence: X said: “…” / X said that “…”.
        const std::size_t start_sentence = sentence_of(quote.outer.begin);
        const auto [ss_first, ss_last] = f.sentences[start_sentence];
        const std::size_t before = token_at(quote.outer.begin);
        (void)ss_last;
        for (std::size_t i = before; i-- > ss_first;) {
            if (!is_cue(f, i)) continue;
            Subject s = resolve_cue(f, i, ss_first);
            if (s.entity != kNobody) return s;
        }
        // 3. A quotation continued from the previous paragraph.
        if (quote.continued && m_open_quote_speaker != kNobody)
            return {m_open_quote_speaker, "quotation continued from the previous paragraph", 0.85};
        // 4. The speaker of this paragraph so far.
        if (paragraph_speaker != kNobody)
            return {paragraph_speaker, "quotation after " + m_cast.entities()[static_cast<std::size_t>(paragraph_speaker)].name() + "'s words in the same paragraph", 0.8};
        // 5. A verb of saying later in the paragraph: “…” (sentences) … she said.
        for (std::size_t s = end_sentence + 1; s < f.sentences.size(); ++s) {
            Subject sub = sentence_subject(f, f.sentences[s].first, f.sentences[s].second, f.sentences[s].first);
            if (sub.entity != kNobody) {
                sub.confidence = 0.7;
                sub.evidence = "quotation followed by " + sub.evidence;
                return sub;
            }
        }
        // 6. A paragraph that opens with a quotation continues the previous speaker.
        if (quote.outer.begin == 0 && index > 0 && m_last_paragraph_speaker != kNobody)
            return {m_last_paragraph_speaker, "quotation opening the paragraph after " + m_cast.entities()[static_cast<std::size_t>(m_last_paragraph_speaker)].name() + "'s words", 0.6};
        return {};
    }

    // Consecutive sentences of one speaker and kind become one statement.
    void emit(std::size_t index, const std::vector<Verdict>& verdicts, std::vector<Statement>& out) const {
        const Paragraph& p = m_paragraphs[index];
        const ParagraphFacts& f = m_facts[index];
        std::size_t n = 0;
        for (std::size_t i = 0; i < verdicts.size();) {
            std::size_t j = i + 1;
            while (j < verdicts.size() && verdicts[j].kind == verdicts[i].kind &&
                   verdicts[j].subject.entity == verdicts[i].subject.entity)
                ++j;
            const std::size_t begin = verdicts[i].begin, end = verdicts[j - 1].end;
            Statement s;
            s.paragraph = index;
            s.text = p.text.substr(begin, end - begin);
            s.start = p.body_offset + text::count_code_points(std::string_view(p.text).substr(0, begin));
            s.end = s.start + text::count_code_points(s.text);
            s.kind = verdicts[i].kind;
            s.id = m_doc.id() + "-" + std::to_string(index) + "-" + std::to_string(n++);
            const Subject& sub = verdicts[i].subject;
            s.evidence = sub.evidence;
            s.confidence = sub.entity == kNobody ? (s.kind == Kind::narrative ? 0.9 : 0.0) : sub.confidence;
            if (sub.entity != kNobody) {
                const Entity& e = m_cast.entities()[static_cast<std::size_t>(sub.entity)];
                s.speaker = e.name();
                s.role = e.office.title;
                s.organisation = e.office.organisation;
                s.region = e.office.national ? "" : e.office.region;
                s.country = e.office.country;
            }
            for (const auto& q : p.quotes) {
                const std::size_t qb = std::max(q.inner.begin, begin), qe = std::min(q.inner.end, end);
                if (qb >= qe) continue;
                const std::size_t cb = p.body_offset + text::count_code_points(std::string_view(p.text).substr(0, qb));
                s.quotes.push_back({cb, cb + text::count_code_points(std::string_view(p.text).substr(qb, qe - qb))});
            }
            std::size_t tf = 0;
            while (tf < f.tokens.size() && f.tokens[tf].begin < begin) ++tf;
            std::size_t tl = tf;
            while (tl < f.tokens.size() && f.tokens[tl].begin < end) ++tl;
            for (const auto& m : m_g.find_regions(f.tokens, tf, tl))
                if (m.entry->name != s.region &&
                    std::find(s.mentions.begin(), s.mentions.end(), m.entry->name) == s.mentions.end())
                    s.mentions.push_back(m.entry->name);
            out.push_back(std::move(s));
            i = j;
        }
    }
};

}  // namespace

std::vector<Statement> Attributor::attribute(const corpus::RawDocument& document,
                                             const std::vector<segment::Paragraph>& paragraphs) const {
    return DocumentAttribution(m_gazetteer, document, paragraphs).run();
}

}  // namespace verbatim::attribute
