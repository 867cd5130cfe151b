// verbatim-search: query → parse → match → rank → format.

#include <verbatim/cli/options.hpp>
#include <verbatim/error.hpp>
#include <verbatim/format/json.hpp>
#include <verbatim/format/text.hpp>
#include <verbatim/search/searcher.hpp>

#include <spdlog/spdlog.h>

#include <xapian.h>

#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace {

namespace cli = verbatim::cli;
namespace po = boost::program_options;

constexpr const char* kUsage =
    "Usage: verbatim-search [--index DIR] [OPTIONS] QUERY...\n"
    "Ranks the statements of the index that match QUERY (words, \"exact phrases\", AND, OR, NOT,\n"
    "-word, field:value; see the README's query language). Words after -- are taken literally.\n\n"
    "Exit status: 0 something matched, 1 nothing matched, 2 error.\n";

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

int run(int argc, const char* const argv[]) {
    cli::CommonOptions common;
    verbatim::search::SearchRequest request;
    std::string index;
    std::string format = "text";
    po::options_description description("Options");
    common.add_to(description);
    description.add_options()
        ("index", po::value<std::string>(&index)->value_name("DIR"), "the index (default: $VERBATIM_INDEX)")
        ("format", po::value<std::string>(&format)->default_value("text"), "text | jsonl")
        ("limit", po::value<std::size_t>(&request.limit)->default_value(10), "hits to show")
        ("offset", po::value<std::size_t>(&request.offset)->default_value(0), "hits to skip")
        ("speaker", po::value<std::vector<std::string>>(&request.speakers)->value_name("NAME"), "only this speaker (exact canonical name; repeatable)")
        ("region", po::value<std::vector<std::string>>(&request.regions)->value_name("NAME"), "only speakers of this region (repeatable)")
        ("country", po::value<std::vector<std::string>>(&request.countries)->value_name("NAME"), "only speakers of this country (repeatable)")
        ("kind", po::value<std::vector<std::string>>(&request.kinds)->value_name("KIND"), "quote | reported | narrative (repeatable)")
        ("from", po::value<std::string>(&request.from)->value_name("DATE"), "on or after this date (YYYY[-MM[-DD]])")
        ("to", po::value<std::string>(&request.to)->value_name("DATE"), "on or before this date");
    std::vector<std::string> words;
    try {
        words = cli::parse(argc, argv, description, "query");
    } catch (const po::error& e) {
        std::cerr << "verbatim-search: " << e.what() << "\n";
        return verbatim::exit_code::usage;
    }
    if (common.help) {
        std::cout << kUsage << "\n" << description << "\n";
        return verbatim::exit_code::ok;
    }
    if (common.version) {
        std::cout << cli::version_text("verbatim-search") << "\n";
        return verbatim::exit_code::ok;
    }
    cli::init_logging(common);
    if (index.empty())
        if (const char* env = std::getenv("VERBATIM_INDEX"); env && *env) index = env;
    if (index.empty()) {
        spdlog::error("no index: give --index DIR or set VERBATIM_INDEX");
        return verbatim::exit_code::usage;
    }
    if (format != "text" && format != "jsonl") {
        spdlog::error("--format must be text or jsonl, not '{}'", format);
        return verbatim::exit_code::usage;
    }
    request.query = join(words);
    const verbatim::search::Searcher searcher(index);
    const auto results = searcher.search(request);
    spdlog::debug("query: {}", results.description);
    if (format == "jsonl") {
        for (const auto& hit : results.hits)
            std::cout << verbatim::format::to_json_line(verbatim::format::hit_to_json(hit)) << '\n';
    } else {
        verbatim::format::TextStyle style;
        style.colour = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
        verbatim::format::write_text(std::cout, results, style);
        if (!results.hits.empty())
            std::cout << "about " << results.estimated_total << " matching statements\n";
    }
    std::cout.flush();
    return results.hits.empty() ? verbatim::exit_code::no_match : verbatim::exit_code::ok;
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
