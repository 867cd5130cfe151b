#pragma once
// `verbatim-index build` as one library call: lock the index, compare the files with its
// manifest, write the new and changed ones through the parallel pipeline, and, for a new index
// written in parallel parts, merge the parts into one database at the end.
//
// A new index of one database (the default) whose input is large is written as `jobs` parts in
// parallel, listed by the stub while the build runs (so a build that dies leaves its last
// commits searchable), then merged with Xapian's compactor into a new generation that replaces
// them atomically. A rerun of a build that died merges at its end too. An existing index is
// updated in place, each of its databases by its own writer.

#include <verbatim/attribute/attributor.hpp>
#include <verbatim/corpus/problem.hpp>
#include <verbatim/corpus/walk.hpp>
#include <verbatim/index/build_plan.hpp>
#include <verbatim/index/compaction.hpp>
#include <verbatim/index/copies.hpp>
#include <verbatim/index/indexing_pipeline.hpp>

#include <string>
#include <utility>
#include <vector>

namespace verbatim::index {

// Below this many bytes of input a new index is written as one database, without a merge.
inline constexpr std::uint64_t kParallelPartsFrom = 1u << 20;
inline constexpr std::size_t kMaxParallelParts = 16;

struct BuildSettings {
    std::string index;
    std::vector<std::string> paths;
    corpus::ReadOptions read;
    std::size_t batch = kDefaultBatch;  // statements per commit, per database
    std::size_t jobs = 1;               // extraction threads; parallel parts of a new index
    std::size_t shards = 0;             // 0: as the index has it (one database for a new index)
    bool prune = false;                 // remove the statements of files under `paths` that are gone
    bool force = false;                 // read every file, changed or not
    std::string settings;               // extraction_settings() of this run
    std::vector<std::pair<std::string, std::string>> variants;  // spelling variants, as synonyms
};

// What the build tells the program while it runs.
class BuildObserver {
public:
    virtual ~BuildObserver() = default;
    virtual void problem(const corpus::Problem& problem) = 0;
    // The plan is made; `databases` will be written in parallel (0: nothing to do).
    virtual void planned(const BuildPlan& plan, std::size_t databases) { (void)plan, (void)databases; }
    // The parallel parts are being merged (status from the compactor).
    virtual void merging(const std::string& table, const std::string& status) { (void)table, (void)status; }
};

struct BuildReport {
    std::size_t files_read = 0, files_unchanged = 0, files_touched = 0, files_gone = 0, files_pruned = 0;
    std::size_t unchanged_problems = 0;  // problems the unchanged files had when they were read
    std::size_t databases = 0;           // written in parallel (0 when there was nothing to do)
    std::size_t shards = 0;              // of the index now
    bool merged = false;
    PipelineResult pipeline;
    std::size_t statements_in_index = 0;
    CopyMarks copies;                    // what mark_copies changed
    double seconds = 0, merge_seconds = 0, copies_seconds = 0;
};

BuildReport build_index(const BuildSettings& settings, const attribute::Attributor& attributor,
                        BuildObserver& observer, PipelineCounters& counters);

}  // namespace verbatim::index
