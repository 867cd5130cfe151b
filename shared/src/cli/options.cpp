#include <verbatim/cli/options.hpp>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <xapian.h>

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
