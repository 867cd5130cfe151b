#include <verbatim/search/query_builder.hpp>

#include <verbatim/corpus/dates.hpp>
#include <verbatim/error.hpp>
#include <verbatim/index/document_builder.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/search/query_words.hpp>
#include <verbatim/text/analysis.hpp>
#include <verbatim/text/unicode.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <regex>
#include <set>

namespace verbatim::search {

struct QueryBuilder::Context {
    std::string error;  // set by a field processor that refused its value
    const Xapian::Database* db = nullptr;
};

namespace {

using Context = QueryBuilder::Context;

// Each wildcard expands to at most this many stems: a few are useful, many only slow a query.
constexpr std::size_t kWildcardExpansions = 200;
constexpr std::size_t kWildcardScan = 20000;  // terms looked at for one wildcard
constexpr std::string_view kWildcardField = "vbwild";
constexpr std::size_t kMaxPhrases = 64;
constexpr int kMaxYearTerms = 24;  // a date range over more years is a range on the date slot

// The free-text fields of the query language and their term prefixes.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kTextFields = {{
    {"speaker", schema::prefix::speaker},
    {"role", schema::prefix::role},
    {"org", schema::prefix::organisation},
    {"region", schema::prefix::region},
    {"country", schema::prefix::country},
    {"mentions", schema::prefix::mentions},
    {"title", schema::prefix::title},
}};
// What plain words search: the statement, who said it and where they serve.
constexpr std::array<std::string_view, 3> kPlainPrefixes = {"", schema::prefix::speaker, schema::prefix::region};

bool is_text_field(std::string_view name) {
    return std::any_of(kTextFields.begin(), kTextFields.end(), [&](const auto& f) { return f.first == name; });
}

// A query that matches nothing. Not Query::MatchNothing: that is the empty query, which reads
// as "no filter" once combined, and which Xapian 1.4's QueryParser dereferences when a field
// processor returns it under a pure NOT ("-k -b*:x" crashed it). No date value is 5 bytes
// long, and Xapian knows the slot's upper bound without reading it.
Xapian::Query matches_nothing() {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot::date, std::string(5, '\xff'));
}

// A value quoted in a message, cut to a readable length.
std::string shorten(const std::string& value) { return value.size() <= 60 ? value : value.substr(0, 60) + "…"; }

std::string digits(const std::string& date) {
    std::string out;
    for (char c : date)
        if (c != '-') out.push_back(c);
    return out;
}

// Field values are translated inside Xapian's QueryParser, which must not be unwound by an
// exception (it crashed on "-kind:nope" and leaked on every refused value): a refused value
// becomes matches_nothing() plus a message, and the builder throws once the parser has returned.
class GuardedFieldProcessor : public Xapian::FieldProcessor {
public:
    explicit GuardedFieldProcessor(std::shared_ptr<Context> context) : m_context(std::move(context)) {}
    Xapian::Query operator()(const std::string& text) override {
        try {
            return translate(text);
        } catch (const std::exception& e) {
            if (m_context->error.empty()) m_context->error = e.what();
            return matches_nothing();
        }
    }

protected:
    virtual Xapian::Query translate(const std::string& text) = 0;
    const Xapian::Database* database() const { return m_context->db; }

private:
    std::shared_ptr<Context> m_context;
};

// date:2024-06-27 and date:2024-01-01..2024-06-30 in the query text.
class DateFieldProcessor : public GuardedFieldProcessor {
public:
    using GuardedFieldProcessor::GuardedFieldProcessor;

protected:
    Xapian::Query translate(const std::string& text) override {
        const std::size_t dots = text.find("..");
        if (dots == std::string::npos) {
            const std::string term = date_term(text);
            if (term.empty()) throw QueryError("date:" + shorten(text) + " is no date (use YYYY-MM-DD, YYYY-MM or YYYY)");
            return Xapian::Query(term);
        }
        return date_range_query(text.substr(0, dots), text.substr(dots + 2), database());
    }
};

