#pragma once
// The text rules both sides share: the same stemmer and strategy for TermGenerator at index
// time and QueryParser at search time, and the same folding before either sees the text.

#include <xapian.h>

#include <string>
#include <string_view>

namespace verbatim::text {

Xapian::Stem stemmer();
inline constexpr Xapian::TermGenerator::stem_strategy kIndexStemming = Xapian::TermGenerator::STEM_SOME;
inline constexpr Xapian::QueryParser::stem_strategy kQueryStemming = Xapian::QueryParser::STEM_SOME;

// What TermGenerator and QueryParser are given: diacritics removed, typographic quotes,
// apostrophes and dashes made ASCII, case kept (both lower-case terms themselves).
std::string analysable(std::string_view text);

}  // namespace verbatim::text
