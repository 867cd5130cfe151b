// verbatim-index: corpus → statements (extract) → Xapian index (build, compact).

#include "commands.hpp"

#include <verbatim/cli/options.hpp>
#include <verbatim/error.hpp>

#include <spdlog/spdlog.h>

#include <xapian.h>

#include <cstring>
#include <iostream>

namespace {

namespace cli = verbatim::cli;
namespace po = boost::program_options;

constexpr const char* kUsage =
    "Usage: verbatim-index extract [OPTIONS] PATH...\n"
    "       verbatim-index build --index DIR [OPTIONS] PATH...\n"
    "       verbatim-index compact --index DIR [OPTIONS]\n\n"
    "extract  print the statements found in files or folders as JSON Lines on stdout\n"
    "build    add the statements to the Xapian index at DIR (created if needed); files\n"
    "         indexed before are read again only when they changed, and re-indexing a file\n"
    "         replaces its statements\n"
    "compact  merge the databases of the index at DIR into one, compacted; searchers see the\n"
    "         old index or the new one, never a half one\n\n"
    "Exit status: 0 done, 1 done but some input had problems (see stderr), 2 error.\n";

int run(int argc, const char* const argv[]) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::cout << kUsage << "\nRun 'verbatim-index SUBCOMMAND --help' for its options.\n";
        return argc < 2 ? verbatim::exit_code::usage : verbatim::exit_code::ok;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::cout << cli::version_text("verbatim-index") << "\n";
        return verbatim::exit_code::ok;
    }
    const std::string command = argv[1];
    if (command != "extract" && command != "build" && command != "compact") {
        std::cerr << "verbatim-index: unknown subcommand '" << command << "'\n\n" << kUsage;
        return verbatim::exit_code::usage;
    }
    cli::CommonOptions common;
    cli::DataOptions data;
    cli::CorpusOptions corpus;
    cli::IndexOptions index;
    cli::BuildOptions build;
    po::options_description description("Options of verbatim-index " + command);
    common.add_to(description);
    if (command != "compact") {
        data.add_to(description);
        corpus.add_to(description);
    }
    if (command != "extract") index.add_to(description);
    if (command == "build") build.add_to(description);
    bool compact_no_progress = false;
    if (command == "compact")
        description.add_options()("no-progress", po::bool_switch(&compact_no_progress), "no progress bar on the terminal");
    std::vector<std::string> paths;
    verbatim::corpus::ReadOptions read;
    try {
        paths = cli::parse(argc - 1, argv + 1, description, "path");
        read.csv_columns = corpus.csv_columns();
        if (command == "build") build.check();
    } catch (const po::error& e) {
        std::cerr << "verbatim-index: " << e.what() << "\n";
        return verbatim::exit_code::usage;
    }
    if (common.help) {
        std::cout << kUsage << "\n" << description << "\n";
        return verbatim::exit_code::ok;
    }
    if (common.version) {
        std::cout << cli::version_text("verbatim-index") << "\n";
        return verbatim::exit_code::ok;
    }
    cli::init_logging(common);
    if (command == "compact") {
        if (!paths.empty()) {
            spdlog::error("compact takes no PATH; see verbatim-index compact --help");
            return verbatim::exit_code::usage;
        }
    } else if (paths.empty()) {
        spdlog::error("no PATH given; see verbatim-index {} --help", command);
        return verbatim::exit_code::usage;
    }
    if (command != "extract" && index.index.empty()) {
        spdlog::error("{} needs --index DIR", command);
        return verbatim::exit_code::usage;
    }
    if (command == "extract") return verbatim::indexer::run_extract({paths, data.data, read, corpus.strict});
    if (command == "compact") return verbatim::indexer::run_compact({index.index, !compact_no_progress});
    verbatim::indexer::BuildRun run;
    run.settings.index = index.index;
    run.settings.paths = paths;
    run.settings.read = read;
    run.settings.batch = build.batch;
    run.settings.jobs = build.jobs;
    run.settings.shards = build.shards;
    run.settings.prune = build.prune;
    run.settings.force = build.force;
    run.data = data.data;
    run.strict = corpus.strict;
    run.progress = !build.no_progress;
    return verbatim::indexer::run_build(std::move(run));
}

}  // namespace

int main(int argc, char* argv[]) try {
    cli::init_logging({});
    return run(argc, argv);
} catch (const verbatim::Error& e) {
    spdlog::error("{}", e.what());
    return verbatim::exit_code::error;
} catch (const Xapian::Error& e) {
    spdlog::error("Xapian: {}", e.get_description());
    return verbatim::exit_code::error;
} catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return verbatim::exit_code::error;
}