class BoundFieldProcessor : public GuardedFieldProcessor {
public:
    BoundFieldProcessor(std::shared_ptr<Context> context, bool after)
        : GuardedFieldProcessor(std::move(context)), m_after(after) {}

protected:
    Xapian::Query translate(const std::string& text) override {
        return m_after ? date_range_query(text, "", database()) : date_range_query("", text, database());
    }

private:
    bool m_after;
};

class KindFieldProcessor : public GuardedFieldProcessor {
public:
    using GuardedFieldProcessor::GuardedFieldProcessor;

protected:
    Xapian::Query translate(const std::string& text) override {
        const std::string kind = text::fold(text);
        if (!parse_kind(kind)) throw QueryError("kind:" + shorten(text) + " — use kind:quote, kind:reported or kind:narrative");
        return Xapian::Query(std::string(schema::prefix::kind) + kind);
    }
};

// source:PATH — the statements of one source file (the path as the indexer was given it,
// normalised: corpus/a.txt and ./corpus/a.txt are one source).
class SourceFieldProcessor : public GuardedFieldProcessor {
public:
    using GuardedFieldProcessor::GuardedFieldProcessor;

protected:
    Xapian::Query translate(const std::string& text) override { return Xapian::Query(index::DocumentBuilder::source_term(text)); }
};

// A wildcard (rewritten by rewrite_for_parser to vbwild…:ROOT): the stems the index holds
// for words starting with ROOT, under each prefix the field searches, as one synonym each.
class WildcardProcessor : public GuardedFieldProcessor {
public:
    WildcardProcessor(std::shared_ptr<Context> context, std::vector<std::string_view> prefixes)
        : GuardedFieldProcessor(std::move(context)), m_prefixes(std::move(prefixes)) {}

protected:
    Xapian::Query translate(const std::string& text) override {
        const std::string root = text::fold(text);
        std::vector<Xapian::Query> per_prefix;
        for (std::string_view prefix : m_prefixes) {
            if (!database()) {
                per_prefix.emplace_back(Xapian::Query::OP_WILDCARD, "Z" + std::string(prefix) + root);
                continue;
            }
            const auto terms = wildcard_terms(*database(), std::string(prefix), root, kWildcardExpansions);
            if (!terms.empty()) per_prefix.emplace_back(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
        }
        if (per_prefix.empty()) return matches_nothing();
        return per_prefix.size() == 1 ? per_prefix.front()
                                      : Xapian::Query(Xapian::Query::OP_OR, per_prefix.begin(), per_prefix.end());
    }

private:
    std::vector<std::string_view> m_prefixes;
};

std::string normalise_date_bound(const std::string& text, bool upper) {
    static const std::regex year(R"(^\d{4}$)"), month(R"(^(\d{4})-(\d{1,2})$)");
    if (text.size() > 64) throw QueryError("'" + shorten(text) + "' is no date (use YYYY-MM-DD, YYYY-MM or YYYY)");
    std::smatch m;
    if (std::regex_match(text, year)) return text + (upper ? "1231" : "0000");  // "0000": statements dated by the year alone
    if (std::regex_match(text, m, month)) {
        const int month_number = std::stoi(m[2]);
        if (month_number < 1 || month_number > 12) throw QueryError("'" + shorten(text) + "' is no month");
        char buf[16];
        std::snprintf(buf, sizeof buf, "%s%02d%s", m[1].str().c_str(), month_number, upper ? "31" : "00");
        return buf;
    }
    const std::string d = corpus::normalize_date(text);
    if (d.size() != 10) throw QueryError("'" + shorten(text) + "' is no date (use YYYY-MM-DD, YYYY-MM or YYYY)");
    return digits(d);
}

// Words that say what kind of place a name is, not which: "Smolensk Region", "Republic of
// Karelia". Typed alone they name no place.
bool is_place_kind(const std::string& word) {
    static const std::set<std::string, std::less<>> kinds = {
        "region", "regions", "oblast", "krai", "kray", "republic", "territory", "district", "okrug", "autonomous",
        "area", "province", "state", "states", "city", "federal", "people's", "peoples", "united", "kingdom",
        "democratic", "islands", "north", "south", "east", "west", "northern", "southern", "eastern", "western"};
    return kinds.count(word) > 0;
}

// Whether a typed word is a word of a speaker's (or place's) name as written: the field's
// stemmed term exists and one of the first statements holding it has the word in that
// field's value ("delegates" shares its stem with a speaker "Delegations", but names nobody).
bool names_word(const Xapian::Database& db, std::string_view prefix, unsigned slot, const std::string& word) {
    const std::string term = text::stemmed_term(prefix, word);
    int looked = 0;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && looked < 3; ++p, ++looked) {
        const auto words = folded_words(text::fold(db.get_document(*p).get_value(slot)));
        if (std::find(words.begin(), words.end(), word) != words.end()) return true;
    }
    return false;
}

}  // namespace

