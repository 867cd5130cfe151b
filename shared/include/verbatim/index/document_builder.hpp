#pragma once
// Statement → Xapian::Document: stemmed text with positions, field terms, filter terms,
// values and the statement's record as data. No database needed (see schema.hpp).

#include <verbatim/statement.hpp>

#include <xapian.h>

namespace verbatim::index {

class DocumentBuilder {
public:
    DocumentBuilder();
    Xapian::Document build(const Statement& statement);

    // The boolean term that identifies a statement, a document, a source file (8 hash bytes).
    static std::string id_term(const std::string& id);
    static std::string doc_term(const std::string& doc);
    static std::string source_term(const std::string& source);
    // Canonical filter term of a name ("Valentina Matvienko" → "valentina matvienko").
    static std::string filter_value(std::string_view name);
    // The near-duplicate key of a statement's text (8 hash bytes): value slot and XCOL term.
    static std::string collapse_key(const std::string& text);
    // "2024-06-27" → "20240627", "2024-06" → "20240600", "2024" → "20240000"; "" when the
    // text is no date. The date terms are made of these digits.
    static std::string date_digits(std::string_view date);
    // What the date slot holds for such digits: 4 bytes (year high, year low, month, day)
    // that sort as the dates do; and the year of such a value.
    static std::string date_value(std::string_view digits);
    static std::string year_of_date_value(std::string_view value);

private:
    Xapian::TermGenerator m_generator;
};

}  // namespace verbatim::index
