#pragma once
// The single written contract between verbatim-index and verbatim-search:
// term prefixes, value slots and metadata keys. docs/schema.md explains each entry.

#include <string_view>

namespace verbatim::schema {

// Bump when the meaning of any prefix, slot or the document data changes.
// 3: stemmed terms only (Z…, with positions in the text), fields without positions, date
//    terms for every precision, a binary statement record as data, slots 7 and 8 gone.
inline constexpr int kVersion = 3;
inline constexpr std::string_view kVersionKey = "verbatim.schema_version";
// The manifest of sources: one metadata key per source file indexed, verbatim.source:<path>,
// in the first database of the index (docs/schema.md, "Metadata").
inline constexpr std::string_view kSourceManifestPrefix = "verbatim.source:";
// Set while a build's statements wait for index::mark_copies (slot 6); see index/copies.hpp.
inline constexpr std::string_view kCopiesPendingKey = "verbatim.copies_pending";

namespace prefix {
// Boolean (filter) terms: exact values, folded to lower case.
// Identity terms carry 8 bytes of FNV-1a hash (text::stable_hash_bytes), not the value.
inline constexpr std::string_view id = "Q";             // statement id (unique term)
inline constexpr std::string_view doc = "XDOC";         // document id (its 16 hex digits as 8 bytes)
inline constexpr std::string_view source = "XSRC";      // source path, normalised
inline constexpr std::string_view collapse = "XCOL";    // the collapse key: copies of one statement
inline constexpr std::string_view kind = "XK";          // quote | reported | narrative
inline constexpr std::string_view speaker_key = "XSK";  // text::person_key of the speaker (spelling-independent)
inline constexpr std::string_view region_exact = "XRE"; // canonical region
inline constexpr std::string_view country_exact = "XCE";// canonical country
inline constexpr std::string_view day = "D";            // YYYYMMDD; YYYYMM00 for a month alone, YYYY0000 for a year
inline constexpr std::string_view month = "M";          // YYYYMM; YYYY00 for a year alone
inline constexpr std::string_view year = "Y";           // YYYY
// Free-text fields: their words stemmed (Z + prefix + stem), without positions, for field
// queries such as speaker:anokhin.
inline constexpr std::string_view speaker = "XSPK";
inline constexpr std::string_view role = "XROLE";
inline constexpr std::string_view organisation = "XORG";
inline constexpr std::string_view region = "XREG";
inline constexpr std::string_view country = "XCTY";
inline constexpr std::string_view mentions = "XMEN";
inline constexpr std::string_view title = "XTI";
// Every stemmed term, of the text and of the fields, starts with this.
inline constexpr std::string_view stemmed = "Z";
}  // namespace prefix

namespace slot {
inline constexpr unsigned date = 0;      // 4 bytes: year (2, big-endian), month, day; 0 for what is unknown
inline constexpr unsigned speaker = 1;   // canonical speaker name
inline constexpr unsigned region = 2;    // canonical region
inline constexpr unsigned country = 3;   // canonical country
inline constexpr unsigned kind = 4;      // "0" quote, "1" reported, "2" narrative: sorts in that order
inline constexpr unsigned collapse = 6;  // 8 bytes of hash of the folded text, only on statements that have copies
}  // namespace slot

}  // namespace verbatim::schema
