// verbatim-search: query → parse → match → rank → format.

#include "http_server.hpp"

#include <verbatim/cli/options.hpp>
#include <verbatim/error.hpp>
#include <verbatim/format/json.hpp>
#include <verbatim/format/text.hpp>
#include <verbatim/search/searcher.hpp>
#include <verbatim/search/verify.hpp>

#include <spdlog/spdlog.h>

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace {

namespace cli = verbatim::cli;
namespace po = boost::program_options;
namespace search = verbatim::search;
namespace format = verbatim::format;

constexpr const char* kUsage =
    "Usage: verbatim-search [--index DIR] [OPTIONS] QUERY...\n"
    "       verbatim-search [--index DIR] [OPTIONS] --verify \"QUOTATION\"\n"
    "       verbatim-search [--index DIR] [OPTIONS] --batch < queries.txt\n"
    "Ranks the statements of the index that match QUERY (words, \"exact phrases\", AND, OR, NOT,\n"
    "-word, field:value; see the README's query language). Words after -- are taken literally.\n\n"
    "Exit status: 0 something matched, 1 nothing matched, 2 error.\n";

struct Options {
    search::SearchRequest request;
    std::string index;
    std::string format = "text";
    std::string sort = "relevance";
    std::string facets;
    std::string verify;
    std::size_t context = 0;
    bool no_collapse = false;
    bool count = false;
    bool explain = false;
    bool batch = false;
    bool serve = false;
    std::string listen = "127.0.0.1:8080";
    std::string web;
    std::size_t threads = verbatim::server::ServerOptions{}.threads;
    std::size_t max_searches = verbatim::server::ServerOptions{}.max_searches;
};

// The web page's folder: --web, else beside the installed program, else the source tree's.
std::string find_web_folder(const std::string& given) {
    namespace fs = std::filesystem;
    if (!given.empty()) return given;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::vector<fs::path> candidates;
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "verbatim" / "web");
#ifdef VERBATIM_SOURCE_WEB_DIR
    candidates.emplace_back(VERBATIM_SOURCE_WEB_DIR);
#endif
    for (const auto& c : candidates)
        if (fs::exists(c / "index.html")) return c.string();
    return "";
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

void write_results(const search::Searcher& searcher, const search::SearchResults& results, const Options& o,
                   const std::string* echo_query) {
    if (o.count) {
        if (o.format == "jsonl") {
            nlohmann::json j = {{"count", results.estimated_total}, {"exact", results.exact_total}};
            if (echo_query) j["query"] = *echo_query;
            std::cout << format::to_json_line(j) << '\n';
        } else {
            std::cout << results.estimated_total << '\n';
        }
        return;
    }
    if (o.format == "jsonl") {
        for (const auto& hit : results.hits) {
            nlohmann::json j = format::hit_to_json(hit, results.words);
            if (echo_query) {
                j["query"] = *echo_query;
                j["elapsed_ms"] = results.elapsed_ms;
            }
            if (o.explain) {
                nlohmann::json parts = nlohmann::json::object();
                for (const auto& [name, weight] : hit.score_parts) parts[name] = weight;
                j["explain"] = {{"matched_terms", hit.matched_terms}, {"score_parts", parts}, {"query", results.description}};
            }
            std::cout << format::to_json_line(j) << '\n';
        }
        if (echo_query && results.hits.empty()) {
            // A batch answers every query: one line when it found nothing.
            std::cout << format::to_json_line({{"query", *echo_query}, {"total", results.estimated_total},
                                               {"elapsed_ms", results.elapsed_ms}})
                      << '\n';
        }
        if (!results.facets.empty()) {
            nlohmann::json j = {{"facets", format::facets_to_json(results)}, {"total", results.estimated_total}};
            if (echo_query) j["query"] = *echo_query;
            std::cout << format::to_json_line(j) << '\n';
        }
    } else if (o.format == "csv") {
        for (const auto& hit : results.hits) format::write_csv_row(std::cout, hit);
    } else {
        format::TextStyle style;
        style.colour = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
        style.context = o.context;
        format::write_text(std::cout, results, style,
                           [&](const std::string& doc) { return searcher.document_statements(doc); });
        if (o.explain) {
            std::cout << "query: " << results.description << "\n";
            for (const auto& hit : results.hits) {
                std::cout << hit.rank << ". score " << hit.score << ", matched:";
                for (const auto& t : hit.matched_terms) std::cout << ' ' << t;
                for (const auto& [name, weight] : hit.score_parts) std::cout << "\n   " << name << ": " << weight;
                std::cout << '\n';
            }
        }
        if (!results.hits.empty())
            std::cout << (results.exact_total ? "" : "about ") << results.estimated_total
                      << (results.estimated_total == 1 ? " matching statement\n" : " matching statements\n");
    }
}

int run(int argc, const char* const argv[]) {
    cli::CommonOptions common;
    Options o;
    auto& r = o.request;
    po::options_description description("Options");
    common.add_to(description);
    description.add_options()
        ("index", po::value<std::string>(&o.index)->value_name("DIR"), "the index (default: $VERBATIM_INDEX)")
        ("format", po::value<std::string>(&o.format)->default_value("text"), "text | jsonl | csv")
        ("limit", po::value<std::size_t>(&r.limit)->default_value(10), "hits to show")
        ("offset", po::value<std::size_t>(&r.offset)->default_value(0), "hits to skip")
        ("sort", po::value<std::string>(&o.sort)->default_value("relevance"), "relevance | date | -date")
        ("speaker", po::value<std::vector<std::string>>(&r.speakers)->value_name("NAME"), "only this speaker (canonical name; repeatable)")
        ("region", po::value<std::vector<std::string>>(&r.regions)->value_name("NAME"), "only speakers of this region (repeatable)")
        ("country", po::value<std::vector<std::string>>(&r.countries)->value_name("NAME"), "only speakers of this country (repeatable)")
        ("kind", po::value<std::vector<std::string>>(&r.kinds)->value_name("KIND"), "quote | reported | narrative (repeatable)")
        ("from", po::value<std::string>(&r.from)->value_name("DATE"), "on or after this date (YYYY[-MM[-DD]])")
        ("to", po::value<std::string>(&r.to)->value_name("DATE"), "on or before this date")
        ("exact", po::bool_switch(&r.exact), "the words as written, in order, unstemmed (checking wording)")
        ("no-collapse", po::bool_switch(&o.no_collapse), "show every copy of a statement repeated across releases")
        ("context", po::value<std::size_t>(&o.context)->default_value(0), "show N statements before and after each hit")
        ("count", po::bool_switch(&o.count), "print only the number of matching statements")
        ("facets", po::value<std::string>(&o.facets)->value_name("LIST"), "counts over all matches: speaker,region,country,kind,year")
        ("explain", po::bool_switch(&o.explain), "show the parsed query and each hit's matched terms")
        ("like", po::value<std::string>(&r.like)->value_name("ID"), "statements like the statement with this id")
        ("time-limit", po::value<double>(&r.time_limit)->default_value(10.0)->value_name("SECONDS"),
         "stop matching after this long and show the best found so far (0: no limit)")
        ("verify", po::value<std::string>(&o.verify)->value_name("TEXT"), "check a quotation: exact, near (with a diff) or partial matches")
        ("batch", po::bool_switch(&o.batch), "read queries from stdin, one a line; JSON Lines out, each with its query")
        ("serve", po::bool_switch(&o.serve), "serve the HTTP API and the web page (docs/http-api.md)")
        ("listen", po::value<std::string>(&o.listen)->default_value("127.0.0.1:8080"), "with --serve: HOST:PORT")
        ("web", po::value<std::string>(&o.web)->value_name("DIR"), "with --serve: the web page's folder (default: the installed or source web/)")
        ("threads", po::value<std::size_t>(&o.threads)->default_value(o.threads),
         "with --serve: worker threads; each kept-alive connection holds one")
        ("max-searches", po::value<std::size_t>(&o.max_searches)->default_value(o.max_searches)->value_name("N"),
         "with --serve: API requests answered at once, each with a database handle of a pool of N; the others wait their turn (0: twice the number of cores)");
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
    if (o.index.empty())
        if (const char* env = std::getenv("VERBATIM_INDEX"); env && *env) o.index = env;
    if (o.index.empty()) {
        spdlog::error("no index: give --index DIR or set VERBATIM_INDEX");
        return verbatim::exit_code::usage;
    }
    if (o.format != "text" && o.format != "jsonl" && o.format != "csv") {
        spdlog::error("--format must be text, jsonl or csv, not '{}'", o.format);
        return verbatim::exit_code::usage;
    }
    if (o.serve) {
        verbatim::server::ServerOptions server;
        server.index = o.index;
        verbatim::server::parse_listen(o.listen, server);
        server.web = find_web_folder(o.web);
        server.threads = std::max<std::size_t>(1, o.threads);
        server.max_searches = o.max_searches;
        if (server.web.empty()) spdlog::warn("no web page folder found; serving the API only (give --web DIR)");
        return verbatim::server::serve(server);
    }
    if (o.sort == "date") r.sort = search::SortOrder::date_ascending;
    else if (o.sort == "-date") r.sort = search::SortOrder::date_descending;
    else if (o.sort != "relevance") {
        spdlog::error("--sort must be relevance, date or -date, not '{}'", o.sort);
        return verbatim::exit_code::usage;
    }
    r.collapse = !o.no_collapse;
    r.explain = o.explain;
    r.count_all = o.count;
    r.facets = split_list(o.facets);
    r.query = join(words);
    const search::Searcher searcher(o.index);

    if (!o.verify.empty()) {
        const auto found = search::verify(searcher, o.verify, r);
        if (o.format == "jsonl") {
            for (const auto& v : found) std::cout << format::to_json_line(format::verification_to_json(v)) << '\n';
        } else {
            format::TextStyle style;
            style.colour = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
            format::write_verification_text(std::cout, found, style);
        }
        return found.empty() ? verbatim::exit_code::no_match : verbatim::exit_code::ok;
    }
    if (o.batch) {
        // One process for many scripted queries; every result line echoes its query.
        if (o.format == "text") o.format = "jsonl";
        if (o.format == "csv") format::write_csv_header(std::cout);
        bool any = false;
        for (std::string line; std::getline(std::cin, line);) {
            if (line.empty()) continue;
            r.query = line;
            try {
                const auto started = std::chrono::steady_clock::now();
                auto results = searcher.search(r);
                results.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
                any = any || !results.hits.empty();
                write_results(searcher, results, o, &line);
            } catch (const verbatim::QueryError& e) {
                std::cout << format::to_json_line({{"query", line}, {"error", e.what()}}) << '\n';
            }
        }
        return any ? verbatim::exit_code::ok : verbatim::exit_code::no_match;
    }
    const auto results = searcher.search(r);
    if (o.explain) spdlog::debug("query: {}", results.description);
    if (o.format == "csv" && !o.count) format::write_csv_header(std::cout);
    write_results(searcher, results, o, nullptr);
    std::cout.flush();
    // Something matched, even when the page (--limit 0, a far --offset) shows none of it.
    return results.hits.empty() && results.estimated_total == 0 ? verbatim::exit_code::no_match : verbatim::exit_code::ok;
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
