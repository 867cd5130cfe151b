// verbatim-search --serve on 127.0.0.1: real sockets, a rebuilt index picked up without restart,
// hostile paths. Bounded in time; the server is stopped at the end of the suite.

#include "run_program.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <fstream>
#include <set>
#include <thread>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace verbatim {
namespace {

// A port the kernel says is free now: bind port 0, read it back, close the socket.
int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t length = sizeof addr;
    int port = 18431;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) == 0)
        port = ntohs(addr.sin_port);
    close(fd);
    return port;
}

class HttpServer : public ::testing::Test {
protected:
    void SetUp() override {
        write("a.txt", "Title: Ferry news\nDate: 2025-02-01\n---\nGovernor Pavel Lunin said that the ferry would run all winter.\n");
        ASSERT_EQ(build(), 0);
        m_port = free_port();
        m_pid = fork();
        if (m_pid == 0) {
            const std::string bin = std::string(test::kBinDir) + "/verbatim-search";
            const std::string index = (m_dir / "idx").string();
            const std::string listen = "127.0.0.1:" + std::to_string(m_port);
            execl(bin.c_str(), bin.c_str(), "--serve", "-q", "--index", index.c_str(), "--listen", listen.c_str(),
                  "--threads", "4", "--max-searches", "1", static_cast<char*>(nullptr));
            _exit(127);
        }
        httplib::Client client("127.0.0.1", m_port);
        for (int i = 0; i < 100; ++i) {
            if (auto r = client.Get("/healthz"); r && r->status == 200) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        FAIL() << "the server did not come up on port " << m_port;
    }
    void TearDown() override {
        if (m_pid > 0) {
            kill(m_pid, SIGTERM);
            int status = 0;
            waitpid(m_pid, &status, 0);
        }
    }
    void write(const std::string& name, const std::string& text) {
        std::filesystem::create_directories(m_dir / "corpus");
        std::ofstream(m_dir / "corpus" / name) << text;
    }
    int build() {
        return test::run_program("verbatim-index", {"build", "-q", "--index", (m_dir / "idx").string(),
                                                    (m_dir / "corpus").string()}).status;
    }
    nlohmann::json get_json(const std::string& path, int expected_status = 200) {
        httplib::Client client("127.0.0.1", m_port);
        auto r = client.Get(path.c_str());
        EXPECT_TRUE(r) << path;
        if (!r) return {};
        EXPECT_EQ(r->status, expected_status) << path << ": " << r->body;
        return nlohmann::json::parse(r->body, nullptr, false);
    }

    test::TempDir m_dir;
    int m_port = 0;
    pid_t m_pid = -1;
};

TEST_F(HttpServer, SearchesOverHttp) {
    const auto j = get_json("/api/search?q=ferry+winter");
    ASSERT_EQ(j.at("hits").size(), 1u);
    EXPECT_EQ(j["hits"][0].at("speaker"), "Pavel Lunin");
    EXPECT_EQ(get_json("/api/search?q=ferry&limit=500", 400).at("error").at("status"), 400);
}

TEST_F(HttpServer, ARebuiltIndexIsPickedUpWithoutRestart) {
    EXPECT_EQ(get_json("/healthz").at("statements"), 1);
    write("b.txt", "Title: Bridge news\nDate: 2025-03-01\n---\nMayor Oleg Titov said that the bridge would open in May.\n");
    ASSERT_EQ(build(), 0);
    const auto j = get_json("/api/search?q=bridge");
    ASSERT_EQ(j.at("hits").size(), 1u);
    EXPECT_EQ(j["hits"][0].at("speaker"), "Oleg Titov");
    EXPECT_EQ(get_json("/healthz").at("statements"), 2);
}

// Eight clients on four threads, searched one at a time (--max-searches 1): every request is
// answered, none is lost waiting for its turn.
TEST_F(HttpServer, ManyConcurrentReaders) {
    std::vector<std::thread> readers;
    std::atomic<int> ok{0};
    for (int t = 0; t < 8; ++t)
        readers.emplace_back([&] {
            httplib::Client client("127.0.0.1", m_port);
            for (int i = 0; i < 25; ++i)
                if (auto r = client.Get("/api/search?q=ferry"); r && r->status == 200) ++ok;
        });
    for (auto& r : readers) r.join();
    EXPECT_EQ(ok.load(), 200);
}

TEST_F(HttpServer, HostilePathsAndUnknownRoutes) {
    httplib::Client client("127.0.0.1", m_port);
    for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/web/../../etc/passwd", "/api/nothing"}) {
        auto r = client.Get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_GE(r->status, 400) << path;
        EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
    }
}

}  // namespace
}  // namespace verbatim

namespace verbatim {
namespace {

// While `compact` replaces the index generation after generation, every answer of the server
// comes from a whole index: the same statement count and the same hits, never an error.
TEST_F(HttpServer, CompactionIsSeenWholeOrNotAtAll) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(test::kSourceDir) + "/corpus/sample/press"))
        if (entry.path().extension() == ".txt") std::filesystem::copy_file(entry.path(), m_dir / "corpus" / entry.path().filename());
    ASSERT_EQ(build(), 0);
    const auto first = get_json("/api/search?q=region&limit=100");
    const auto statements = get_json("/healthz").at("statements").get<int>();
    ASSERT_GT(statements, 50);
    auto ids_of = [](const nlohmann::json& j) {
        std::set<std::string> ids;
        for (const auto& h : j.at("hits")) ids.insert(h.at("id").get<std::string>());
        return ids;
    };
    const auto expected = ids_of(first);
    ASSERT_FALSE(expected.empty());

    std::atomic<bool> done{false};
    std::atomic<int> answers{0}, wrong{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 3; ++t)
        readers.emplace_back([&] {
            httplib::Client client("127.0.0.1", m_port);
            while (!done) {
                auto search = client.Get("/api/search?q=region&limit=100");
                auto health = client.Get("/healthz");
                ++answers;
                if (!search || search->status != 200 || !health || health->status != 200) {
                    ++wrong;
                    continue;
                }
                const auto s = nlohmann::json::parse(search->body, nullptr, false);
                const auto h = nlohmann::json::parse(health->body, nullptr, false);
                if (!s.is_object() || ids_of(s) != expected || h.value("statements", -1) != statements) ++wrong;
            }
        });
    const std::string index = (m_dir / "idx").string();
    for (int i = 0; i < 4; ++i) EXPECT_EQ(test::run_program("verbatim-index", {"compact", "-q", "--index", index}).status, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    done = true;
    for (auto& r : readers) r.join();
    EXPECT_GT(answers.load(), 10);
    EXPECT_EQ(wrong.load(), 0) << "of " << answers.load() << " answers";
    // The server now reads the last generation: the first ones are gone from the disk.
    EXPECT_FALSE(std::filesystem::exists(m_dir / "idx" / "gen-1"));
    EXPECT_EQ(ids_of(get_json("/api/search?q=region&limit=100")), expected);
}

}  // namespace
}  // namespace verbatim
