#pragma once
// The manifest of sources: what the index was built from, as Xapian metadata in its first
// database. One key per source file, verbatim.source:<normalised path>, whose value records the
// file's size, modification time and content hash when it was indexed, the extraction settings,
// and what it gave. `build` compares each file with its entry and reads only new or changed files.

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace verbatim::index {

struct FileState {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;  // modification time, nanoseconds since the epoch
};

struct ManifestEntry {
    std::string path;          // normalised (corpus::normal_path), as in the XSRC term
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string hash;          // FNV-1a of the bytes, 16 hex digits (text::stable_hash of the content)
    std::string settings;      // fingerprint of what else shapes the statements (extraction_settings)
    std::size_t statements = 0;
    std::size_t problems = 0;  // problems reported when the file was read
};

// The metadata key of a source (paths longer than 180 bytes are cut and end in a hash of the whole).
std::string manifest_key(const std::string& normal_path);
std::string encode(const ManifestEntry& entry);
// nullopt for a value this program did not write.
std::optional<ManifestEntry> decode(std::string_view value);

// Every entry of the database, by path.
std::map<std::string, ManifestEntry> read_manifest(const Xapian::Database& db);

// stat(2) of a file; nullopt when it cannot be read.
std::optional<FileState> file_state(const std::string& path);
// The content hash of a file, read in blocks; "" when it cannot be read.
std::string content_hash(const std::string& path);

// What else decides the statements a file gives: the program version, the gazetteer's files and
// the CSV column map. A file indexed under other settings counts as changed.
std::string extraction_settings(const std::string& version, const std::string& data_folder,
                                const std::map<std::string, std::string>& csv_columns);

enum class Change {
    added,      // no entry
    changed,    // other content, or other settings
    touched,    // another size or time but the same content (the entry is updated, the file not read)
    unchanged,  // the same size and modification time, the same settings
};

// How a file compares with its entry: another size is a change; the same size and time, no
// change; the same size at another time, the content hash (computed by `hash` only then) decides.
Change compare(const ManifestEntry* entry, const FileState& now, const std::string& settings,
               const std::function<std::string()>& hash);

}  // namespace verbatim::index
