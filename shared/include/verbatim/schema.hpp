#pragma once
// The single written contract between verbatim-index and verbatim-search:
// term prefixes, value slots and metadata keys. docs/schema.md explains each entry.

#include <string_view>

namespace verbatim::schema {

// Bump when the meaning of any prefix, slot or the document data changes.
inline constexpr int kVersion = 2;  // 2: XCOL collapse-key terms, id value slot
inline constexpr std::string_view kVersionKey = "verbatim.schema_version";
// The manifest of sources: one metadata key per source file indexed, verbatim.source:<path>,
// in the first database of the index (docs/schema.md, "Metadata").
inline constexpr std::string_view kSourceManifestPrefix = "verbatim.source:";

namespace prefix {
// Boolean (filter) terms: exact values, folded to lower case.
inline constexpr std::string_view id = "Q";             // statement id (unique term)
inline constexpr std::string_view doc = "XDOC";         // document id
inline constexpr std::string_view source = "XSRC";      // source path as given
inline constexpr std::string_view collapse = "XCOL";    // the collapse key: copies of one statement
inline constexpr std::string_view kind = "XK";          // quote | reported | narrative
inline constexpr std::string_view speaker_exact = "A";  // canonical speaker name
inline constexpr std::string_view speaker_key = "XSK";  // text::person_key of the speaker (spelling-independent)
inline constexpr std::string_view region_exact = "XRE"; // canonical region
inline constexpr std::string_view country_exact = "XCE";// canonical country
inline constexpr std::string_view day = "D";            // YYYYMMDD
inline constexpr std::string_view month = "M";          // YYYYMM
inline constexpr std::string_view year = "Y";           // YYYY
// Free-text fields (words, stemmed like the body), for field queries such as speaker:anokhin.
inline constexpr std::string_view speaker = "XSPK";
inline constexpr std::string_view role = "XROLE";
inline constexpr std::string_view organisation = "XORG";
inline constexpr std::string_view region = "XREG";
inline constexpr std::string_view country = "XCTY";
inline constexpr std::string_view mentions = "XMEN";
inline constexpr std::string_view title = "XTI";
}  // namespace prefix

namespace slot {
inline constexpr unsigned date = 0;      // "YYYYMMDD" (sortable string)
inline constexpr unsigned speaker = 1;   // canonical speaker name
inline constexpr unsigned region = 2;    // canonical region
inline constexpr unsigned country = 3;   // canonical country
inline constexpr unsigned kind = 4;      // "quote" | "reported" | "narrative"
inline constexpr unsigned year = 5;      // "YYYY"
inline constexpr unsigned collapse = 6;  // hash of the folded text: near-duplicate key
inline constexpr unsigned kind_rank = 7; // sortable: 0 quote, 1 reported, 2 narrative
inline constexpr unsigned id = 8;        // the statement id (as the Q term), read while ranking
}  // namespace slot

}  // namespace verbatim::schema
