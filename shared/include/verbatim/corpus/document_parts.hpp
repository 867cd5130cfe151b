#pragma once
// A document too large to attribute in one piece is handed on in parts. The attributor holds
// every paragraph of a document at once (tokens, mentions, the cast, the statements: about
// 2 KB a paragraph), so 1,000,000 one-line paragraphs would take ~2 GB; a part takes at most
// kMaxPartParagraphs paragraphs and about kMaxPartBytes bytes of text. Each part is a document
// of its own: its statements' offsets count in its own body, and who speaks is not carried
// from one part to the next. Press releases and transcripts stay far below both limits.

#include <verbatim/corpus/readers.hpp>

#include <cstddef>

namespace verbatim::corpus {

inline constexpr std::size_t kMaxPartParagraphs = 10'000;
inline constexpr std::size_t kMaxPartBytes = 2 * 1024 * 1024;

// The key of part `number` (1-based) of a document with key `key`: part 1 keeps the key, and
// so the id the whole document has; part 2 of "" is "part2", of "row7" "row7/part2".
std::string part_key(const std::string& key, std::size_t number);

// `document` to `sink` whole when it is within the limits; else in parts (at paragraph
// boundaries: a single paragraph larger than kMaxPartBytes stays whole), with a note saying so.
void hand_on_in_parts(RawDocument&& document, const DocumentSink& sink, const ProblemSink& problems);

}  // namespace verbatim::corpus
