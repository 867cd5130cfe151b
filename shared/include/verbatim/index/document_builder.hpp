#pragma once
// Statement → Xapian::Document: free text with positions, field terms, filter terms,
// values and the statement's JSON as data. No database needed (see schema.hpp).

#include <verbatim/statement.hpp>

#include <xapian.h>

namespace verbatim::index {

class DocumentBuilder {
public:
    DocumentBuilder();
    Xapian::Document build(const Statement& statement);

    // The boolean term that identifies a statement, a document, a source file.
    static std::string id_term(const std::string& id);
    static std::string doc_term(const std::string& doc);
    static std::string source_term(const std::string& source);
    // Canonical filter term of a name ("Valentina Matvienko" → "valentina matvienko").
    static std::string filter_value(std::string_view name);

private:
    Xapian::TermGenerator m_generator;
};

}  // namespace verbatim::index
