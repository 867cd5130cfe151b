#include <verbatim/index/index_writer.hpp>

#include <verbatim/error.hpp>
#include <verbatim/schema.hpp>

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
        ++m_added;
        if (++m_pending >= m_options.batch) commit();
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
