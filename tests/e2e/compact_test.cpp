// verbatim-index compact: the databases of an index merged into one new generation; searches
// answer as before; the index stays writable; one writer at a time.

#include "e2e_support.hpp"

#include <verbatim/index/index_lock.hpp>

#include <filesystem>
#include <fstream>

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using test::run_program;

// The "auto PATH" lines of DIR/XAPIANDB.
std::vector<std::string> listed(const fs::path& dir) {
    std::ifstream stub(dir / "XAPIANDB");
    std::vector<std::string> out;
    for (std::string line; std::getline(stub, line);)
        if (line.rfind("auto ", 0) == 0) out.push_back(line.substr(5));
    return out;
}

class Compact : public ::testing::Test {
protected:
    std::string index() const { return (m_dir / "index").string(); }
    int build(std::vector<std::string> extra) const {
        std::vector<std::string> args = {"build", "-q", "--index", index()};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(std::string(test::kSourceDir) + "/corpus/sample");
        return run_program("verbatim-index", args).status;
    }
    test::ProgramResult compact() const { return run_program("verbatim-index", {"compact", "--index", index()}); }
    test::TempDir m_dir;
};

TEST_F(Compact, AShardedIndexAnswersAsBeforeFromOneDatabase) {
    ASSERT_EQ(build({"--shards", "3", "--jobs", "2"}), 0);
    ASSERT_EQ(listed(m_dir / "index").size(), 3u);
    const std::string before = test::sample_answers(index());
    const auto r = compact();
    ASSERT_EQ(r.status, 0) << test::dump_for_failure(r);
    EXPECT_NE(r.err.find("3 database(s) merged into one"), std::string::npos) << r.err;
    EXPECT_EQ(listed(m_dir / "index"), std::vector<std::string>{"gen-2/shard-0"});
    EXPECT_FALSE(fs::exists(m_dir / "index" / "gen-1")) << "the old generation is removed";
    EXPECT_EQ(test::sample_answers(index()), before);
}

TEST_F(Compact, TheCompactedIndexStaysUpToDateWithLaterBuilds) {
    ASSERT_EQ(build({"--shards", "2"}), 0);
    ASSERT_EQ(compact().status, 0);
    const std::string before = test::sample_answers(index());
    // Unchanged input: nothing to do; forced: the same statements again, no duplicates.
    ASSERT_EQ(build({}), 0);
    ASSERT_EQ(build({"--force"}), 0);
    EXPECT_EQ(test::sample_answers(index()), before);
    ASSERT_EQ(compact().status, 0);  // and again
    EXPECT_EQ(listed(m_dir / "index"), std::vector<std::string>{"gen-3/shard-0"});
    EXPECT_EQ(test::sample_answers(index()), before);
}

TEST_F(Compact, NoIndexIsAnError) {
    const auto r = compact();
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("no index here to compact"), std::string::npos) << r.err;
    EXPECT_EQ(run_program("verbatim-index", {"compact"}).status, 2);                          // no --index
    EXPECT_EQ(run_program("verbatim-index", {"compact", "--index", index(), "x"}).status, 2);  // a PATH
}

TEST_F(Compact, OneWriterAtATime) {
    ASSERT_EQ(build({}), 0);
    const index::IndexLock held(index());
    for (const auto& r : {compact(), run_program("verbatim-index", {"build", "--index", index(), test::kDataDir})}) {
        EXPECT_EQ(r.status, 2);
        EXPECT_NE(r.err.find("another verbatim-index is writing this index"), std::string::npos) << r.err;
    }
}

}  // namespace
}  // namespace verbatim
