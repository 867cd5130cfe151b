#pragma once
// Merging databases with Xapian's compactor, and `compact`: the databases of an index merged into
// one new generation, which then replaces the old one atomically (see layout.hpp).

#include <verbatim/index/layout.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace verbatim::index {

// Hears the compactor's progress: the table it works on and a note ("" when it starts one).
using CompactionStatus = std::function<void(const std::string& table, const std::string& status)>;

// Merges `sources` into a new database at `destination`, which must not exist. Document ids
// are renumbered (source after source). Metadata that several sources hold: the name keys keep
// the spellings of all of them, other keys the first source's value.
void merge_databases(const std::vector<std::string>& sources, const std::string& destination,
                     const CompactionStatus& status = {});

struct CompactionResult {
    Layout before, after;
    std::size_t statements = 0;
    std::uint64_t bytes_before = 0, bytes_after = 0;
};

// Merges the live databases of the index at `dir` into one database in a new generation, makes
// it live and removes the old one. Killed at any point, the index is the old one or the new
// one. The caller holds the IndexLock.
CompactionResult compact_index(const std::string& dir, const CompactionStatus& status = {});

// Bytes of the files under `path` (a folder or a file).
std::uint64_t disk_usage(const std::string& path);

}  // namespace verbatim::index
