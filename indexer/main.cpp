// verbatim-index: corpus → statements (extract) → Xapian index (build).

#include "commands.hpp"

#include <verbatim/cli/options.hpp>
#include <verbatim/error.hpp>

#include <spdlog/spdlog.h>

#include <xapian.h>

#include <algorithm>
#include <cstring>
#include <thread>
#include <iostream>

namespace {

namespace cli = verbatim::cli;
namespace po = boost::program_options;

constexpr const char* kUsage =
    "Usage: verbatim-index extract [OPTIONS] PATH...\n"
    "       verbatim-index build --index DIR [OPTIONS] PATH...\n\n"
    "extract  print the statements found in files or folders as JSON Lines on stdout\n"
    "build    add the statements to the Xapian index at DIR (created if needed);\n"
    "         re-indexing a file replaces its statements\n\n"
    "Exit status: 0 done, 1 done but some input had problems (see stderr), 2 error.\n";

void parse_csv_columns(const std::vector<std::string>& specs, verbatim::corpus::CsvColumns& columns) {
    for (const auto& spec : specs) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
            throw po::error("--csv-column takes FIELD=COLUMN, e.g. text=body (got '" + spec + "')");
        columns[spec.substr(0, eq)] = spec.substr(eq + 1);
    }
}

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
    if (command != "extract" && command != "build") {
        std::cerr << "verbatim-index: unknown subcommand '" << command << "'\n\n" << kUsage;
        return verbatim::exit_code::usage;
    }
    cli::CommonOptions common;
    cli::DataOptions data;
    verbatim::indexer::BuildOptions options;
    std::vector<std::string> csv_columns;
    po::options_description description("Options of verbatim-index " + command);
    common.add_to(description);
    data.add_to(description);
    description.add_options()
        ("strict", po::bool_switch(&options.strict), "stop at the first problem in the input")
        ("csv-column", po::value<std::vector<std::string>>(&csv_columns)->value_name("FIELD=COLUMN"),
         "read a CSV field from another column (fields: title, date, url, text, location, id)");
    if (command == "build") {
        description.add_options()
            ("index", po::value<std::string>(&options.index)->value_name("DIR"), "the index folder (required)")
            ("batch", po::value<std::size_t>(&options.batch)->default_value(20000), "statements per commit (per shard)")
            ("jobs,j", po::value<std::size_t>(&options.jobs)->default_value(std::max(1u, std::thread::hardware_concurrency())),
             "extraction threads (default: the number of cores)")
            ("shards", po::value<std::size_t>(&options.shards)->default_value(0),
             "write a new index as N shards in parallel, with a stub that opens them as one (default 1)");
    }
    try {
        options.paths = cli::parse(argc - 1, argv + 1, description, "path");
        parse_csv_columns(csv_columns, options.read.csv_columns);
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
    if (options.paths.empty()) {
        spdlog::error("no PATH given; see verbatim-index {} --help", command);
        return verbatim::exit_code::usage;
    }
    if (command == "build" && options.index.empty()) {
        spdlog::error("build needs --index DIR");
        return verbatim::exit_code::usage;
    }
    options.data = data.data;
    return command == "extract" ? verbatim::indexer::run_extract(options) : verbatim::indexer::run_build(options);
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
