#include "commands.hpp"

#include <verbatim/attribute/gazetteer.hpp>
#include <verbatim/error.hpp>
#include <verbatim/format/json.hpp>
#include <verbatim/index/index_writer.hpp>
#include <verbatim/pipeline.hpp>

#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>
#include <map>

namespace verbatim::indexer {

namespace {

// Logs each problem once, counts them, and stops the run under --strict.
class ProblemLog {
public:
    explicit ProblemLog(bool strict) : m_strict(strict) {}
    void operator()(const corpus::Problem& p) {
        if (p.severity == corpus::Severity::skipped) {
            ++m_skipped[p.message];
            spdlog::debug("{}", p.to_string());
            return;
        }
        ++m_problems;
        spdlog::warn("{}", p.to_string());
        if (m_strict) throw CorpusError(p.file, p.line, p.message + " (--strict)");
    }
    std::size_t problems() const { return m_problems; }
    void summarise() const {
        for (const auto& [why, n] : m_skipped) spdlog::info("skipped {} file(s): {}", n, why);
        if (m_problems) spdlog::warn("{} problem(s) in the input (see above); the rest was processed", m_problems);
    }

private:
    bool m_strict;
    std::size_t m_problems = 0;
    std::map<std::string, std::size_t> m_skipped;
};

attribute::Gazetteer load_gazetteer(const std::string& data) {
    const auto folder = attribute::find_data_folder(data);
    spdlog::debug("gazetteer from {}", folder.string());
    return attribute::Gazetteer::load(folder);
}

}  // namespace

int run_extract(const RunOptions& options) {
    const attribute::Gazetteer gazetteer = load_gazetteer(options.data);
    const attribute::Attributor attributor(gazetteer);
    ProblemLog problems(options.strict);
    std::size_t documents = 0, statements = 0;
    for_each_document(
        options.paths, options.read, attributor,
        [&](const corpus::RawDocument&, std::vector<Statement>&& found) {
            ++documents;
            for (const Statement& s : found) {
                std::cout << format::to_json_line(format::to_json(s)) << '\n';
                ++statements;
            }
        },
        std::ref(problems));
    std::cout.flush();
    problems.summarise();
    spdlog::info("{} documents, {} statements", documents, statements);
    return problems.problems() ? exit_code::partial : exit_code::ok;
}

int run_build(const BuildOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const attribute::Gazetteer gazetteer = load_gazetteer(options.data);
    const attribute::Attributor attributor(gazetteer);
    index::IndexWriter writer(options.index, {options.batch});
    auto variants = gazetteer.place_variants();
    for (auto& v : gazetteer.given_name_variants()) variants.push_back(std::move(v));
    for (auto& v : gazetteer.word_variants()) variants.push_back(std::move(v));
    writer.add_variants(variants);
    ProblemLog problems(options.strict);
    std::size_t documents = 0;
    auto last_report = started;
    for_each_document(
        options.paths, options.read, attributor,
        [&](const corpus::RawDocument&, std::vector<Statement>&& found) {
            writer.add(found);
            ++documents;
            const auto now = std::chrono::steady_clock::now();
            if (now - last_report > std::chrono::seconds(5)) {
                last_report = now;
                spdlog::info("{} documents, {} statements so far", documents, writer.added());
            }
        },
        std::ref(problems));
    writer.commit();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    problems.summarise();
    spdlog::info("indexed {} documents, {} statements in {:.1f} s; the index at {} holds {} statements",
                 documents, writer.added(), seconds, options.index, writer.statement_count());
    return problems.problems() ? exit_code::partial : exit_code::ok;
}

}  // namespace verbatim::indexer
