#include <verbatim/index/index_writer.hpp>

#include <verbatim/corpus/document.hpp>
#include <verbatim/error.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/text/analysis.hpp>
#include <verbatim/text/unicode.hpp>

#include <algorithm>

namespace verbatim::index {

namespace {

std::vector<std::string> split_variants(const std::string& value) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < value.size()) {
        std::size_t bar = value.find('|', at);
        if (bar == std::string::npos) bar = value.size();
        if (bar > at) out.push_back(value.substr(at, bar - at));
        at = bar + 1;
    }
    return out;
}

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
    const std::string source = corpus::normal_path(statements.front().source);
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
                const std::string key = text::name_key(word);
                if (key.size() >= 3) ++m_name_keys[key][word];
            }
            i = j;
        }
    };
    for (const std::string* field : {&s.speaker, &s.role, &s.region, &s.country, &s.title}) add(*field, false);
    add(s.text, true);
}

void IndexWriter::add_variants(const std::vector<std::pair<std::string, std::string>>& variants) {
    auto key = [](const std::string& name) { return text::squeeze_spaces(text::fold(name)); };
    for (const auto& [a, b] : variants) {
        const std::string ka = key(a), kb = key(b);
        if (ka.empty() || kb.empty() || ka == kb) continue;
        add_synonyms(ka, kb);
        add_synonyms(kb, ka);
    }
}

// QueryParser looks a query word up as typed (folded) and adds the synonyms it finds as
// terms: so the synonyms are the other spelling's stemmed terms, in the text and in the
// fields plain words search (speaker and region).
void IndexWriter::add_synonyms(const std::string& word, const std::string& other) {
    if (word.find(' ') != std::string::npos || other.find(' ') != std::string::npos) return;
    for (std::string_view prefix : {std::string_view(""), schema::prefix::speaker, schema::prefix::region})
        m_db.add_synonym(word, text::stemmed_term(prefix, other));
}

void IndexWriter::commit() {
    // Spellings of one name key find each other (Tkachev ~ Tkachyov, Sobyanin ~ Sobianin):
    // the metadata lists them, most frequent first; pairs become synonyms.
    for (const auto& [key, words] : m_name_keys) {
        const std::string meta = std::string(text::kNameKeyMetadata) + key;
        std::vector<std::pair<std::size_t, std::string>> counted;
        for (const auto& [word, n] : words) counted.emplace_back(n, word);
        std::sort(counted.rbegin(), counted.rend());
        std::vector<std::string> spellings;
        for (const auto& [n, word] : counted) spellings.push_back(word);
        for (const auto& known : split_variants(m_db.get_metadata(meta)))
            if (!words.count(known)) spellings.push_back(known);
        if (spellings.size() > 8) spellings.resize(8);
        std::string value;
        for (const auto& w : spellings) value += (value.empty() ? "" : "|") + w;
        m_db.set_metadata(meta, value);
        if (key.size() < 4) continue;
        for (const auto& a : spellings)
            for (const auto& b : spellings)
                if (a != b) add_synonyms(a, b);
    }
    m_name_keys.clear();
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