std::string date_term(const std::string& date) {
    static const std::regex year(R"(^\d{4}$)"), month(R"(^(\d{4})-(\d{1,2})$)");
    if (date.size() > 64) return "";
    std::smatch m;
    if (std::regex_match(date, year)) return std::string(schema::prefix::year) + date;
    if (std::regex_match(date, m, month)) {
        if (std::stoi(m[2]) < 1 || std::stoi(m[2]) > 12) return "";
        char buf[16];
        std::snprintf(buf, sizeof buf, "%s%02d", m[1].str().c_str(), std::stoi(m[2]));
        return std::string(schema::prefix::month) + buf;
    }
    const std::string d = corpus::normalize_date(date);
    if (d.size() != 10) return "";
    return std::string(schema::prefix::day) + digits(d);
}

// A range as boolean terms: the years wholly inside it, then the months wholly inside the
// years it cuts, then the days of the months it cuts (docs/schema.md, "Boolean terms"): a posting
// list each, instead of reading the date value of every candidate. The terms are spelt out
// between the first and last dates the index holds (the slot's bounds, which Xapian keeps);
// listing the index's own date terms read every posting of them. A range of more years than
// a union of terms is worth (each a posting list to step through) is a range on the slot.
Xapian::Query date_range_query(const std::string& from, const std::string& to, const Xapian::Database* db) {
    const std::string lo = from.empty() ? "00000000" : normalise_date_bound(from, false);
    const std::string hi = to.empty() ? "99991231" : normalise_date_bound(to, true);
    if (lo > hi) throw QueryError("the date range " + shorten(from) + ".." + shorten(to) + " is empty");
    using index::DocumentBuilder;
    const Xapian::Query value_range(Xapian::Query::OP_VALUE_RANGE, schema::slot::date, DocumentBuilder::date_value(lo),
                                    DocumentBuilder::date_value(hi));
    if (!db) return value_range;
    const Xapian::Query nothing = matches_nothing();
    const std::string first_year = DocumentBuilder::year_of_date_value(db->get_value_lower_bound(schema::slot::date));
    const std::string last_year = DocumentBuilder::year_of_date_value(db->get_value_upper_bound(schema::slot::date));
    if (first_year.empty() || last_year.empty()) return nothing;
    const int from_year = std::max(std::stoi(lo.substr(0, 4)), std::stoi(first_year));
    const int to_year = std::min(std::stoi(hi.substr(0, 4)), std::stoi(last_year));
    if (from_year > to_year) return nothing;
    if (to_year - from_year + 1 > kMaxYearTerms) return value_range;
    std::vector<Xapian::Query> terms;
    auto two = [](int n) { return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10); };
    for (int y = from_year; y <= to_year; ++y) {
        const std::string yyyy = std::to_string(y);
        if (lo <= yyyy + "0000" && yyyy + "1231" <= hi) {
            terms.emplace_back(std::string(schema::prefix::year) + yyyy);
            continue;
        }
        for (int m = 0; m <= 12; ++m) {  // month 00: the statements dated by the year alone
            const std::string yyyymm = yyyy + two(m);
            const std::string first = yyyymm + "00", last = m == 0 ? first : yyyymm + "31";
            if (last < lo || first > hi) continue;
            if (lo <= first && last <= hi) {
                terms.emplace_back(std::string(schema::prefix::month) + yyyymm);
                continue;
            }
            for (int d = 0; d <= 31; ++d) {  // day 00: dated by the month alone
                const std::string day = yyyymm + two(d);
                if (lo <= day && day <= hi) terms.emplace_back(std::string(schema::prefix::day) + day);
            }
        }
    }
    if (terms.empty()) return nothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::vector<std::string> wildcard_terms(const Xapian::Database& db, const std::string& prefix, const std::string& root,
                                        std::size_t limit) {
    // Stems are mostly prefixes of their words: a word starting with ROOT has a stem that
    // starts with ROOT (or with ROOT's own stem: happy* → happi), or that ROOT starts with
    // (cooperat* → cooper, the stem of cooperation).
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    std::size_t scanned = 0;
    auto starting_with = [&](const std::string& head) {
        for (auto t = db.allterms_begin(head); t != db.allterms_end(head) && scanned < kWildcardScan; ++t, ++scanned)
            found.emplace_back(t.get_termfreq(), *t);
    };
    const std::string base = "Z" + prefix;
    if (root.empty()) return {};
    starting_with(base + root);
    const std::string stem = text::stemmed_term(prefix, root);
    if (stem != base + root && !root.starts_with(stem.substr(base.size()))) starting_with(stem);
    for (std::size_t k = std::max<std::size_t>(3, root.size() > 3 ? root.size() - 3 : 0); k < root.size(); ++k) {
        const std::string term = base + root.substr(0, k);
        if (const Xapian::doccount n = db.get_termfreq(term)) found.emplace_back(n, term);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> out;
    for (auto& [n, term] : found) {
        if (out.size() >= limit) break;
        if (std::find(out.begin(), out.end(), term) == out.end()) out.push_back(std::move(term));
    }
    return out;
}

QueryBuilder::QueryBuilder() : m_context(std::make_shared<Context>()) {
    m_parser.set_stemmer(text::stemmer());
    m_parser.set_stemming_strategy(text::kQueryStemming);
    m_parser.set_default_op(Xapian::Query::OP_AND);
    m_parser.set_stopper(&text::stopper());
    // Unprefixed words search the statement, who said it and where they serve: "Matvienko
    // twice as strong". (Not the role and country: "governor" or "Russia" would then match
    // every statement of every governor or Russian official.)
    for (std::string_view p : kPlainPrefixes) m_parser.add_prefix("", std::string(p));
    for (const auto& [name, prefix] : kTextFields) m_parser.add_prefix(std::string(name), std::string(prefix));
    // Wildcards: plain (vbwild:) and in each text field (vbwildspeaker: …).
    m_parser.add_prefix(std::string(kWildcardField),
                        (new WildcardProcessor(m_context, {kPlainPrefixes.begin(), kPlainPrefixes.end()}))->release());
    for (const auto& [name, prefix] : kTextFields)
        m_parser.add_prefix(std::string(kWildcardField) + std::string(name),
                            (new WildcardProcessor(m_context, {prefix}))->release());
    m_parser.add_boolean_prefix("source", (new SourceFieldProcessor(m_context))->release());
    m_parser.add_boolean_prefix("kind", (new KindFieldProcessor(m_context))->release());
    m_parser.add_boolean_prefix("date", (new DateFieldProcessor(m_context))->release());
    m_parser.add_boolean_prefix("after", (new BoundFieldProcessor(m_context, true))->release());
    m_parser.add_boolean_prefix("before", (new BoundFieldProcessor(m_context, false))->release());
}

QueryBuilder::QueryBuilder(const Xapian::Database& db) : QueryBuilder() {
    m_context->db = &db;
    m_parser.set_database(db);
}

std::string rewrite_for_parser(const std::string& query) {
    std::string out;
    std::size_t i = 0;
    const std::size_t n = query.size();
    auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || c == '\'' || c == '_'; };
    while (i < n) {
        const char c = query[i];
        if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')') {
            out.push_back(c);
            ++i;
            continue;
        }
        if (c == '"') {  // a phrase of the text: as it is
            const std::size_t close = query.find('"', i + 1);
            const std::size_t end = close == std::string::npos ? n : close + 1;
            out.append(query, i, end - i);
            i = end;
            continue;
        }
        // A token: [+-] [field:] value
        std::size_t j = i;
        std::string sign;
        if (query[j] == '+' || query[j] == '-') sign = query[j++];
        std::size_t k = j;
        while (k < n && std::isalpha(static_cast<unsigned char>(query[k]))) ++k;
        std::string field;
        if (k > j && k < n && query[k] == ':') {
            field = query.substr(j, k - j);
            j = k + 1;
        }
        if (field.rfind(kWildcardField, 0) == 0) {
            // Typed, not made here: the wildcard fields are ours, so "vbwild:x" is two words.
            out += sign + field + " ";
            i = j;
            continue;
        }
        const bool text_field = !field.empty() && is_text_field(field);
        if (text_field && j < n && query[j] == '"') {
            // speaker:"Mr. Xi Jinping" → +(speaker:mr AND speaker:xi AND speaker:jinping)
            const std::size_t close = query.find('"', j + 1);
            const std::size_t end = close == std::string::npos ? n : close;
            const auto words = folded_words(text::fold(query.substr(j + 1, end - j - 1)));
            std::string group;
            for (const auto& w : words) group += (group.empty() ? "" : " AND ") + field + ":" + w;
            if (!group.empty()) out += words.size() == 1 ? sign + group : sign + "(" + group + ")";
            i = close == std::string::npos ? n : close + 1;
            continue;
        }
        std::size_t e = j;
        while (e < n && is_word(query[e])) ++e;
        // The word ends at the star ("cooperat*", "cooperat*,"), not "b*:x" or "b*c".
        const bool ends_at_star = e + 1 >= n || !(is_word(query[e + 1]) || query[e + 1] == ':' || query[e + 1] == '*');
        if (e > j && e < n && query[e] == '*' && ends_at_star && (field.empty() || text_field)) {
            // cooperat* → vbwild:cooperat; speaker:anok* → vbwildspeaker:anok
            // Then a space before any punctuation: Xapian's parser must see the field's value
            // end at the word ("b*-x" as "vbwild:b-x" crashed it under a pure NOT).
            out += sign + std::string(kWildcardField) + field + ":" + query.substr(j, e - j);
            i = e + 1;
            if (i < n && !std::isspace(static_cast<unsigned char>(query[i])) && query[i] != ')') out.push_back(' ');
            continue;
        }
        // Anything else up to the next space or bracket, as it is.
        while (e < n && !std::isspace(static_cast<unsigned char>(query[e])) && query[e] != '(' && query[e] != ')') {
            if (query[e] == '"') {
                const std::size_t close = query.find('"', e + 1);
                e = close == std::string::npos ? n : close + 1;
                continue;
            }
            ++e;
        }
        out.append(query, i, e - i);
        i = e;
    }
    return out;
}

