#include "http_server.hpp"

#include <verbatim/error.hpp>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <filesystem>
#include <malloc.h>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <vector>

#include <xapian.h>

namespace verbatim::server {

namespace {

httplib::Server* g_server = nullptr;
constexpr std::size_t kMaxSearches = 1024;

void stop(int) {
    if (g_server) g_server->stop();
}

// A pool of Searchers, one for each search that may run at once (Xapian databases are not
// shared between threads). A request takes a free one, waiting while all are busy, and gives
// it back when answered: few handles, each used over and over, keep the blocks their table
// cursors hold warm (a handle per worker thread, 64 of them, cost 1.9 ms of CPU a request
// against 1.56 ms with the pool, at 800 requests/s). Each use catches up with new commits (reopen). An index that
// was replaced (a new generation made live by a new stub renamed over DIR/XAPIANDB, or a
// database folder rebuilt) is seen by the identity of that file changing, and opened
// afresh; so is one whose old databases were removed under a handle that could no longer
// catch up.
class SearcherPool {
public:
    SearcherPool(std::string index, std::size_t size) : m_index(std::move(index)), m_slots(size) {
        for (std::size_t i = 0; i < size; ++i) m_free.push_back(i);
    }

    // Holds one searcher of the pool for the length of a request.
    class Lease {
    public:
        explicit Lease(SearcherPool& pool) : m_pool(pool), m_slot(pool.take()) {}
        ~Lease() { m_pool.give_back(m_slot); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        std::shared_ptr<const search::Searcher> searcher() { return m_pool.ready(m_slot); }

    private:
        SearcherPool& m_pool;
        std::size_t m_slot;
    };

    std::size_t size() const { return m_slots.size(); }

private:
    struct Slot {
        std::shared_ptr<search::Searcher> searcher;
        std::string identity;
    };

    std::size_t take() {
        std::unique_lock lock(m_mutex);
        m_freed.wait(lock, [&] { return !m_free.empty(); });
        const std::size_t slot = m_free.back();  // the most recently used: its blocks are warmest
        m_free.pop_back();
        return slot;
    }
    void give_back(std::size_t slot) {
        {
            const std::lock_guard lock(m_mutex);
            m_free.push_back(slot);
        }
        m_freed.notify_one();
    }

    std::shared_ptr<const search::Searcher> ready(std::size_t index) {
        Slot& slot = m_slots[index];
        const std::string now = index_identity();
        if (slot.searcher && now == slot.identity) {
            try {
                slot.searcher->reopen();
                return slot.searcher;
            } catch (const Xapian::Error& e) {
                spdlog::debug("reopening {}: {}; opening it afresh", m_index, e.get_description());
            }
        }
        slot.searcher = open();
        slot.identity = now;
        return slot.searcher;
    }

