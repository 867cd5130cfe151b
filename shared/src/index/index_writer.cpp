#include <verbatim/index/index_writer.hpp>

#include <verbatim/error.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/text/analysis.hpp>
#include <verbatim/text/unicode.hpp>

namespace verbatim::index {

namespace {

void check_version(const Xapian::Database& db, const std::string& path, bool empty_ok) {
    const std::string version = db.get_metadata(std::string(schema::kVersionKey));
    if (version.empty() && empty_ok) return;
    if (version != std::to_string(schema::kVersion))
        throw IndexError(path + ": index schema version " + (version.empty() ? "(none)" : version) +
                         ", this program reads version " + std::to_string(schema::kVersion) +
                         "; rebuild the index with verbatim-index build");
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, WriterOptions options) try
    : m_db(path, Xapian::DB_CREATE_OR_OPEN), m_options(options) {
    check_version(m_db, path, m_db.get_doccount() == 0);
    m_db.set_metadata(std::string(schema::kVersionKey), std::to_string(schema::kVersion));
} catch (const Xapian::Error& e) {
    throw IndexError(path + ": cannot open the index for writing: " + e.get_description());
}

void IndexWriter::add(const std::vector<Statement>& statements) {
    if (statements.empty()) return;
    // Re-indexing a file replaces everything it gave before, so nothing is left behind when
    // the file now yields fewer statements.
    const std::string& source = statements.front().source;
    if (m_sources_seen.insert(source).second) m_db.delete_document(DocumentBuilder::source_term(source));
    m_db.delete_document(DocumentBuilder::doc_term(statements.front().doc));
    for (const Statement& s : statements) {
        m_db.replace_document(DocumentBuilder::id_term(s.id), m_builder.build(s));
        add_spellings(s);
        ++m_added;
        if (++m_pending >= m_options.batch) commit();
    }
}

// Names are what users misspell ("Schwarzeneger", "Sobianin"): the words of speakers, roles,
// places and titles, and capitalised words of the text, feed Xapian's spelling correction.
void IndexWriter::add_spellings(const Statement& s) {
    auto add = [&](std::string_view text, bool capitalised_only) {
        std::size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && !std::isalpha(static_cast<unsigned char>(text[i])) && !(text[i] & 0x80)) ++i;
            std::size_t j = i;
            while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || (text[j] & 0x80))) ++j;
            if (j - i >= 4 && (!capitalised_only || std::isupper(static_cast<unsigned char>(text[i])))) {
                const std::string word = text::fold(text.substr(i, j - i));
                if (m_spellings.insert(word).second) m_db.add_spelling(word);
            }
            i = j;
        }
    };
    for (const std::string* field : {&s.speaker, &s.role, &s.region, &s.country, &s.title}) add(*field, false);
    add(s.text, true);
}

void IndexWriter::add_variants(const std::vector<std::pair<std::string, std::string>>& variants) {
    const Xapian::Stem stem = text::stemmer();
    auto key = [](const std::string& name) { return text::squeeze_spaces(text::fold(name)); };
    for (const auto& [a, b] : variants) {
        const std::string ka = key(a), kb = key(b);
        if (ka.empty() || kb.empty() || ka == kb) continue;
        m_db.add_synonym(ka, kb);
        m_db.add_synonym(kb, ka);
        if (ka.find(' ') == std::string::npos && kb.find(' ') == std::string::npos) {
            m_db.add_synonym("Z" + stem(ka), "Z" + stem(kb));
            m_db.add_synonym("Z" + stem(kb), "Z" + stem(ka));
        }
    }
}

void IndexWriter::commit() {
    m_db.commit();
    m_pending = 0;
}

Xapian::Database open_for_reading(const std::string& path) {
    try {
        Xapian::Database db(path);
        check_version(db, path, false);
        return db;
    } catch (const Xapian::Error& e) {
        throw IndexError(path + ": cannot open the index: " + e.get_description());
    }
}

}  // namespace verbatim::index
