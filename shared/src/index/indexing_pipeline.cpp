#include <verbatim/index/indexing_pipeline.hpp>

#include <verbatim/corpus/document.hpp>
#include <verbatim/error.hpp>
#include <verbatim/index/layout.hpp>
#include <verbatim/pipeline.hpp>
#include <verbatim/util/bounded_queue.hpp>

#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

namespace verbatim::index {

namespace {

// Thrown in the reader when a queue was closed because another stage failed.
struct Stopped {};

// Reader → extraction threads: a document, the end of a file, or a source to remove.
struct Work {
    std::uint64_t seq = 0;
    std::size_t file = 0;  // index into the files to read
    std::optional<corpus::RawDocument> document;
    const ManifestEntry* removed = nullptr;
    std::size_t problems = 0;  // at the end of a file: the problems it had
};

// Extraction threads → the sequencer, which hands them on in `seq` order.
struct Extracted {
    enum class Kind { statements, end_of_file, removal };
    std::uint64_t seq = 0;
    std::size_t file = 0;
    Kind kind = Kind::statements;
    std::string source, doc;
    std::vector<PreparedStatement> statements;
    const ManifestEntry* removed = nullptr;
    std::size_t problems = 0;
};

// Sequencer → one writer.
struct WriterTask {
    std::uint64_t seq = 0;
    std::vector<std::string> remove_sources, remove_documents;
    std::vector<PreparedStatement> statements;
    std::vector<std::string> spellings;
    bool empty() const {
        return remove_sources.empty() && remove_documents.empty() && statements.empty() && spellings.empty();
    }
};

// Manifest changes wait here until every database has committed the statements they describe;
// the primary writes them in its next commit.
class ManifestJournal {
public:
    explicit ManifestJournal(std::size_t databases) : m_committed(databases, 0) {}

    // `required[w]`: the last task sent to database w that the change depends on.
    void add(std::vector<std::uint64_t> required, std::string key, std::string value) {
        std::lock_guard lock(m_mutex);
        m_pending.push_back({std::move(required), std::move(key), std::move(value)});
    }
    void committed(std::size_t database, std::uint64_t seq) {
        std::lock_guard lock(m_mutex);
        m_committed[database] = seq;
    }
    // Called by the primary (database 0) before it commits everything up to `primary_applied`.
    void apply_durable(Xapian::WritableDatabase& primary, std::uint64_t primary_applied) {
        std::lock_guard lock(m_mutex);
        while (!m_pending.empty()) {
            const Change& c = m_pending.front();
            bool durable = c.required[0] <= primary_applied;
            for (std::size_t w = 1; w < c.required.size() && durable; ++w) durable = m_committed[w] >= c.required[w];
            if (!durable) return;
            primary.set_metadata(c.key, c.value);  // an empty value removes the key
            m_pending.pop_front();
        }
    }

private:
    struct Change {
        std::vector<std::uint64_t> required;
        std::string key, value;
    };
    std::mutex m_mutex;
    std::deque<Change> m_pending;
    std::vector<std::uint64_t> m_committed;
};

class Pipeline {
public:
    Pipeline(const std::vector<IndexWriter*>& writers, const attribute::Attributor& attributor,
             const std::vector<PlannedFile>& to_read, const PipelineOptions& options,
             const corpus::ProblemSink& problems, PipelineCounters& counters)
        : m_writers(writers), m_attributor(attributor), m_to_read(to_read), m_options(options), m_problems(problems),
          m_counters(counters), m_documents(2 * std::max<std::size_t>(1, options.jobs) + 4), m_journal(writers.size()),
          m_last_sent(writers.size(), 0), m_file_statements(to_read.size(), 0) {
        for (std::size_t w = 0; w < writers.size(); ++w)
            m_to_writer.push_back(std::make_unique<util::BoundedQueue<WriterTask>>(4));
    }

