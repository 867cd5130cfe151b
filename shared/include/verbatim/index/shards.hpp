#pragma once
// An index of N shards: DIR/shard-0 … DIR/shard-(N-1), each a Xapian database, and a stub
// file DIR/XAPIANDB listing them, which Xapian opens as one database. One shard is a plain
// database at DIR. A source file's statements always go to the same shard.

#include <string>
#include <vector>

namespace verbatim::index {

// The shards of the index at `dir` as it is on disk: 0 when there is no index yet.
std::size_t existing_shard_count(const std::string& dir);

// Paths of the shard databases for an index of `count` shards (just `dir` when 1).
std::vector<std::string> shard_paths(const std::string& dir, std::size_t count);

// Writes DIR/XAPIANDB (atomically: a temporary file renamed) listing the shards.
void write_stub(const std::string& dir, std::size_t count);

// Which shard a source file's statements belong to.
std::size_t shard_of(const std::string& source, std::size_t count);

}  // namespace verbatim::index