Xapian::Query QueryBuilder::parse_with(const std::string& text, Xapian::Query::op default_op) const {
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT |
                           (m_context->db ? Xapian::QueryParser::FLAG_AUTO_SYNONYMS : 0);
    m_parser.set_default_op(default_op);
    m_context->error.clear();
    Xapian::Query query;
    try {
        query = m_parser.parse_query(rewrite_for_parser(text::analysable(text)), flags);
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError("cannot parse the query: " + e.get_msg());
    }
    if (!m_context->error.empty()) {
        const std::string message = m_context->error;
        m_context->error.clear();
        throw QueryError(message);
    }
    return query;
}

Xapian::Query QueryBuilder::parse(const std::string& text) const { return parse_with(text, Xapian::Query::OP_AND); }

Xapian::Query QueryBuilder::filters(const SearchRequest& r) const {
    auto any_of = [](std::string_view prefix, const std::vector<std::string>& values) {
        std::vector<Xapian::Query> terms;
        for (const auto& v : values) terms.emplace_back(std::string(prefix) + index::DocumentBuilder::filter_value(v));
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    };
    std::vector<Xapian::Query> parts;
    if (!r.speakers.empty()) {
        // The person, however a release spells the name (Natalia / Natalya Drozdova).
        std::vector<Xapian::Query> people;
        for (const auto& v : r.speakers)
            people.emplace_back(std::string(schema::prefix::speaker_key) + text::person_key(v));
        parts.emplace_back(Xapian::Query::OP_OR, people.begin(), people.end());
    }
    if (!r.regions.empty()) parts.push_back(any_of(schema::prefix::region_exact, r.regions));
    if (!r.countries.empty()) parts.push_back(any_of(schema::prefix::country_exact, r.countries));
    if (!r.kinds.empty()) {
        for (const auto& k : r.kinds)
            if (!parse_kind(k)) throw QueryError("unknown kind '" + shorten(k) + "' (quote, reported or narrative)");
        parts.push_back(any_of(schema::prefix::kind, r.kinds));
    }
    if (!r.from.empty() || !r.to.empty()) parts.push_back(date_range_query(r.from, r.to, m_context->db));
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// Words the index does not know, replaced by the nearest spelling it does ("Schwarzeneger" →
// "schwarzenegger", "Sobianin" → "sobyanin"); field names, operators and phrases kept.
std::string QueryBuilder::correct_spelling(const std::string& query) const {
    const Xapian::Database& db = *m_context->db;
    std::string out;
    std::size_t i = 0, checked = 0;
    while (i < query.size()) {
        std::size_t j = i;
        while (j < query.size() && !std::isspace(static_cast<unsigned char>(query[j]))) ++j;
        std::string token = query.substr(i, j - i);
        std::size_t k = j;
        while (k < query.size() && std::isspace(static_cast<unsigned char>(query[k]))) ++k;
        const std::string space = query.substr(j, k - j);
        i = k;
        const std::size_t colon = token.find(':');
        std::string head = colon == std::string::npos ? "" : token.substr(0, colon + 1);
        std::string word = colon == std::string::npos ? token : token.substr(colon + 1);
        const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
        });
        if (plain && word.size() >= 4 && word != "AND" && word != "NEAR" && word != "XOR" && ++checked <= 64) {
            const std::string folded = text::fold(word);
            bool known = false;
            for (std::string_view p : {std::string_view(""), schema::prefix::speaker, schema::prefix::region,
                                       schema::prefix::role, schema::prefix::country, schema::prefix::title})
                known = known || db.term_exists(text::stemmed_term(p, folded));
            if (!known) {
                std::string suggestion = db.get_metadata(std::string(text::kNameKeyMetadata) + text::name_key(folded));
                suggestion = suggestion.substr(0, suggestion.find('|'));  // the most frequent spelling
                // Otherwise a near spelling, cautiously: one edit (two for long words), and the
                // same first letter, so "zebra" does not become "vera" nor "wint" "joint".
                if (suggestion.empty()) {
                    const std::string near = db.get_spelling_suggestion(folded, folded.size() >= 8 ? 2 : 1);
                    if (!near.empty() && near[0] == folded[0]) suggestion = near;
                }
                if (!suggestion.empty()) word = suggestion;
            }
        }
        out += head + word + space;
    }
    return out;
}