    PipelineResult run(const std::vector<ManifestEntry>& removed, const std::vector<PlannedFile>& touched) {
        for (const auto& t : touched)
            if (t.recordable) m_journal.add(std::vector<std::uint64_t>(m_writers.size(), 0), manifest_key(t.entry.path), encode(t.entry));
        std::vector<std::thread> writers, workers;
        for (std::size_t w = 0; w < m_writers.size(); ++w) writers.emplace_back([this, w] { write(w); });
        for (std::size_t j = 0; j < std::max<std::size_t>(1, m_options.jobs); ++j) workers.emplace_back([this] { extract(); });
        try {
            read(removed);
        } catch (const Stopped&) {
        } catch (...) {
            fail(std::current_exception());
        }
        m_documents.close();
        for (auto& t : workers) t.join();
        for (auto& q : m_to_writer) q->close();
        for (auto& t : writers) t.join();
        if (m_failure) std::rethrow_exception(m_failure);
        return {m_counters.documents.load(), m_counters.statements.load(), m_files_skipped};
    }

private:
    void push_work(Work&& work) {
        work.seq = ++m_seq;
        if (!m_documents.push(std::move(work))) throw Stopped{};
    }

    // This thread: sources to remove first, then the files in order, each followed by its end.
    void read(const std::vector<ManifestEntry>& removed) {
        for (const auto& entry : removed) {
            Work w;
            w.removed = &entry;
            push_work(std::move(w));
        }
        std::uint64_t done = 0;
        for (std::size_t i = 0; i < m_to_read.size(); ++i) {
            const PlannedFile& file = m_to_read[i];
            std::size_t problems = 0;
            corpus::ReadOptions read = m_options.read;
            read.on_bytes_read = [&](std::uint64_t bytes) {
                m_counters.bytes_read = done + std::min<std::uint64_t>(bytes, file.entry.size);
            };
            corpus::read_file(
                file.path, read,
                [&](corpus::RawDocument&& document) {
                    Work w;
                    w.file = i;
                    w.document = std::move(document);
                    push_work(std::move(w));
                },
                [&](const corpus::Problem& p) {
                    if (p.severity == corpus::Severity::problem) ++problems;
                    else if (p.file == file.path && p.line == 0) ++m_files_skipped;
                    m_problems(p);
                });
            Work end;
            end.file = i;
            end.problems = problems;
            push_work(std::move(end));
            done += file.entry.size;
            m_counters.bytes_read = done;
        }
    }

    // Each extraction thread: statements and their Xapian documents.
    void extract() {
        try {
            DocumentBuilder builder;
            while (auto work = m_documents.pop()) {
                Extracted e;
                e.seq = work->seq;
                e.file = work->file;
                if (work->removed) {
                    e.kind = Extracted::Kind::removal;
                    e.removed = work->removed;
                } else if (!work->document) {
                    e.kind = Extracted::Kind::end_of_file;
                    e.problems = work->problems;
                } else {
                    const std::vector<Statement> statements = statements_of(*work->document, m_attributor);
                    ++m_counters.documents;
                    e.source = corpus::normal_path(work->document->source);
                    e.doc = work->document->id();
                    e.statements.reserve(statements.size());
                    for (const Statement& s : statements) e.statements.push_back(prepare(s, builder));
                }
                deliver(std::move(e));
            }
        } catch (const Stopped&) {
        } catch (...) {
            fail(std::current_exception());
        }
    }

    // Puts the results back in reading order.
    void deliver(Extracted&& e) {
        std::lock_guard lock(m_order_mutex);
        m_waiting.emplace(e.seq, std::move(e));
        while (!m_waiting.empty() && m_waiting.begin()->first == m_next) {
            Extracted next = std::move(m_waiting.begin()->second);
            m_waiting.erase(m_waiting.begin());
            ++m_next;
            emit(std::move(next));
        }
    }

    void send(std::size_t w, WriterTask&& task) {
        m_last_sent[w] = task.seq;
        if (!m_to_writer[w]->push(std::move(task))) throw Stopped{};
    }

    // The statements of `source` leave every database.
    void remove_everywhere(std::uint64_t seq, const std::string& source) {
        for (std::size_t w = 0; w < m_writers.size(); ++w) {
            WriterTask t;
            t.seq = seq;
            t.remove_sources = {source};
            send(w, std::move(t));
        }
    }

