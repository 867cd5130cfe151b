#include <verbatim/index/index_writer.hpp>

#include <verbatim/corpus/document.hpp>
#include <verbatim/error.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/text/analysis.hpp>
#include <verbatim/text/unicode.hpp>

#include <cctype>

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

std::uint64_t id_hash(const std::string& term) {
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : term) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

}  // namespace

// Names are what users misspell ("Schwarzeneger", "Sobianin").
std::vector<std::string> spelling_words(const Statement& s) {
    std::vector<std::string> out;
    auto add = [&](std::string_view text, bool capitalised_only) {
        std::size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && !std::isalpha(static_cast<unsigned char>(text[i])) && !(text[i] & 0x80)) ++i;
            std::size_t j = i;
            while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || (text[j] & 0x80))) ++j;
            if (j - i >= 4 && (!capitalised_only || std::isupper(static_cast<unsigned char>(text[i]))))
                out.push_back(text::fold(text.substr(i, j - i)));
            i = j;
        }
    };
    for (const std::string* field : {&s.speaker, &s.role, &s.region, &s.country, &s.title}) add(*field, false);
    add(s.text, true);
    return out;
}

PreparedStatement prepare(const Statement& statement, DocumentBuilder& builder) {
    return {DocumentBuilder::id_term(statement.id), builder.build(statement), spelling_words(statement)};
}

IndexWriter::IndexWriter(const std::string& path, WriterOptions options) try
    : m_db(path, Xapian::DB_CREATE_OR_OPEN), m_options(options) {
    m_started_empty = m_db.get_doccount() == 0;
    check_version(m_db, path, m_started_empty);
    m_db.set_metadata(std::string(schema::kVersionKey), std::to_string(schema::kVersion));
} catch (const Xapian::Error& e) {
    throw IndexError(path + ": cannot open the index for writing: " + e.get_description());
}

void IndexWriter::add(const std::vector<Statement>& statements) {
    if (statements.empty()) return;
    // Re-indexing a file replaces everything it gave before, so nothing is left behind when
    // the file now yields fewer statements.
    const std::string source = corpus::normal_path(statements.front().source);
    if (m_sources_seen.insert(source).second) remove_source(source);
    remove_document(statements.front().doc);
    for (const Statement& s : statements) {
        PreparedStatement prepared = prepare(s, m_builder);
        add_spellings(prepared.spellings);
        add(std::move(prepared));
        if (m_pending >= m_options.batch) commit();
    }
}

void IndexWriter::remove_source(const std::string& source) {
    m_db.delete_document(DocumentBuilder::source_term(source));
}

void IndexWriter::remove_document(const std::string& doc) { m_db.delete_document(DocumentBuilder::doc_term(doc)); }

void IndexWriter::add(PreparedStatement&& statement) {
    if (m_started_empty && m_ids_added.insert(id_hash(statement.id_term)).second)
        m_db.add_document(statement.document);
    else
        m_db.replace_document(statement.id_term, statement.document);
    ++m_added;
    ++m_pending;
}

void IndexWriter::add_spellings(const std::vector<std::string>& folded_words) {
    for (const std::string& word : folded_words) {
        if (m_spellings.insert(word).second) m_db.add_spelling(word);
        m_name_keys.count(word);
    }
}

void IndexWriter::add_variants(const std::vector<std::pair<std::string, std::string>>& variants) {
    auto key = [](const std::string& name) { return text::squeeze_spaces(text::fold(name)); };
    for (const auto& [a, b] : variants) {
        const std::string ka = key(a), kb = key(b);
        if (ka == kb) continue;
        add_spelling_synonym(m_db, ka, kb);
        add_spelling_synonym(m_db, kb, ka);
    }
}

void IndexWriter::commit() {
    m_name_keys.write_to(m_db);
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