// The parts that add weight to the relaxed query's: all of the words, consecutive words in
// order, all the words close together, a speaker's or a place's name typed as a word.
void QueryBuilder::add_boosts(BuiltQuery& built, std::vector<Xapian::Query>& links, std::vector<Xapian::Query>& positional) const {
    const Xapian::Database* db = m_context->db;
    // The boosts look at the first 64 content words: a pasted page of text still ranks by
    // all its words, without thousands of phrase checks.
    std::vector<std::string> content;
    for (const auto& w : built.words)
        if (!text::is_stopword(w) && content.size() < 64) content.push_back(w);
    std::vector<Xapian::Query> forms, speakers, places;
    for (const auto& w : content) {
        // The word's stem in the text, or a spelling variant's (rubles ~ roubles).
        std::vector<Xapian::Query> any = {Xapian::Query(text::stemmed_term("", w))};
        if (db) {
            if (names_word(*db, schema::prefix::speaker, schema::slot::speaker, w))
                speakers.emplace_back(text::stemmed_term(schema::prefix::speaker, w));
            if (!is_place_kind(w)) {
                if (names_word(*db, schema::prefix::region, schema::slot::region, w))
                    places.emplace_back(text::stemmed_term(schema::prefix::region, w));
                if (names_word(*db, schema::prefix::country, schema::slot::country, w))
                    places.emplace_back(text::stemmed_term(schema::prefix::country, w));
            }
            // Spelling variants of the word (Tkachev ~ Tkachyov, Luhansk ~ Lugansk).
            for (auto it = db->synonyms_begin(w); it != db->synonyms_end(w); ++it) {
                const std::string& term = *it;
                if (!db->term_exists(term)) continue;
                if (term.starts_with("Z" + std::string(schema::prefix::speaker))) speakers.emplace_back(term);
                else if (term.starts_with("Z" + std::string(schema::prefix::region))) places.emplace_back(term);
                else if (term.size() > 1 && term[0] == 'Z' && std::islower(static_cast<unsigned char>(term[1]))) any.emplace_back(term);
            }
        }
        forms.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    auto add = [&](std::vector<Xapian::Query>& to, const std::string& name, Xapian::Query q, double scale) {
        built.parts.emplace_back(name, scale == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, scale));
        to.push_back(built.parts.back().second);
    };
    // Consecutive content words near each other in the same order ("relocating … Siberia").
    std::vector<Xapian::Query> pairs;
    for (std::size_t k = 0; k + 1 < forms.size(); ++k) {
        const Xapian::Query two[] = {forms[k], forms[k + 1]};
        pairs.emplace_back(Xapian::Query::OP_PHRASE, std::begin(two), std::end(two), 3);
    }
    if (!pairs.empty())
        add(positional, "words in order (pairs)", Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()), 1.0);
    // All the content words close together, in order: the remembered sentence itself.
    if (forms.size() >= 3)
        add(positional, "all words close together",
            Xapian::Query(Xapian::Query::OP_PHRASE, forms.begin(), forms.end(), static_cast<Xapian::termcount>(built.words.size() + 2)),
            1.0);
    // A speaker's name typed as a plain word ranks that speaker's statements first; a place's
    // name, statements by people from there above those that only mention it.
    if (!speakers.empty()) add(links, "speaker named", Xapian::Query(Xapian::Query::OP_OR, speakers.begin(), speakers.end()), 3.0);
    if (!places.empty()) add(links, "place named", Xapian::Query(Xapian::Query::OP_OR, places.begin(), places.end()), 1.0);
}

