#pragma once
// The text rules both sides share: the same stemmer and strategy for TermGenerator at index
// time and QueryParser at search time, and the same folding before either sees the text.

#include <xapian.h>

#include <string>
#include <string_view>

namespace verbatim::text {

Xapian::Stem stemmer();
// Stems only, as "Z" + prefix + stem: one term per word (half the postings of STEM_SOME);
// wording is checked against the stored text (--exact, --verify), not the terms.
inline constexpr Xapian::TermGenerator::stem_strategy kIndexStemming = Xapian::TermGenerator::STEM_ALL_Z;
inline constexpr Xapian::QueryParser::stem_strategy kQueryStemming = Xapian::QueryParser::STEM_ALL_Z;
// The term TermGenerator gives a folded word under `prefix`: "Z" + prefix + stem.
std::string stemmed_term(std::string_view prefix, const std::string& folded_word);

// Common English words a query may drop: the index keeps them (phrases need them), the
// query parser leaves them out of AND and OR, except inside "quoted phrases".
const Xapian::Stopper& stopper();
bool is_stopword(const std::string& folded_word);

// A spelling-independent key for a name: first letter, then the consonants, doubled letters
// once ("Tkachyov" and "Tkachev" → "tkchv", "Sobianin" and "Sobyanin" → "sbnn"). The indexer
// records which name each key stands for; the searcher maps unknown words through it.
std::string name_key(const std::string& folded_word);
inline constexpr std::string_view kNameKeyMetadata = "verbatim.name:";
// The name key of every part of a person's name: "Natalia Drozdova" and "Natalya Drozdova"
// → "ntl drzdv". The speaker registry: one person however the releases spell them.
std::string person_key(std::string_view full_name);

// What TermGenerator and QueryParser are given: diacritics removed, typographic quotes,
// apostrophes and dashes made ASCII, case kept (both lower-case terms themselves).
std::string analysable(std::string_view text);

}  // namespace verbatim::text
