#include "commands.hpp"

#include <verbatim/attribute/gazetteer.hpp>
#include <verbatim/cli/options.hpp>
#include <verbatim/error.hpp>
#include <verbatim/format/json.hpp>
#include <verbatim/index/index_lock.hpp>
#include <verbatim/index/layout.hpp>
#include <verbatim/index/manifest.hpp>
#include <verbatim/pipeline.hpp>
#include <verbatim/util/progress.hpp>

#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include <unistd.h>

namespace verbatim::indexer {

namespace {

using Clock = std::chrono::steady_clock;

// Logs each problem once, counts them, and stops the run under --strict.
class ProblemLog {
public:
    explicit ProblemLog(bool strict) : m_strict(strict) {}
    void operator()(const corpus::Problem& p) {
        std::lock_guard lock(m_mutex);
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
    std::mutex m_mutex;
    std::size_t m_problems = 0;
    std::map<std::string, std::size_t> m_skipped;
};

attribute::Gazetteer load_gazetteer(const std::string& data) {
    const auto folder = attribute::find_data_folder(data);
    spdlog::debug("gazetteer from {}", folder.string());
    return attribute::Gazetteer::load(folder);
}

// The progress bar on stderr, while it lives; log lines first clear the bar's line.
class ProgressDisplay {
public:
    ProgressDisplay(bool wanted, util::ProgressBar::Sample sample) {
        if (!wanted || !util::ProgressBar::wanted(STDERR_FILENO) || spdlog::get_level() > spdlog::level::info) return;
        spdlog::set_pattern("\r\033[K%^%l%$: %v");
        m_bar.emplace(STDERR_FILENO, std::move(sample));
    }
    ~ProgressDisplay() { stop(); }
    ProgressDisplay(const ProgressDisplay&) = delete;
    ProgressDisplay& operator=(const ProgressDisplay&) = delete;
    void stop() {
        if (!m_bar) return;
        m_bar.reset();
        spdlog::set_pattern("%^%l%$: %v");
    }

private:
    std::optional<util::ProgressBar> m_bar;
};

// What the build says while it runs: problems to the log, the phase to the progress bar.
class BuildLog : public index::BuildObserver {
public:
    explicit BuildLog(ProblemLog& problems) : m_problems(problems) {}
    void problem(const corpus::Problem& p) override { m_problems(p); }
    void planned(const index::BuildPlan& plan, std::size_t databases) override {
        spdlog::debug("{} file(s) to read, {} unchanged, {} touched, {} gone; {} database(s) in parallel",
                      plan.to_read.size(), plan.unchanged.size(), plan.touched.size(), plan.gone.size(), databases);
    }
    void merging(const std::string& table, const std::string& status) override {
        std::lock_guard lock(m_mutex);
        m_phase = "merging the parts: " + table;
        if (!status.empty()) spdlog::debug("merging {}: {}", table, status);
    }
    std::string phase() {
        std::lock_guard lock(m_mutex);
        return m_phase;
    }

private:
    ProblemLog& m_problems;
    std::mutex m_mutex;
    std::string m_phase;
};

}  // namespace

int run_extract(const ExtractRun& run) {
    const attribute::Gazetteer gazetteer = load_gazetteer(run.data);
    const attribute::Attributor attributor(gazetteer);
    ProblemLog problems(run.strict);
    std::size_t documents = 0, statements = 0;
    for_each_document(
        run.paths, run.read, attributor,
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

int run_build(BuildRun run) {
    const auto folder = attribute::find_data_folder(run.data);
    const attribute::Gazetteer gazetteer = attribute::Gazetteer::load(folder);
    const attribute::Attributor attributor(gazetteer);
    index::BuildSettings& settings = run.settings;
    settings.settings = index::extraction_settings(cli::version_text("verbatim-index"), folder.string(),
                                                   settings.read.csv_columns);
    settings.variants = gazetteer.place_variants();
    for (auto& v : gazetteer.given_name_variants()) settings.variants.push_back(std::move(v));
    for (auto& v : gazetteer.word_variants()) settings.variants.push_back(std::move(v));

    ProblemLog problems(run.strict);
    BuildLog log(problems);
    index::PipelineCounters counters;
    const auto started = Clock::now();
    ProgressDisplay progress(run.progress, [&] {
        util::ProgressSnapshot s;
        s.bytes_done = counters.bytes_read;
        s.bytes_total = counters.bytes_total;
        s.documents = counters.documents;
        s.statements = counters.statements;
        s.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        s.phase = log.phase();
        return s;
    });
    const index::BuildReport r = index::build_index(settings, attributor, log, counters);
    progress.stop();

    problems.summarise();
    const std::string& dir = settings.index;
    const std::string holds = "the index at " + dir + " holds " + util::format_count(r.statements_in_index) +
                              " statements" + (r.shards > 1 ? " in " + std::to_string(r.shards) + " shards" : "");
    if (r.files_gone && !settings.prune)
        spdlog::warn("{} file(s) indexed before are gone; their statements stay (--prune removes them)", r.files_gone);
    if (r.unchanged_problems)
        spdlog::warn("{} problem(s) in unchanged files when they were read (not read again; --force reads them)",
                     r.unchanged_problems);
    if (r.databases == 0) {
        spdlog::info("nothing to index: {} file(s) unchanged since they were indexed; {}", r.files_unchanged, holds);
    } else {
        const double rate = r.seconds > 0 ? r.pipeline.statements / r.seconds : 0.0;
        std::string files = util::format_count(r.files_read - r.pipeline.files_skipped) + " file(s) read";
        if (r.pipeline.files_skipped) files += " (" + util::format_count(r.pipeline.files_skipped) + " more skipped)";
        if (r.files_unchanged) files += ", " + util::format_count(r.files_unchanged) + " unchanged";
        if (r.files_touched) files += ", " + util::format_count(r.files_touched) + " touched (same content)";
        if (r.files_pruned) files += ", " + util::format_count(r.files_pruned) + " pruned";
        std::string how = std::to_string(settings.jobs) + " job(s), " + std::to_string(r.databases) + " database(s) in parallel";
        if (r.merged) how += fmt::format(", merged in {:.1f} s", r.merge_seconds);
        spdlog::info("{}: {} documents, {} statements in {:.1f} s ({} statements/s; {}); {}", files,
                     util::format_count(r.pipeline.documents), util::format_count(r.pipeline.statements), r.seconds,
                     util::format_count(static_cast<std::uint64_t>(rate)), how, holds);
    }
    return problems.problems() || r.unchanged_problems ? exit_code::partial : exit_code::ok;
}

int run_compact(const CompactRun& run) {
    // Before the lock, which would create the folder and its lock file.
    if (index::read_layout(run.index).kind == index::Layout::Kind::none)
        throw IndexError(run.index + ": no index here to compact");
    const index::IndexLock lock(run.index);
    const auto started = Clock::now();
    std::mutex mutex;
    std::string phase = "starting";
    std::size_t tables = 0;
    ProgressDisplay progress(run.progress, [&] {
        std::lock_guard guard(mutex);
        util::ProgressSnapshot s;
        s.bytes_total = 6;  // the tables of a glass database
        s.bytes_done = tables ? tables - 1 : 0;
        s.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        s.phase = "compacting " + phase;
        return s;
    });
    const index::CompactionResult r = index::compact_index(run.index, [&](const std::string& table, const std::string& status) {
        std::lock_guard guard(mutex);
        if (status.empty()) ++tables;
        phase = table;
        if (!status.empty()) spdlog::debug("{}: {}", table, status);
    });
    progress.stop();
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    spdlog::info("compacted {}: {} statements, {} database(s) merged into one; {:.0f} MB → {:.0f} MB in {:.1f} s",
                 run.index, util::format_count(r.statements), r.before.databases.size(), r.bytes_before / 1e6,
                 r.bytes_after / 1e6, seconds);
    return exit_code::ok;
}

}  // namespace verbatim::indexer
