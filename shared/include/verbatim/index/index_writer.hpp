#pragma once
// Owns one WritableDatabase: replaces statements by their unique id term, removes what a source
// file or a document gave before, commits explicitly, records the schema version, and keeps
// the spelling table and the name keys of the words it is given.

#include <verbatim/index/document_builder.hpp>
#include <verbatim/index/name_keys.hpp>
#include <verbatim/statement.hpp>

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace verbatim::index {

// Statements per commit (and per database when several are written in parallel). Xapian holds
// a batch in memory until the commit: about 12 KB a statement of the benchmark corpus.
inline constexpr std::size_t kDefaultBatch = 20000;

// Bytes per block of every table of a merged database (index::compact_index: the parallel
// parts of a build, or the shards given to `compact`); Xapian's default, kept for the
// databases a build writes, is 8 KB. A search reads blocks one system call each (Xapian 1.4
// keeps no cache of its own), so larger blocks mean fewer calls: on the 100k benchmark index,
// 16 KB blocks took 25,157 reads for the 280 benchmark queries against 44,282, in 10% less
// time, and the index is 0.8% smaller; 32 and 64 KB blocks read fewer still but copy more
// and were slower. Writing 16 KB blocks made a build 15% slower, so the parts keep 8 KB.
inline constexpr unsigned kBlockSize = 16384;

struct WriterOptions {
    std::size_t batch = kDefaultBatch;  // statements per commit, for add(statements)
};

// A statement ready for a database: its Xapian document and the words it gives the spelling
// table. Made by prepare(), which needs no database and so runs in the extraction threads.
struct PreparedStatement {
    std::string id_term;
    Xapian::Document document;
    std::vector<std::string> spellings;  // folded
};

PreparedStatement prepare(const Statement& statement, DocumentBuilder& builder);

// The words of a statement for spelling correction: the words of speaker, role, region, country
// and title, and the capitalised words of the text, folded (runs of at least 4 bytes of ASCII
// letters, digits and non-ASCII bytes), with repeats.
std::vector<std::string> spelling_words(const Statement& statement);

class IndexWriter {
public:
    // Opens the index database at `path`, creating it if needed; refuses one of another schema.
    IndexWriter(const std::string& path, WriterOptions options = {});

    // The statements of one document. The first document of a source replaces everything the
    // source gave before; a document replaces what it gave before. Commits every `batch`.
    void add(const std::vector<Statement>& statements);

    // The parts of add() for a pipeline that spreads statements over several databases.
    // Nothing here commits.
    void remove_source(const std::string& source);
    void remove_document(const std::string& doc);
    void add(PreparedStatement&& statement);
    void add_spellings(const std::vector<std::string>& folded_words);

    // Spelling variants that should find each other (Luhansk/Lugansk, Natalia/Natalya):
    // stored as Xapian synonyms in both directions (add_spelling_synonym).
    void add_variants(const std::vector<std::pair<std::string, std::string>>& variants);

    // Writes the name keys counted since the last commit, then commits.
    void commit();

    Xapian::WritableDatabase& database() { return m_db; }
    std::size_t pending() const { return m_pending; }
    std::size_t added() const { return m_added; }
    Xapian::doccount statement_count() const { return m_db.get_doccount(); }

private:
    Xapian::WritableDatabase m_db;
    WriterOptions m_options;
    DocumentBuilder m_builder;
    // A database that was empty when opened holds only what this run added: a statement whose
    // id it has not added yet needs no look-up of an older copy (add_document, not replace).
    bool m_started_empty = false;
    std::unordered_set<std::uint64_t> m_ids_added;  // hashes of the ids added, while m_started_empty
    std::unordered_set<std::string> m_sources_seen;
    std::unordered_set<std::string> m_spellings;  // words already in the spelling table
    NameKeys m_name_keys;
    std::size_t m_pending = 0;
    std::size_t m_added = 0;
};

// Opens a database for reading and checks its schema version; IndexError names the path.
Xapian::Database open_for_reading(const std::string& path);

}  // namespace verbatim::index