    // In reading order, under m_order_mutex.
    void emit(Extracted&& e) {
        const std::size_t n = m_writers.size();
        if (e.kind == Extracted::Kind::removal) {
            remove_everywhere(e.seq, e.removed->path);
            m_journal.add(m_last_sent, manifest_key(e.removed->path), "");
            return;
        }
        if (e.kind == Extracted::Kind::end_of_file) {
            const PlannedFile& file = m_to_read[e.file];
            if (!file.recordable) return;
            // A file read that gave no statement (emptied, or nothing but bad input now)
            // keeps none of those it gave before.
            if (m_sources_seen.insert(file.entry.path).second) remove_everywhere(e.seq, file.entry.path);
            ManifestEntry entry = file.entry;
            entry.statements = m_file_statements[e.file];
            entry.problems = e.problems;
            m_journal.add(m_last_sent, manifest_key(entry.path), encode(entry));
            return;
        }
        if (e.statements.empty()) return;
        std::vector<WriterTask> tasks(n);
        if (m_sources_seen.insert(e.source).second)
            for (auto& t : tasks) t.remove_sources.push_back(e.source);
        if (!m_documents_seen.insert(e.doc).second)
            for (auto& t : tasks) t.remove_documents.push_back(e.doc);
        m_file_statements[e.file] += e.statements.size();
        for (auto& s : e.statements) {
            auto& spellings = tasks[0].spellings;
            spellings.insert(spellings.end(), std::make_move_iterator(s.spellings.begin()),
                             std::make_move_iterator(s.spellings.end()));
            tasks[database_of(s.id_term, n)].statements.push_back(std::move(s));
        }
        for (std::size_t w = 0; w < n; ++w) {
            if (tasks[w].empty()) continue;
            tasks[w].seq = e.seq;
            send(w, std::move(tasks[w]));
        }
    }

    // Each writer thread. The primary commits last, after the others, with the manifest.
    void write(std::size_t w) {
        IndexWriter& writer = *m_writers[w];
        std::uint64_t applied = 0;
        auto commit = [&] {
            if (w == 0) m_journal.apply_durable(writer.database(), applied);
            writer.commit();
            m_journal.committed(w, applied);
        };
        try {
            while (auto task = m_to_writer[w]->pop()) {
                for (const auto& source : task->remove_sources) writer.remove_source(source);
                for (const auto& doc : task->remove_documents) writer.remove_document(doc);
                writer.add_spellings(task->spellings);
                for (auto& s : task->statements) {
                    writer.add(std::move(s));
                    ++m_counters.statements;
                }
                applied = task->seq;
                if (writer.pending() >= m_options.batch) commit();
            }
            if (w != 0) {
                commit();
                std::lock_guard lock(m_done_mutex);
                ++m_others_done;
                m_done.notify_all();
                return;
            }
            std::unique_lock lock(m_done_mutex);
            m_done.wait(lock, [&] { return m_others_done + 1 == m_writers.size() || m_failed; });
            lock.unlock();
            commit();
        } catch (...) {
            fail(std::current_exception());
        }
    }

    void fail(std::exception_ptr e) {
        {
            std::lock_guard lock(m_done_mutex);
            if (!m_failure) m_failure = e;
            m_failed = true;
            m_done.notify_all();
        }
        m_documents.close();
        for (auto& q : m_to_writer) q->close();
    }

    const std::vector<IndexWriter*>& m_writers;
    const attribute::Attributor& m_attributor;
    const std::vector<PlannedFile>& m_to_read;
    const PipelineOptions& m_options;
    const corpus::ProblemSink& m_problems;
    PipelineCounters& m_counters;

    util::BoundedQueue<Work> m_documents;
    std::vector<std::unique_ptr<util::BoundedQueue<WriterTask>>> m_to_writer;
    std::uint64_t m_seq = 0;  // the reader's
    std::size_t m_files_skipped = 0;

    std::mutex m_order_mutex;  // guards everything below up to m_file_statements
    std::map<std::uint64_t, Extracted> m_waiting;
    std::uint64_t m_next = 1;
    ManifestJournal m_journal;
    std::vector<std::uint64_t> m_last_sent;
    std::unordered_set<std::string> m_sources_seen, m_documents_seen;
    std::vector<std::size_t> m_file_statements;

    std::mutex m_done_mutex;
    std::condition_variable m_done;
    std::size_t m_others_done = 0;
    bool m_failed = false;
    std::exception_ptr m_failure;
};

}  // namespace

PipelineResult run_pipeline(const std::vector<IndexWriter*>& writers, const attribute::Attributor& attributor,
                            const std::vector<ManifestEntry>& removed, const std::vector<PlannedFile>& to_read,
                            const std::vector<PlannedFile>& touched, const PipelineOptions& options,
                            const corpus::ProblemSink& problems, PipelineCounters& counters) {
    if (writers.empty()) throw IndexError("no database to write to");
    Pipeline pipeline(writers, attributor, to_read, options, problems, counters);
    return pipeline.run(removed, touched);
}

}  // namespace verbatim::index
