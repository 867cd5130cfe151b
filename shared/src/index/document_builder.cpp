#include <verbatim/index/document_builder.hpp>

#include <verbatim/corpus/document.hpp>
#include <verbatim/format/json.hpp>
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

std::string DocumentBuilder::id_term(const std::string& id) { return bounded(std::string(schema::prefix::id) + id); }
std::string DocumentBuilder::doc_term(const std::string& doc) { return bounded(std::string(schema::prefix::doc) + doc); }
std::string DocumentBuilder::source_term(const std::string& source) {
    // Xapian's convention, which QueryParser follows for source:PATH: a ':' between a
    // multi-letter prefix and a value that starts with a capital.
    const std::string path = corpus::normal_path(source);
    const bool colon = !path.empty() && std::isupper(static_cast<unsigned char>(path[0]));
    return bounded(std::string(schema::prefix::source) + (colon ? ":" : "") + path);
}
std::string DocumentBuilder::filter_value(std::string_view name) { return text::squeeze_spaces(text::fold(name)); }

Xapian::Document DocumentBuilder::build(const Statement& s) {
    Xapian::Document doc;
    m_generator.set_document(doc);
    // Lower case: TermGenerator adds stemmed (Z) terms only for words that do not start with a
    // capital, and a sentence-initial "Budgets" must match the query word "budgets" too.
    m_generator.index_text(text::fold(s.text));
    // Fields, each its own prefix and out of the body's position space.
    auto field = [&](std::string_view prefix, const std::string& value) {
        if (value.empty()) return;
        m_generator.increase_termpos(100);
        m_generator.index_text(text::fold(value), 1, std::string(prefix));
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
    if (!s.speaker.empty()) {
        doc.add_boolean_term(bounded(std::string(schema::prefix::speaker_exact) + filter_value(s.speaker)));
        doc.add_boolean_term(bounded(std::string(schema::prefix::speaker_key) + text::person_key(s.speaker)));
    }
    if (!s.region.empty()) doc.add_boolean_term(bounded(std::string(schema::prefix::region_exact) + filter_value(s.region)));
    if (!s.country.empty()) doc.add_boolean_term(bounded(std::string(schema::prefix::country_exact) + filter_value(s.country)));

    std::string compact;  // YYYYMMDD or YYYY
    for (char c : s.date)
        if (c != '-') compact.push_back(c);
    if (compact.size() >= 4) {
        doc.add_boolean_term(std::string(schema::prefix::year) + compact.substr(0, 4));
        doc.add_value(schema::slot::year, compact.substr(0, 4));
    }
    if (compact.size() == 8) {
        doc.add_boolean_term(std::string(schema::prefix::month) + compact.substr(0, 6));
        doc.add_boolean_term(std::string(schema::prefix::day) + compact);
    }
    // Sortable and comparable with full dates: a year alone is "YYYY0000", so that a range of
    // years (date:2016..2020, from 20160000) holds statements dated by the year only.
    if (compact.size() == 4) doc.add_value(schema::slot::date, compact + "0000");
    else if (compact.size() == 6) doc.add_value(schema::slot::date, compact + "00");
    else if (!compact.empty()) doc.add_value(schema::slot::date, compact);
    doc.add_value(schema::slot::speaker, s.speaker);
    doc.add_value(schema::slot::region, s.region);
    doc.add_value(schema::slot::country, s.country);
    doc.add_value(schema::slot::kind, std::string(to_string(s.kind)));
    doc.add_value(schema::slot::kind_rank, std::to_string(static_cast<int>(s.kind)));
    doc.add_value(schema::slot::id, s.id);
    const std::string collapse_key = text::stable_hash(text::squeeze_spaces(text::fold(s.text)));
    doc.add_value(schema::slot::collapse, collapse_key);
    doc.add_boolean_term(std::string(schema::prefix::collapse) + collapse_key);
    doc.set_data(format::to_json_line(format::to_json(s)));
    return doc;
}

}  // namespace verbatim::index
