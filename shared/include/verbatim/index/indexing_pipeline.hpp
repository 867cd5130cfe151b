#pragma once
// The parallel part of `build`: one reader (this thread) → `jobs` extraction threads (segment,
// attribute, and the Xapian documents) → the results put back in reading order → one writer
// thread per database, each statement to the database its id picks (database_of). Bounded
// queues join the stages, so memory stays flat whatever the input.
//
// The order is that of a single-threaded run: the first statements of a source remove what it
// gave before, in every database; a document met twice replaces its earlier statements; of two
// statements with one id the later wins. The first database (the primary) also gets every
// statement's spelling words and the manifest, whose entry for a file is written only in a
// commit after every database has committed that file's statements.

#include <verbatim/attribute/attributor.hpp>
#include <verbatim/corpus/walk.hpp>
#include <verbatim/index/build_plan.hpp>
#include <verbatim/index/index_writer.hpp>

#include <atomic>
#include <cstdint>
#include <vector>

namespace verbatim::index {

// Read by the progress display while a build runs.
struct PipelineCounters {
    std::atomic<std::uint64_t> bytes_total{0};  // of the files to read
    std::atomic<std::uint64_t> bytes_read{0};   // of the files read so far, the current one in part
    std::atomic<std::uint64_t> documents{0};    // documents extracted
    std::atomic<std::uint64_t> statements{0};   // statements added to the databases
};

struct PipelineOptions {
    std::size_t jobs = 1;                 // extraction threads
    std::size_t batch = kDefaultBatch;    // statements per commit, per database
    corpus::ReadOptions read;
};

struct PipelineResult {
    std::size_t documents = 0;
    std::size_t statements = 0;
    std::size_t files_skipped = 0;  // read, but no corpus text (images, notes, gold annotations)
};

// Removes the statements of `removed` sources (their manifest entries too), reads `to_read`,
// records the entries of `touched`. `writers` are the databases of the index, primary first.
PipelineResult run_pipeline(const std::vector<IndexWriter*>& writers, const attribute::Attributor& attributor,
                            const std::vector<ManifestEntry>& removed, const std::vector<PlannedFile>& to_read,
                            const std::vector<PlannedFile>& touched, const PipelineOptions& options,
                            const corpus::ProblemSink& problems, PipelineCounters& counters);

}  // namespace verbatim::index
