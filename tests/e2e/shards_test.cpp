// An index of shards answers like one index (local shards through the XAPIANDB stub; remote
// shards served by xapian-tcpsrv are checked by tests/e2e/remote_shards.sh).

#include "e2e_support.hpp"

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fstream>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace verbatim {
namespace {

// The databases the stub DIR/XAPIANDB lists (lines "auto PATH"), each a database on disk.
std::size_t databases_listed(const std::filesystem::path& dir) {
    std::ifstream stub(dir / "XAPIANDB");
    std::size_t n = 0;
    for (std::string line; std::getline(stub, line);) {
        if (line.rfind("auto ", 0) != 0) continue;
        EXPECT_TRUE(std::filesystem::exists(dir / line.substr(5) / "iamglass")) << line;
        ++n;
    }
    return n;
}

class Shards : public ::testing::Test {
protected:
    int build(const std::string& index, std::vector<std::string> extra) {
        std::vector<std::string> args = {"build", "-q", "--index", index};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(std::string(test::kSourceDir) + "/corpus/sample");
        return test::run_program("verbatim-index", args).status;
    }
    test::TempDir m_dir;
};

TEST_F(Shards, LocalShardsAnswerLikeOneIndex) {
    const std::string one = (m_dir / "one").string(), three = (m_dir / "three").string();
    ASSERT_EQ(build(one, {}), 0);
    ASSERT_EQ(build(three, {"--shards", "3", "--jobs", "2"}), 0);
    EXPECT_EQ(databases_listed(m_dir / "three"), 3u);
    EXPECT_EQ(test::sample_answers(three), test::sample_answers(one));
    // Re-running keeps the layout and duplicates nothing; another shard count is refused.
    ASSERT_EQ(build(three, {}), 0);
    EXPECT_EQ(test::sample_answers(three), test::sample_answers(one));
    EXPECT_EQ(build(three, {"--shards", "2"}), 2);
}

}  // namespace
}  // namespace verbatim
