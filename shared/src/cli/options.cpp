#include <verbatim/cli/options.hpp>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <verbatim/index/index_writer.hpp>

#include <xapian.h>

#include <algorithm>
#include <thread>

#ifndef VERBATIM_VERSION
#define VERBATIM_VERSION "0.0.0"
#endif

namespace verbatim::cli {

void CommonOptions::add_to(po::options_description& d) {
    d.add_options()
        ("help,h", po::bool_switch(&help), "show this help and exit")
        ("version", po::bool_switch(&version), "show the version and exit")
        ("verbose,v", po::value<int>(&verbose)->implicit_value(1)->zero_tokens()->default_value(0),
         "log more (debug level) on stderr")
        ("quiet,q", po::bool_switch(&quiet), "log only errors");
}

void DataOptions::add_to(po::options_description& d) {
    d.add_options()("data", po::value<std::string>(&data)->value_name("DIR"),
                    "folder with gazetteer/ (default: $VERBATIM_DATA, the installed share/verbatim, "
                    "or the source tree's corpus/)");
}

void IndexOptions::add_to(po::options_description& d) {
    d.add_options()("index", po::value<std::string>(&index)->value_name("DIR"), "the index folder (required)");
}

void CorpusOptions::add_to(po::options_description& d) {
    d.add_options()
        ("strict", po::bool_switch(&strict), "stop at the first problem in the input")
        ("csv-column", po::value<std::vector<std::string>>(&csv_column_specs)->value_name("FIELD=COLUMN"),
         "read a CSV field from another column (fields: title, date, url, text, location, id)");
}

std::map<std::string, std::string> CorpusOptions::csv_columns() const {
    std::map<std::string, std::string> columns;
    for (const auto& spec : csv_column_specs) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
            throw po::error("--csv-column takes FIELD=COLUMN, e.g. text=body (got '" + spec + "')");
        columns[spec.substr(0, eq)] = spec.substr(eq + 1);
    }
    return columns;
}

void BuildOptions::add_to(po::options_description& d) {
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    d.add_options()
        ("batch", po::value<std::size_t>(&batch)->default_value(index::kDefaultBatch)->value_name("N"),
         "statements per commit, per database (Xapian holds a batch in memory: see the README)")
        ("jobs,j", po::value<std::size_t>(&jobs)->default_value(cores)->value_name("N"),
         "extraction threads, and the databases a large new index is written as in parallel before they are "
         "merged (default: the number of cores)")
        ("shards", po::value<std::size_t>(&shards)->value_name("N"),
         "write a new index as N shards, with a stub that opens them as one (default: one database; an "
         "existing index keeps its shards)")
        ("prune", po::bool_switch(&prune), "remove the statements of files under PATH that are gone since they were indexed")
        ("force", po::bool_switch(&force), "read every file again, changed or not")
        ("no-progress", po::bool_switch(&no_progress), "no progress bar on the terminal");
}

void BuildOptions::check() const {
    // Boost reads "-1" as the largest number, so the upper bounds also catch negative values.
    if (batch == 0 || batch > 100'000'000) throw po::error("--batch takes 1 to 100000000 statements");
    if (jobs == 0 || jobs > 1024) throw po::error("--jobs takes 1 to 1024 threads");
    if (shards > 1024) throw po::error("--shards takes 1 to 1024 databases");  // 0: not given
}

void init_logging(const CommonOptions& common) {
    auto logger = spdlog::get("verbatim");
    if (!logger) logger = spdlog::stderr_color_mt("verbatim");
    logger->set_pattern("%^%l%$: %v");
    logger->set_level(common.quiet ? spdlog::level::err
                                   : common.verbose > 0 ? spdlog::level::debug : spdlog::level::info);
    spdlog::set_default_logger(logger);
}

std::vector<std::string> parse(int argc, const char* const argv[], const po::options_description& visible,
                               const std::string& positional_name) {
    std::vector<std::string> positional;
    po::options_description all;
    all.add(visible);
    all.add_options()(positional_name.c_str(), po::value<std::vector<std::string>>(&positional));
    po::positional_options_description p;
    p.add(positional_name.c_str(), -1);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(p).run(), vm);
    po::notify(vm);
    return positional;
}

std::string version_text(const std::string& program) {
    return program + " " + VERBATIM_VERSION + " (Xapian " + Xapian::version_string() + ")";
}

}  // namespace verbatim::cli
