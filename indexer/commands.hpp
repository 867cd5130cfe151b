#pragma once
// The three subcommands of verbatim-index; each returns the exit status.

#include <verbatim/corpus/walk.hpp>
#include <verbatim/index/build.hpp>

#include <string>
#include <vector>

namespace verbatim::indexer {

struct ExtractRun {
    std::vector<std::string> paths;
    std::string data;  // gazetteer folder ("" = search the default places)
    corpus::ReadOptions read;
    bool strict = false;  // the first problem in the input is fatal
};

struct BuildRun {
    index::BuildSettings settings;
    std::string data;
    bool strict = false;
    bool progress = true;  // a progress bar when stderr is a terminal
};

struct CompactRun {
    std::string index;
    bool progress = true;
};

int run_extract(const ExtractRun& run);
int run_build(BuildRun run);
int run_compact(const CompactRun& run);

}  // namespace verbatim::indexer
