#include <verbatim/index/build.hpp>

#include <verbatim/error.hpp>
#include <verbatim/index/index_lock.hpp>
#include <verbatim/index/layout.hpp>

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace verbatim::index {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

Xapian::doccount statements_in(const Layout& layout) {
    Xapian::doccount n = 0;
    for (const auto& database : layout.databases) n += Xapian::Database(database).get_doccount();
    return n;
}

// Xapian flushes its in-memory batch on its own every XAPIAN_FLUSH_THRESHOLD documents (10,000
// by default); the build commits every `batch` statements itself, so the threshold is set just
// above that (unless the environment sets it already). Read when a WritableDatabase opens.
void set_flush_threshold(std::size_t batch) {
    const std::string threshold = std::to_string(batch + 1000);
    ::setenv("XAPIAN_FLUSH_THRESHOLD", threshold.c_str(), 0);
}

}  // namespace

BuildReport build_index(const BuildSettings& settings, const attribute::Attributor& attributor,
                        BuildObserver& observer, PipelineCounters& counters) {
    const auto started = Clock::now();
    BuildReport report;
    const IndexLock lock(settings.index);
    Layout layout = read_layout(settings.index);
    remove_unused(layout);
    const bool empty = layout.kind == Layout::Kind::none || statements_in(layout) == 0;
    if (!empty && settings.shards && settings.shards != layout.shards)
        throw ConfigError(settings.index + " has " + std::to_string(layout.shards) + " shard(s); --shards " +
                          std::to_string(settings.shards) + " would need a new index");

    const corpus::ProblemSink problems = [&](const corpus::Problem& p) { observer.problem(p); };
    const std::vector<std::string> files = corpus::list_files(settings.paths, problems);
    std::map<std::string, ManifestEntry> manifest;
    if (!empty) manifest = read_manifest(Xapian::Database(layout.databases.front()));
    const BuildPlan plan = plan_build(files, settings.paths, manifest, settings.settings, settings.force);
    report.files_read = plan.to_read.size();
    report.files_unchanged = plan.unchanged.size();
    report.files_touched = plan.touched.size();
    report.files_gone = plan.gone.size();
    for (const auto& entry : plan.unchanged) report.unchanged_problems += entry.problems;
    const std::vector<ManifestEntry> removed = settings.prune ? plan.gone : std::vector<ManifestEntry>{};
    report.files_pruned = removed.size();

    const auto mark = [&report](const std::vector<std::string>& databases) {
        const auto copies_started = Clock::now();
        report.copies = mark_copies(databases);
        report.copies_seconds = seconds_since(copies_started);
    };
    const bool nothing_to_write = plan.to_read.empty() && plan.touched.empty() && removed.empty();
    if (nothing_to_write && !layout.merge_pending()) {
        // A build that stopped after its last commit but before marking copies: mark them now.
        if (!empty && copies_pending(Xapian::Database(layout.databases.front()))) mark(layout.databases);
        observer.planned(plan, 0);
        report.shards = layout.shards;
        report.statements_in_index = empty ? 0 : statements_in(layout);
        report.seconds = seconds_since(started);
        return report;
    }

    std::uint64_t input_bytes = 0;
    for (const auto& f : plan.to_read) input_bytes += f.entry.size;
    counters.bytes_total = input_bytes;

    // The databases to write: a new generation for a new (or empty) index, else the live ones.
    const Layout old = layout;
    std::vector<std::string> paths = layout.databases;
    std::size_t shards = layout.shards;
    unsigned generation = 0;
    if (empty) {
        shards = std::max<std::size_t>(1, settings.shards);
        std::size_t parts = shards;
        if (shards == 1 && input_bytes >= kParallelPartsFrom)
            parts = std::clamp<std::size_t>(settings.jobs, 1, kMaxParallelParts);
        generation = next_generation(settings.index);
        std::filesystem::create_directories(generation_folder(settings.index, generation));
        paths = generation_databases(settings.index, generation, parts);
    }
    observer.planned(plan, paths.size());
    report.databases = paths.size();

    set_flush_threshold(settings.batch);
    {
        std::vector<std::unique_ptr<IndexWriter>> writers;
        std::vector<IndexWriter*> pointers;
        for (const auto& path : paths) {
            writers.push_back(std::make_unique<IndexWriter>(path, WriterOptions{settings.batch}));
            pointers.push_back(writers.back().get());
        }
        if (empty) {
            // Live from the start: a build that dies leaves its commits searchable.
            write_stub(settings.index, generation, paths.size(), shards);
            retire(old);
            layout = read_layout(settings.index);
        }
        writers.front()->add_variants(settings.variants);
        set_copies_pending(writers.front()->database());  // goes in with the first commit
        PipelineOptions options;
        options.jobs = settings.jobs;
        options.batch = settings.batch;
        options.read = settings.read;
        report.pipeline = run_pipeline(pointers, attributor, removed, plan.to_read, plan.touched, options, problems, counters);
    }

    // Slot 6 for the statements that have copies now, across every database of the index
    // (parallel parts see each other's copies only here), before the parts are merged.
    mark(paths);

    if (layout.merge_pending()) {
        const auto merge_started = Clock::now();
        compact_index(settings.index, [&](const std::string& table, const std::string& status) {
            observer.merging(table, status);
        });
        report.merged = true;
        report.merge_seconds = seconds_since(merge_started);
        layout = read_layout(settings.index);
    }
    report.shards = layout.shards;
    report.statements_in_index = statements_in(layout);
    report.seconds = seconds_since(started);
    return report;
}

}  // namespace verbatim::index