    // A new generation's old databases may vanish between reading the stub and opening them:
    // the stub read again then names the new ones.
    std::shared_ptr<search::Searcher> open() const {
        for (int attempt = 0;; ++attempt) {
            try {
                return std::make_shared<search::Searcher>(m_index);
            } catch (const Error&) {
                if (attempt == 2) throw;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
    }

    // dev:inode of the file that says which databases the index is: a database folder's
    // iamglass, else the stub (DIR/XAPIANDB, or the stub file given as --index).
    std::string index_identity() const {
        namespace fs = std::filesystem;
        struct stat st {};
        for (const fs::path& file : {fs::path(m_index) / "iamglass", fs::path(m_index) / "XAPIANDB", fs::path(m_index)})
            if (::stat(file.c_str(), &st) == 0 && (S_ISREG(st.st_mode) || file == fs::path(m_index)))
                return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
        return "";
    }

    std::string m_index;
    std::vector<Slot> m_slots;
    std::vector<std::size_t> m_free;
    std::mutex m_mutex;
    std::condition_variable m_freed;
};

// The lease of the request this thread is answering (SearchApi asks for its searcher).
thread_local SearcherPool::Lease* t_lease = nullptr;

}  // namespace

void parse_listen(const std::string& listen, ServerOptions& o) {
    const std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos) throw ConfigError("--listen takes HOST:PORT, e.g. 127.0.0.1:8080");
    std::string host = listen.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    int port = 0;
    try {
        port = std::stoi(listen.substr(colon + 1));
    } catch (const std::exception&) {
        port = 0;
    }
    if (port <= 0 || port > 65535) throw ConfigError("--listen: '" + listen.substr(colon + 1) + "' is no port");
    o.host = host.empty() ? "127.0.0.1" : host;
    o.port = port;
}

int serve(const ServerOptions& o) {
    // glibc gives freed memory back to the system as soon as 128 KB lie free at the top of a
    // heap, and each of the worker threads has its own: the server spent 8% of its time in
    // madvise and the page faults after it. A server keeps what it used.
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    // A search is CPU work: more of them at once than the cores can run only share the cores
    // out thinner, and starve an indexer running beside the server. The others wait for a
    // searcher of the pool.
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    SearcherPool pool(o.index, std::min<std::size_t>(o.max_searches ? o.max_searches : 2 * cores, kMaxSearches));
    {
        SearcherPool::Lease first(pool);
        first.searcher();  // fail now, not on the first request, when the index cannot be opened
    }
    const api::SearchApi api([] { return t_lease->searcher(); }, o.limits);

    httplib::Server server;
    server.new_task_queue = [n = o.threads] { return new httplib::ThreadPool(n); };
    server.set_payload_max_length(64 * 1024);
    server.set_read_timeout(5, 0);
    server.set_write_timeout(5, 0);
    server.set_keep_alive_max_count(1000);
    server.set_keep_alive_timeout(5);
    // Headers and body leave in separate writes: with Nagle's algorithm on, a kept-alive
    // connection waits for the client's delayed ACK (40 ms) before the body goes out.
    server.set_tcp_nodelay(true);

    // The route table lives in SearchApi::routes(); every route goes through api.handle().
    const auto adapt = [&api, &pool](const httplib::Request& req, httplib::Response& res) {
        SearcherPool::Lease lease(pool);
        t_lease = &lease;
        struct Forget {
            ~Forget() { t_lease = nullptr; }
        } forget;
        api::ApiRequest request;
        request.method = req.method;
        request.path = req.path;
        for (const auto& [name, value] : req.params) request.params.emplace(name, value);
        const api::ApiResponse response = api.handle(request);
        res.status = response.status;
        res.set_content(response.body, response.content_type.c_str());
        res.set_header("Cache-Control", "no-store");
    };
    for (const auto& route : api::SearchApi::routes()) {
        std::string pattern = route.pattern;
        if (const std::size_t brace = pattern.find("{id}"); brace != std::string::npos)
            pattern = pattern.substr(0, brace) + "(.+)";
        server.Get(pattern, adapt);
        // Other methods reach the API too, which answers 405 with a JSON error.
        server.Post(pattern, adapt);
        server.Put(pattern, adapt);
        server.Delete(pattern, adapt);
        server.Patch(pattern, adapt);
    }
    if (!o.web.empty()) {
        if (!server.set_mount_point("/", o.web)) throw ConfigError("--web: cannot serve the folder " + o.web);
    }
    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        const auto response = api::error_response(res.status, res.status == 404 ? "not found: " + req.path : "request failed");
        res.set_content(response.body, response.content_type.c_str());
    });
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        spdlog::debug("{} {} → {}", req.method, req.path, res.status);
    });

    g_server = &server;
    std::signal(SIGINT, stop);
    std::signal(SIGTERM, stop);
    spdlog::info("serving {} on http://{}:{}/ ({} threads, {} searches at once)", o.index, o.host, o.port, o.threads,
                 pool.size());
    if (!server.listen(o.host, o.port)) {
        spdlog::error("cannot listen on {}:{}", o.host, o.port);
        return exit_code::error;
    }
    g_server = nullptr;
    return exit_code::ok;
}

}  // namespace verbatim::server
