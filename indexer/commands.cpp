#include "commands.hpp"

#include <verbatim/attribute/gazetteer.hpp>
#include <verbatim/error.hpp>
#include <verbatim/format/json.hpp>
#include <verbatim/index/index_writer.hpp>
#include <verbatim/index/shards.hpp>
#include <verbatim/pipeline.hpp>
#include <verbatim/util/bounded_queue.hpp>

#include <spdlog/spdlog.h>

#include <atomic>
#include <filesystem>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
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
        if (p.severity == corpus::Severity::note) {
            spdlog::info("{}", p.to_string());
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

// read → (jobs × segment + attribute) → (one writer per shard), through bounded queues.
int run_build(const BuildOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const attribute::Gazetteer gazetteer = load_gazetteer(options.data);
    const attribute::Attributor attributor(gazetteer);

    const std::size_t existing = index::existing_shard_count(options.index);
    const std::size_t shards = existing ? existing : std::max<std::size_t>(1, options.shards);
    if (existing && options.shards && options.shards != existing)
        throw ConfigError(options.index + " has " + std::to_string(existing) + " shard(s); --shards " +
                          std::to_string(options.shards) + " would need a new index");
    const auto paths = index::shard_paths(options.index, shards);
    if (shards > 1) std::filesystem::create_directories(options.index);
    std::vector<std::unique_ptr<index::IndexWriter>> writers;
    for (const auto& path : paths) writers.push_back(std::make_unique<index::IndexWriter>(path, index::WriterOptions{options.batch}));
    if (shards > 1) index::write_stub(options.index, shards);
    auto variants = gazetteer.place_variants();
    for (auto& v : gazetteer.given_name_variants()) variants.push_back(std::move(v));
    for (auto& v : gazetteer.word_variants()) variants.push_back(std::move(v));
    for (auto& w : writers) w->add_variants(variants);

    ProblemLog problems(options.strict);
    const std::size_t jobs = std::max<std::size_t>(1, options.jobs);
    util::BoundedQueue<corpus::RawDocument> documents(4 * jobs + 8);
    std::vector<std::unique_ptr<util::BoundedQueue<std::vector<Statement>>>> to_shard;
    for (std::size_t i = 0; i < shards; ++i) to_shard.push_back(std::make_unique<util::BoundedQueue<std::vector<Statement>>>(64));
    std::atomic<std::size_t> extracted{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto fail = [&](std::exception_ptr e) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = e;
        documents.close();
        for (auto& q : to_shard) q->close();
    };

    std::vector<std::thread> workers, shard_writers;
    for (std::size_t i = 0; i < shards; ++i)
        shard_writers.emplace_back([&, i] {
            try {
                while (auto statements = to_shard[i]->pop()) writers[i]->add(*statements);
                writers[i]->commit();
            } catch (...) {
                fail(std::current_exception());
            }
        });
    for (std::size_t j = 0; j < jobs; ++j)
        workers.emplace_back([&] {
            try {
                while (auto document = documents.pop()) {
                    std::vector<Statement> found = statements_of(*document, attributor);
                    ++extracted;
                    if (found.empty()) continue;
                    to_shard[index::shard_of(found.front().source, shards)]->push(std::move(found));
                }
            } catch (...) {
                fail(std::current_exception());
            }
        });
    // The reader: this thread, with progress every few seconds.
    std::size_t read = 0;
    auto last_report = started;
    try {
        corpus::read_paths(
            options.paths, options.read,
            [&](corpus::RawDocument&& document) {
                if (!documents.push(std::move(document))) throw Error("stopped");
                ++read;
                const auto now = std::chrono::steady_clock::now();
                if (now - last_report > std::chrono::seconds(5)) {
                    last_report = now;
                    std::size_t added = 0;
                    for (const auto& w : writers) added += w->added();
                    const double s = std::chrono::duration<double>(now - started).count();
                    spdlog::info("{} documents read, {} statements indexed, {:.0f} statements/s", read, added, added / s);
                }
            },
            std::ref(problems));
    } catch (...) {
        if (!failure) fail(std::current_exception());
    }
    documents.close();
    for (auto& t : workers) t.join();
    for (auto& q : to_shard) q->close();
    for (auto& t : shard_writers) t.join();
    if (failure) std::rethrow_exception(failure);

    std::size_t added = 0, total = 0;
    for (const auto& w : writers) {
        added += w->added();
        total += w->statement_count();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    problems.summarise();
    spdlog::info("indexed {} documents, {} statements in {:.1f} s ({:.0f} statements/s, {} job(s), {} shard(s)); "
                 "the index at {} holds {} statements",
                 extracted.load(), added, seconds, seconds > 0 ? added / seconds : 0.0, jobs, shards, options.index, total);
    return problems.problems() ? exit_code::partial : exit_code::ok;
}

}  // namespace verbatim::indexer