BuiltQuery QueryBuilder::build(const SearchRequest& r) const {
    // Each wildcard expands to up to 200 terms: a few are useful, many only slow every query.
    if (std::count(r.query.begin(), r.query.end(), '*') > 4)
        throw QueryError("at most 4 wildcards (word*) in one query");
    // Each phrase is its own positional check in every part of the ranking.
    if (static_cast<std::size_t>(std::count(r.query.begin(), r.query.end(), '"')) > 2 * kMaxPhrases)
        throw QueryError("at most " + std::to_string(kMaxPhrases) + " \"phrases\" in one query");
    BuiltQuery built;
    std::string text = r.query;
    const Xapian::Query filter = filters(r);
    auto with_filter = [&](Xapian::Query q) {
        if (filter.empty()) return q;
        return Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    };
    if (r.exact) {
        // --exact: the words in order (a phrase of their stems); the searcher then keeps the
        // statements that hold them as written. Fields still filter.
        const auto [fields, words] = split_fields(text);
        built.words = built.literal = plain_words(words);
        std::vector<Xapian::Query> terms;
        for (const auto& w : built.literal) terms.emplace_back(text::stemmed_term("", w));
        Xapian::Query phrase = terms.empty() ? Xapian::Query::MatchAll
                               : terms.size() == 1 ? terms.front()
                                                   : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end());
        if (!fields.empty()) phrase = Xapian::Query(Xapian::Query::OP_AND, phrase, parse_with(fields, Xapian::Query::OP_AND));
        built.strict = built.relaxed = built.ranked = with_filter(phrase);
        return built;
    }
    if (m_context->db && !text.empty()) text = built.corrected = correct_spelling(text);
    if (built.corrected == r.query) built.corrected.clear();
    if (text.empty() || text.find_first_not_of(" \t\r\n") == std::string::npos) {
        built.strict = built.relaxed = built.ranked = with_filter(Xapian::Query::MatchAll);
        return built;
    }
    // Relaxing drops words, never fields: "speaker:anokhin office minsk" keeps Anokhin.
    const auto [fields, words] = split_fields(text);
    const Xapian::Query required = fields.empty() ? Xapian::Query() : parse_with(fields, Xapian::Query::OP_AND);
    const Xapian::Query any = words.empty() ? Xapian::Query() : parse_with(words, Xapian::Query::OP_OR);
    const Xapian::Query all = words.empty() ? Xapian::Query() : parse_with(words, Xapian::Query::OP_AND);
    auto with_required = [&](const Xapian::Query& q) {
        if (required.empty()) return q;
        return q.empty() ? required : Xapian::Query(Xapian::Query::OP_AND, required, q);
    };
    built.strict = with_filter(fields.empty() || words.empty() ? with_required(all) : parse_with(text, Xapian::Query::OP_AND));
    built.relaxed = with_filter(with_required(any));
    built.words = plain_words(words);
    built.ranked = built.relaxed;
    built.parts.emplace_back("any of the words", built.relaxed);
    if (words.empty()) return built;
    // Holding all the words counts again, unless that is what holding any of them means (one
    // word, or words joined by the user's own operators).
    std::vector<Xapian::Query> links, positional;
    built.strict_is_relaxed = all.get_description() == any.get_description();
    if (!built.strict_is_relaxed) {
        built.parts.emplace_back("all of the words", all);
        links.push_back(all);
    }
    add_boosts(built, links, positional);
    // A chain of AND_MAYBE: each link adds its weight where it matches, so the score is the
    // sum of the parts --explain lists. (Phrases are no links: under AND_MAYBE Xapian 1.4
    // checks a phrase's positions all over the index, 100 ms where the phrase alone took
    // 0.1, and an OR of phrases got weight where none matched.)
    for (const auto& link : links) built.ranked = Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.ranked, link);
    if (!positional.empty()) built.positional = Xapian::Query(Xapian::Query::OP_OR, positional.begin(), positional.end());
    return built;
}

}  // namespace verbatim::search
