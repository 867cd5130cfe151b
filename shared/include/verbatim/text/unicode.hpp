#pragma once
// UTF-8 helpers built on ICU: validation with positions, code-point offsets, folding.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace verbatim::text {

// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// Number of code points in a valid UTF-8 string.
std::size_t count_code_points(std::string_view utf8);

// Lower case, compatibility-decomposed, combining marks removed, typographic apostrophes,
// quotes and dashes replaced by ASCII: the form both the indexer and the searcher feed to
// Xapian, so "Zaporizhzhia", "ZAPORIZHZHIA" and "Zaporízhzhia" give the same terms.
std::string fold(std::string_view utf8);

// Like fold() but keeps case (QueryParser needs "AND", "OR" in capitals).
std::string fold_keep_case(std::string_view utf8);

// Typographic punctuation replaced by ASCII, nothing else changed.
std::string ascii_punctuation(std::string_view utf8);

// Remove a leading UTF-8 byte-order mark.
std::string_view strip_bom(std::string_view text);

// Collapse runs of white space to one space and trim both ends.
std::string squeeze_spaces(std::string_view text);

// 64-bit FNV-1a hash printed as 16 hex digits: stable across runs and machines.
std::string stable_hash(std::string_view bytes);
// The same hash as 8 raw bytes, most significant first: for identity terms and keys that no
// one reads, where the hex form would double the bytes.
std::string stable_hash_bytes(std::string_view bytes);
// 16 hex digits → their 8 bytes; "" when the text is not 16 lower-case hex digits.
std::string hex_to_bytes(std::string_view hex16);
std::string bytes_to_hex(std::string_view bytes);

}  // namespace verbatim::text
