#include <verbatim/index/document_builder.hpp>

#include <verbatim/corpus/document.hpp>
#include <verbatim/index/record.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/text/analysis.hpp>
#include <verbatim/text/unicode.hpp>

namespace verbatim::index {

namespace {

// Xapian terms are at most 245 bytes: long values are cut and marked with their hash.
std::string bounded(std::string term) {
    if (term.size() <= 200) return term;
    return term.substr(0, 180) + "#" + text::stable_hash(term);
}

}  // namespace

DocumentBuilder::DocumentBuilder() {
    m_generator.set_stemmer(text::stemmer());
    m_generator.set_stemming_strategy(text::kIndexStemming);
}

// Identity terms hold 8 bytes of a hash, not the value: they are looked up, never read, and a
// statement carries four of them (a 50-byte path in every statement's term list was 4% of
// the index).
std::string DocumentBuilder::id_term(const std::string& id) { return std::string(schema::prefix::id) + text::stable_hash_bytes(id); }
std::string DocumentBuilder::doc_term(const std::string& doc) {
    const std::string bytes = text::hex_to_bytes(doc);
    return std::string(schema::prefix::doc) + (bytes.empty() ? text::stable_hash_bytes(doc) : bytes);
}
std::string DocumentBuilder::source_term(const std::string& source) {
    return std::string(schema::prefix::source) + text::stable_hash_bytes(corpus::normal_path(source));
}
std::string DocumentBuilder::collapse_key(const std::string& text) {
    return text::stable_hash_bytes(text::squeeze_spaces(text::fold(text)));
}
std::string DocumentBuilder::filter_value(std::string_view name) { return text::squeeze_spaces(text::fold(name)); }

std::string DocumentBuilder::date_digits(std::string_view date) {
    std::string compact;
    for (char c : date) {
        if (c == '-') continue;
        if (!std::isdigit(static_cast<unsigned char>(c))) return "";
        compact.push_back(c);
    }
    if (compact.size() != 4 && compact.size() != 6 && compact.size() != 8) return "";
    compact.resize(8, '0');
    return compact;
}

std::string DocumentBuilder::date_value(std::string_view digits) {
    if (digits.size() != 8) return "";
    const int year = std::stoi(std::string(digits.substr(0, 4)));
    const int month = std::stoi(std::string(digits.substr(4, 2))), day = std::stoi(std::string(digits.substr(6, 2)));
    return {static_cast<char>(year >> 8), static_cast<char>(year & 0xff), static_cast<char>(month), static_cast<char>(day)};
}

std::string DocumentBuilder::year_of_date_value(std::string_view value) {
    if (value.size() != 4) return "";
    const int year = (static_cast<unsigned char>(value[0]) << 8) | static_cast<unsigned char>(value[1]);
    return std::to_string(year);
}

Xapian::Document DocumentBuilder::build(const Statement& s) {
    Xapian::Document doc;
    m_generator.set_document(doc);
    // Lower case first: TermGenerator would leave a capitalised word unstemmed, and a
    // sentence-initial "Budgets" must match the query word "budgets" too.
    m_generator.index_text(text::fold(s.text));
    // Fields: their own prefixes, without positions (a field query matches its words in any
    // order; a phrase needs the statement's text).
    auto field = [&](std::string_view prefix, const std::string& value) {
        if (!value.empty()) m_generator.index_text_without_positions(text::fold(value), 1, std::string(prefix));
    };
    field(schema::prefix::speaker, s.speaker);
    field(schema::prefix::role, s.role);
    field(schema::prefix::organisation, s.organisation);
    field(schema::prefix::region, s.region);
    field(schema::prefix::country, s.country);
    field(schema::prefix::title, s.title);
    for (const auto& m : s.mentions) field(schema::prefix::mentions, m);

    doc.add_boolean_term(id_term(s.id));
    doc.add_boolean_term(doc_term(s.doc));
    doc.add_boolean_term(source_term(s.source));
    doc.add_boolean_term(std::string(schema::prefix::kind) + std::string(to_string(s.kind)));
    if (!s.speaker.empty()) doc.add_boolean_term(bounded(std::string(schema::prefix::speaker_key) + text::person_key(s.speaker)));
    if (!s.region.empty()) doc.add_boolean_term(bounded(std::string(schema::prefix::region_exact) + filter_value(s.region)));
    if (!s.country.empty()) doc.add_boolean_term(bounded(std::string(schema::prefix::country_exact) + filter_value(s.country)));

    // Date terms at the statement's precision, so that any range is a union of a few year,
    // month and day terms: Y2024 always; M202406, or M202400 for a year alone; D20240627, or
    // D20240600 for a month alone.
    const std::string date = date_digits(s.date);
    if (!date.empty()) {
        doc.add_value(schema::slot::date, date_value(date));
        doc.add_boolean_term(std::string(schema::prefix::year) + date.substr(0, 4));
        doc.add_boolean_term(std::string(schema::prefix::month) + date.substr(0, 6));
        if (date.substr(4, 2) != "00") doc.add_boolean_term(std::string(schema::prefix::day) + date);
    }
    doc.add_value(schema::slot::speaker, s.speaker);
    doc.add_value(schema::slot::region, s.region);
    doc.add_value(schema::slot::country, s.country);
    doc.add_value(schema::slot::kind, std::to_string(static_cast<int>(s.kind)));
    // The key as a term only: slot 6 holds it just for statements that have copies, which a
    // build knows once every statement is in (index::mark_copies).
    doc.add_boolean_term(std::string(schema::prefix::collapse) + collapse_key(s.text));
    doc.set_data(encode_record(s));
    return doc;
}

}  // namespace verbatim::index
