#include <verbatim/search/query_builder.hpp>

#include <verbatim/corpus/dates.hpp>
#include <verbatim/error.hpp>
#include <verbatim/index/document_builder.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/text/analysis.hpp>
#include <verbatim/text/unicode.hpp>

#include <algorithm>
#include <memory>
#include <regex>
#include <sstream>

namespace verbatim::search {

namespace {

// A value quoted in a message, cut to a readable length.
std::string shorten(const std::string& value) {
    return value.size() <= 60 ? value : value.substr(0, 60) + "…";
}

std::string digits(const std::string& date) {
    std::string out;
    for (char c : date)
        if (c != '-') out.push_back(c);
    return out;
}

// Field values are translated inside Xapian's QueryParser, which must not be unwound by an
// exception (it crashed on "-kind:nope" and leaked on every refused value): a refused value
// becomes MatchNothing plus a message, and the builder throws once the parser has returned.
class GuardedFieldProcessor : public Xapian::FieldProcessor {
public:
    explicit GuardedFieldProcessor(std::shared_ptr<std::string> error) : m_error(std::move(error)) {}
    Xapian::Query operator()(const std::string& text) override {
        try {
            return translate(text);
        } catch (const std::exception& e) {
            if (m_error->empty()) *m_error = e.what();
            return Xapian::Query::MatchNothing;
        }
    }

protected:
    virtual Xapian::Query translate(const std::string& text) = 0;

private:
    std::shared_ptr<std::string> m_error;
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
        return date_range_query(text.substr(0, dots), text.substr(dots + 2));
    }
};

class BoundFieldProcessor : public GuardedFieldProcessor {
public:
    BoundFieldProcessor(std::shared_ptr<std::string> error, bool after) : GuardedFieldProcessor(std::move(error)), m_after(after) {}

protected:
    Xapian::Query translate(const std::string& text) override {
        return m_after ? date_range_query(text, "") : date_range_query("", text);
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

std::string normalise_date_bound(const std::string& text, bool upper) {
    static const std::regex year(R"(^\d{4}$)"), month(R"(^(\d{4})-(\d{1,2})$)");
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

}  // namespace

std::string date_term(const std::string& date) {
    static const std::regex year(R"(^\d{4}$)"), month(R"(^(\d{4})-(\d{1,2})$)");
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

Xapian::Query date_range_query(const std::string& from, const std::string& to) {
    const std::string lo = from.empty() ? "00000000" : normalise_date_bound(from, false);
    const std::string hi = to.empty() ? "99991231" : normalise_date_bound(to, true);
    if (lo > hi) throw QueryError("the date range " + shorten(from) + ".." + shorten(to) + " is empty");
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::date, lo, hi + "~");
}

QueryBuilder::QueryBuilder() {
    m_parser.set_stemmer(text::stemmer());
    m_parser.set_stemming_strategy(text::kQueryStemming);
    m_parser.set_default_op(Xapian::Query::OP_AND);
    m_parser.set_stopper(&text::stopper());
    // Unprefixed words search the statement, who said it and where they serve: "Matvienko
    // twice as strong". (Not the role and country: "governor" or "Russia" would then match
    // every statement of every governor or Russian official.)
    for (std::string_view p : {std::string_view(""), schema::prefix::speaker, schema::prefix::region})
        m_parser.add_prefix("", std::string(p));
    m_parser.add_prefix("speaker", std::string(schema::prefix::speaker));
    m_parser.add_prefix("role", std::string(schema::prefix::role));
    m_parser.add_prefix("org", std::string(schema::prefix::organisation));
    m_parser.add_prefix("region", std::string(schema::prefix::region));
    m_parser.add_prefix("country", std::string(schema::prefix::country));
    m_parser.add_prefix("mentions", std::string(schema::prefix::mentions));
    m_parser.add_prefix("title", std::string(schema::prefix::title));
    m_parser.add_boolean_prefix("source", std::string(schema::prefix::source));
    m_parser.add_boolean_prefix("kind", (new KindFieldProcessor(m_field_error))->release());
    m_parser.add_boolean_prefix("date", (new DateFieldProcessor(m_field_error))->release());
    m_parser.add_boolean_prefix("after", (new BoundFieldProcessor(m_field_error, true))->release());
    m_parser.add_boolean_prefix("before", (new BoundFieldProcessor(m_field_error, false))->release());
}

QueryBuilder::QueryBuilder(const Xapian::Database& db) : QueryBuilder() {
    m_database = db;
    m_parser.set_database(db);
    m_parser.set_max_expansion(200, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    m_has_db = true;
}

Xapian::Query QueryBuilder::parse_with(const std::string& text, Xapian::Query::op default_op) const {
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                     Xapian::QueryParser::FLAG_PURE_NOT;
    if (m_has_db) flags |= Xapian::QueryParser::FLAG_AUTO_SYNONYMS;
    m_parser.set_default_op(default_op);
    m_field_error->clear();
    Xapian::Query query;
    try {
        query = m_parser.parse_query(text::analysable(text), flags);
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError("cannot parse the query: " + e.get_msg());
    }
    if (!m_field_error->empty()) {
        const std::string message = *m_field_error;
        m_field_error->clear();
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
            if (!parse_kind(k)) throw QueryError("unknown kind '" + k + "' (quote, reported or narrative)");
        parts.push_back(any_of(schema::prefix::kind, r.kinds));
    }
    if (!r.from.empty() || !r.to.empty()) parts.push_back(date_range_query(r.from, r.to));
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

std::pair<std::string, std::string> split_fields(const std::string& query) {
    std::string fields, words;
    std::size_t i = 0;
    while (i < query.size()) {
        while (i < query.size() && std::isspace(static_cast<unsigned char>(query[i]))) ++i;
        const std::size_t start = i;
        bool quoted = false;
        while (i < query.size() && (quoted || !std::isspace(static_cast<unsigned char>(query[i])))) {
            if (query[i] == '"') quoted = !quoted;
            ++i;
        }
        const std::string token = query.substr(start, i - start);
        if (token.empty()) continue;
        const std::size_t colon = token.find(':'), quote = token.find('"');
        const bool field = colon != std::string::npos && colon > 0 && (quote == std::string::npos || colon < quote) &&
                           std::isalpha(static_cast<unsigned char>(token[0]));
        (field ? fields : words) += token + " ";
    }
    return {fields, words};
}

std::vector<std::string> plain_words(const std::string& query) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < query.size()) {
        while (i < query.size() && std::isspace(static_cast<unsigned char>(query[i]))) ++i;
        std::size_t j = i;
        while (j < query.size() && !std::isspace(static_cast<unsigned char>(query[j]))) ++j;
        const std::string token = query.substr(i, j - i);
        i = j;
        if (token.empty() || token[0] == '-' || token.find(':') != std::string::npos) continue;
        if (token == "AND" || token == "OR" || token == "NOT" || token == "NEAR" || token == "XOR") continue;
        std::string word;
        for (char c : text::fold(token)) {
            if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || (c == '\'' && !word.empty())) {
                word.push_back(c);
            } else if (!word.empty()) {
                words.push_back(word);
                word.clear();
            }
        }
        if (!word.empty()) words.push_back(word);
    }
    return words;
}

// Words the index does not know, replaced by the nearest spelling it does ("Schwarzeneger" →
// "schwarzenegger", "Sobianin" → "sobyanin"); field names, operators and phrases kept.
std::string QueryBuilder::correct_spelling(const std::string& query) const {
    const Xapian::Database& db = m_database;
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
                known = known || db.term_exists(std::string(p) + folded);
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

BuiltQuery QueryBuilder::build(const SearchRequest& r) const {
    // Each wildcard expands to up to 200 terms: a few are useful, many only slow every query.
    if (std::count(r.query.begin(), r.query.end(), '*') > 4)
        throw QueryError("at most 4 wildcards (word*) in one query");
    BuiltQuery built;
    std::string text = r.query;
    if (r.exact) {
        // --exact: the words as written, in order, unstemmed; fields still filter.
        std::string fields;
        std::istringstream in(text);
        for (std::string token; in >> token;)
            if (token.find(':') != std::string::npos) fields += token + " ";
        built.words = plain_words(text);
        std::vector<Xapian::Query> terms;
        for (const auto& w : built.words) terms.emplace_back(w);
        Xapian::Query phrase = terms.empty() ? Xapian::Query::MatchAll
                                             : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end());
        if (!fields.empty()) phrase = Xapian::Query(Xapian::Query::OP_AND, phrase, parse_with(fields, Xapian::Query::OP_AND));
        const Xapian::Query filter = filters(r);
        built.strict = built.relaxed = filter.empty() ? phrase : Xapian::Query(Xapian::Query::OP_FILTER, phrase, filter);
        return built;
    }
    if (m_has_db && !text.empty()) text = built.corrected = correct_spelling(text);
    if (built.corrected == r.query) built.corrected.clear();
    const Xapian::Query filter = filters(r);
    auto with_filter = [&](Xapian::Query q) {
        if (filter.empty()) return q;
        return Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    };
    if (text.empty()) {
        built.strict = built.relaxed = with_filter(Xapian::Query::MatchAll);
        return built;
    }
    built.strict = with_filter(parse_with(text, Xapian::Query::OP_AND));
    // Relaxing drops words, never fields: "speaker:anokhin office minsk" keeps Anokhin.
    const auto [fields, words] = split_fields(text);
    Xapian::Query relaxed = words.empty() ? Xapian::Query() : parse_with(words, Xapian::Query::OP_OR);
    if (!fields.empty()) {
        const Xapian::Query required = parse_with(fields, Xapian::Query::OP_AND);
        relaxed = relaxed.empty() ? required : Xapian::Query(Xapian::Query::OP_AND, required, relaxed);
    }
    built.relaxed = with_filter(relaxed.empty() ? built.strict : relaxed);
    built.parts.emplace_back("any of the words", built.relaxed);
    built.parts.emplace_back("all of the words", built.strict);
    built.words = plain_words(text);
    // Each content word as written or as a spelling variant of it ("rubles" ~ "roubles").
    // The boosts look at the first 64 content words: a pasted page of text still ranks by
    // all its words, without thousands of phrase checks.
    std::vector<std::string> content;
    for (const auto& w : built.words)
        if (!text::is_stopword(w) && content.size() < 64) content.push_back(w);
    std::vector<Xapian::Query> forms;
    std::vector<Xapian::Query> speakers;
    for (const auto& w : content) {
        std::vector<Xapian::Query> any = {Xapian::Query(w)};
        std::vector<std::string> spellings = {w};
        if (m_has_db)
            for (auto it = m_database.synonyms_begin(w); it != m_database.synonyms_end(w); ++it)
                if ((*it).find(' ') == std::string::npos) {
                    any.emplace_back(*it);
                    spellings.push_back(*it);
                }
        forms.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
        // A speaker's name typed as a plain word ranks that speaker's statements first.
        for (const auto& f : spellings) {
            const std::string speaker_term = std::string(schema::prefix::speaker) + f;
            if (m_has_db && m_database.term_exists(speaker_term)) speakers.emplace_back(speaker_term);
        }
    }
    std::vector<Xapian::Query> boosts;
    // Consecutive content words near each other in the same order ("relocating … Siberia").
    std::vector<Xapian::Query> pairs;
    for (std::size_t k = 0; k + 1 < forms.size(); ++k) {
        const Xapian::Query two[] = {forms[k], forms[k + 1]};
        pairs.emplace_back(Xapian::Query::OP_PHRASE, std::begin(two), std::end(two), 3);
    }
    if (!pairs.empty()) {
        boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()), 1.0);
        built.parts.emplace_back("words in order (pairs)", boosts.back());
    }
    // All the content words close together, in order: the remembered sentence itself.
    if (forms.size() >= 3)
        boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                            Xapian::Query(Xapian::Query::OP_PHRASE, forms.begin(), forms.end(),
                                          static_cast<Xapian::termcount>(built.words.size() + 2)),
                            1.0);
    if (forms.size() >= 3) built.parts.emplace_back("all words close together", boosts.back());
    // The words in the form typed (or a variant), not only their stems.
    if (!forms.empty()) {
        boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end()), 0.25);
        built.parts.emplace_back("words as typed", boosts.back());
    }
    if (!speakers.empty()) {
        boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, speakers.begin(), speakers.end()), 3.0);
        built.parts.emplace_back("speaker named", boosts.back());
    }
    built.boosts = boosts;
    return built;
}

}  // namespace verbatim::search
