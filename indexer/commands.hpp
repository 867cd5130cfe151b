#pragma once
// The two subcommands of verbatim-index; each returns the exit status.

#include <verbatim/corpus/walk.hpp>

#include <string>
#include <vector>

namespace verbatim::indexer {

struct RunOptions {
    std::vector<std::string> paths;
    std::string data;          // gazetteer folder ("" = search the default places)
    corpus::ReadOptions read;
    bool strict = false;       // the first problem in the input is fatal
};

struct BuildOptions : RunOptions {
    std::string index;
    std::size_t batch = 20000;
    std::size_t jobs = 1;      // extraction threads
    std::size_t shards = 0;    // 0: as the index has it, else 1 for a new index
};

int run_extract(const RunOptions& options);
int run_build(const BuildOptions& options);

}  // namespace verbatim::indexer
