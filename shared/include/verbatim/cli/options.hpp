#pragma once
// Option groups both programs compose (Boost.Program_options), and logging set-up.

#include <boost/program_options.hpp>

#include <cstddef>
#include <map>
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

// --index DIR: the index folder a subcommand writes.
struct IndexOptions {
    std::string index;
    void add_to(po::options_description& description);
};

// How the corpus is read: --strict, --csv-column FIELD=COLUMN (repeatable).
struct CorpusOptions {
    bool strict = false;
    std::vector<std::string> csv_column_specs;
    void add_to(po::options_description& description);
    // FIELD → COLUMN; po::error for a spec that is not FIELD=COLUMN.
    std::map<std::string, std::string> csv_columns() const;
};

// verbatim-index build: --batch, --jobs, --shards, --prune, --force, --no-progress.
struct BuildOptions {
    std::size_t batch = 0;   // statements per commit, per database (0 until parsed: the default)
    std::size_t jobs = 0;    // extraction threads (0 until parsed: the number of cores)
    std::size_t shards = 0;  // 0: as the index has it, one database for a new index
    bool prune = false;
    bool force = false;
    bool no_progress = false;
    void add_to(po::options_description& description);
    // po::error for values that cannot work (no jobs, an empty batch).
    void check() const;
};

// Sets spdlog's default logger to stderr with a level from the verbosity flags.
void init_logging(const CommonOptions& common);

// Parses argv with `visible` options and positional `positional_name` (any count); throws
// po::error on bad input. Returns the positional values.
std::vector<std::string> parse(int argc, const char* const argv[], const po::options_description& visible,
                               const std::string& positional_name);

std::string version_text(const std::string& program);

}  // namespace verbatim::cli
