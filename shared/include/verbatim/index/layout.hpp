#pragma once
// Where an index keeps its databases. The index folder DIR holds generations, DIR/gen-N, each of
// one database (gen-N/shard-0) or several (gen-N/shard-0 … shard-(K-1)), and the stub file
// DIR/XAPIANDB listing the databases of the live generation: Xapian opens DIR as one database
// through it. A new generation goes live when a new stub is renamed over the old one, so a
// reader opens the old index or the new one, never half of one; old generations are removed
// after. Indexes written before generations existed (one database at DIR, or DIR/shard-K with
// a stub) are read and updated as they are, and move to a generation when compacted.

#include <cstddef>
#include <string>
#include <vector>

namespace verbatim::index {

struct Layout {
    enum class Kind {
        none,        // no index at DIR yet
        database,    // one Xapian database at DIR itself (before generations)
        shards,      // DIR/shard-K listed by a stub without a generation (before generations)
        generation,  // DIR/gen-N/shard-K listed by DIR/XAPIANDB
    };
    Kind kind = Kind::none;
    std::string dir;
    unsigned generation = 0;             // the live generation (Kind::generation)
    std::vector<std::string> databases;  // the live databases, in stub order (the first holds the metadata)
    // The shard count the index is meant to have. A new index built in parallel parts lists
    // more databases than this until the build merges them at its end (or a rerun does).
    std::size_t shards = 0;

    bool merge_pending() const { return shards == 1 && databases.size() > 1; }
};

// The layout of the index at `dir` as it is on disk. IndexError for a stub that lists remote or
// unknown databases, or when `dir` is a file.
Layout read_layout(const std::string& dir);

// DIR/gen-N and its databases DIR/gen-N/shard-0 … shard-(count-1).
std::string generation_folder(const std::string& dir, unsigned generation);
std::vector<std::string> generation_databases(const std::string& dir, unsigned generation, std::size_t count);

// A generation number above every gen-N in `dir`.
unsigned next_generation(const std::string& dir);

// Makes generation `generation` (`count` databases, meant as `shards` shards) the live index:
// the stub is written to a temporary file, synced, and renamed over DIR/XAPIANDB.
void write_stub(const std::string& dir, unsigned generation, std::size_t count, std::size_t shards);

// After a new generation went live over an index of `old` layout: removes what only the old
// one used (an older generation, the legacy database files or shard folders).
void retire(const Layout& old);

// Removes what no live index uses: generations the stub does not list (left by a build or a
// compaction that was killed), temporary stubs, and the files of a legacy layout that was
// replaced. Only names this program writes are touched.
void remove_unused(const Layout& live);

// Which of `count` databases a statement goes to, by its id term (DocumentBuilder::id_term): the
// same id always lands in the same database, so a statement never has two copies in a generation.
std::size_t database_of(const std::string& id_term, std::size_t count);

}  // namespace verbatim::index
