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
};

int run_extract(const RunOptions& options);
int run_build(const BuildOptions& options);

}  // namespace verbatim::indexer
