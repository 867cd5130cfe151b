#pragma once
// Owns the WritableDatabase: replaces statements by their unique id term, replaces a source
// file's statements as a whole, commits explicitly in batches, records the schema version.

#include <verbatim/index/document_builder.hpp>
#include <verbatim/statement.hpp>

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace verbatim::index {

struct WriterOptions {
    std::size_t batch = 20000;  // statements per commit
};

class IndexWriter {
public:
    // Opens the index at `path`, creating it if needed; refuses an index of another schema.
    IndexWriter(const std::string& path, WriterOptions options = {});
    // The statements of one document (all of one source file's documents come in one run).
    void add(const std::vector<Statement>& statements);
    // Spelling variants that should find each other (Luhansk/Lugansk, Natalia/Natalya):
    // stored as Xapian synonyms in both directions (single words only).
    void add_variants(const std::vector<std::pair<std::string, std::string>>& variants);
    // Commits what is pending; called by add() every `batch` statements and by the destructor's owner.
    void commit();
    std::size_t added() const { return m_added; }
    Xapian::doccount statement_count() const { return m_db.get_doccount(); }

private:
    void add_spellings(const Statement& statement);
    void add_synonyms(const std::string& word, const std::string& other);

    Xapian::WritableDatabase m_db;
    WriterOptions m_options;
    DocumentBuilder m_builder;
    std::unordered_set<std::string> m_sources_seen;
    std::unordered_set<std::string> m_spellings;  // words already in the spelling table
    std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> m_name_keys;  // key → word → count
    std::size_t m_pending = 0;
    std::size_t m_added = 0;
};

// Opens a database for reading and checks its schema version; IndexError names the path.
Xapian::Database open_for_reading(const std::string& path);

}  // namespace verbatim::index
