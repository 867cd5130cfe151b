#pragma once
// Option groups both programs compose (Boost.Program_options), and logging set-up.

#include <boost/program_options.hpp>

#include <string>
#include <vector>

namespace verbatim::cli {

namespace po = boost::program_options;

// --help, --version, -v/--verbose, -q/--quiet.
struct CommonOptions {
    bool help = false;
    bool version = false;
    bool quiet = false;
    int verbose = 0;
    void add_to(po::options_description& description);
};

// --data DIR: where corpus/gazetteer lives.
struct DataOptions {
    std::string data;
    void add_to(po::options_description& description);
};

// Sets spdlog's default logger to stderr with a level from the verbosity flags.
void init_logging(const CommonOptions& common);

// Parses argv with `visible` options and positional `positional_name` (any count); throws
// po::error on bad input. Returns the positional values.
std::vector<std::string> parse(int argc, const char* const argv[], const po::options_description& visible,
                               const std::string& positional_name);

std::string version_text(const std::string& program);

}  // namespace verbatim::cli
