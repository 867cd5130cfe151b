#pragma once
// Name keys (docs/schema.md, "Synonyms, spellings and name keys"): the spellings of one name
// that the index saw (Tkachev, Tkachyov) are listed under the metadata key
// verbatim.name:<key>, and pairs of them become synonyms.

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace verbatim::index {

class NameKeys {
public:
    // One occurrence of a folded word (keys shorter than 3 letters are not kept).
    void count(const std::string& folded_word);
    // Adds the counts of another writer's words.
    void merge(NameKeys&& other);
    bool empty() const { return m_counts.empty(); }
    // For each key: verbatim.name:<key> gets up to 8 spellings, the counted ones most frequent
    // first, then those the database held before; keys of at least 4 letters also get every
    // pair of them as synonyms. The counts are cleared.
    void write_to(Xapian::WritableDatabase& db);

private:
    std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> m_counts;  // key → word → count
};

// `word` and `other` spell one name or word (Luhansk/Lugansk, Tkachev/Tkachyov): QueryParser
// looks a query word up as typed (folded) and adds the synonyms it finds as terms, so the
// synonyms of `word` are the stemmed terms of `other` in the text and in the fields plain words
// search (speaker and region). Single words only.
void add_spelling_synonym(Xapian::WritableDatabase& db, const std::string& word, const std::string& other);

// The value of one name key when databases are merged: the spellings of each value in turn,
// without repeats, at most 8.
std::string merge_name_spellings(const std::vector<std::string>& values);

}  // namespace verbatim::index
