// index::read_layout, write_stub, retire, remove_unused, database_of: the index folder's
// generations and the stub that makes one of them live (and the layouts before generations).

#include "temp_dir.hpp"

#include <verbatim/error.hpp>
#include <verbatim/index/layout.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using index::Layout;

void make_database(const fs::path& path) {
    fs::create_directories(path.parent_path());
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document d;
    d.add_term("Qx" + path.filename().string());
    db.add_document(d);
    db.commit();
}

std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

class LayoutTest : public ::testing::Test {
protected:
    std::string dir() const { return (m_tmp / "index").string(); }
    test::TempDir m_tmp;
};

TEST_F(LayoutTest, NoFolderIsNoIndex) {
    EXPECT_EQ(index::read_layout(dir()).kind, Layout::Kind::none);
    fs::create_directories(dir());
    EXPECT_EQ(index::read_layout(dir()).kind, Layout::Kind::none);
}

TEST_F(LayoutTest, AFileIsRefused) {
    std::ofstream(m_tmp / "stub") << "remote 127.0.0.1:1234\n";
    EXPECT_THROW(index::read_layout((m_tmp / "stub").string()), IndexError);
}

TEST_F(LayoutTest, ADatabaseAtTheFolderItself) {
    make_database(dir());
    const Layout l = index::read_layout(dir());
    EXPECT_EQ(l.kind, Layout::Kind::database);
    EXPECT_EQ(l.databases, std::vector<std::string>{dir()});
    EXPECT_EQ(l.shards, 1u);
}

TEST_F(LayoutTest, ShardsListedByAStubWithoutGeneration) {
    make_database(m_tmp / "index" / "shard-0");
    make_database(m_tmp / "index" / "shard-1");
    std::ofstream(m_tmp / "index" / "XAPIANDB") << "# shards\nauto shard-0\nauto shard-1\n";
    const Layout l = index::read_layout(dir());
    EXPECT_EQ(l.kind, Layout::Kind::shards);
    EXPECT_EQ(l.shards, 2u);
    ASSERT_EQ(l.databases.size(), 2u);
    EXPECT_EQ(fs::path(l.databases[1]).filename(), "shard-1");
    EXPECT_FALSE(l.merge_pending());
}

TEST_F(LayoutTest, RemoteOrMissingDatabasesAreRefused) {
    fs::create_directories(dir());
    std::ofstream(m_tmp / "index" / "XAPIANDB") << "remote 127.0.0.1:1234\n";
    EXPECT_THROW(index::read_layout(dir()), IndexError);
    std::ofstream(m_tmp / "index" / "XAPIANDB") << "auto shard-7\n";
    EXPECT_THROW(index::read_layout(dir()), IndexError);
}

TEST_F(LayoutTest, AGenerationGoesLiveWithItsStub) {
    const unsigned g = index::next_generation(dir());
    EXPECT_EQ(g, 1u);
    const auto databases = index::generation_databases(dir(), g, 2);
    for (const auto& d : databases) make_database(d);
    index::write_stub(dir(), g, 2, 1);
    const Layout l = index::read_layout(dir());
    EXPECT_EQ(l.kind, Layout::Kind::generation);
    EXPECT_EQ(l.generation, 1u);
    EXPECT_EQ(l.databases, databases);
    EXPECT_EQ(l.shards, 1u);
    EXPECT_TRUE(l.merge_pending());  // two parts meant as one database
    EXPECT_EQ(Xapian::Database(dir()).get_doccount(), 2u);
    EXPECT_EQ(index::next_generation(dir()), 2u);
    EXPECT_FALSE(fs::exists(m_tmp / "index" / "XAPIANDB.tmp"));
}

TEST_F(LayoutTest, ANewGenerationReplacesADatabaseAtTheFolderByRemovingItsVersionFile) {
    make_database(dir());
    const Layout old = index::read_layout(dir());
    make_database(index::generation_databases(dir(), 1, 1)[0]);
    make_database(index::generation_databases(dir(), 1, 2)[1]);
    index::write_stub(dir(), 1, 2, 2);
    EXPECT_FALSE(fs::exists(m_tmp / "index" / "iamglass"));
    EXPECT_EQ(index::read_layout(dir()).kind, Layout::Kind::generation);
    EXPECT_EQ(Xapian::Database(dir()).get_doccount(), 2u);  // the new generation's two, not the old one
    index::retire(old);
    EXPECT_EQ(names_in(m_tmp / "index"), (std::set<std::string>{"XAPIANDB", "gen-1"}));
}

TEST_F(LayoutTest, RetiringAGenerationRemovesOnlyIt) {
    make_database(index::generation_databases(dir(), 1, 1)[0]);
    index::write_stub(dir(), 1, 1, 1);
    const Layout first = index::read_layout(dir());
    make_database(index::generation_databases(dir(), 2, 1)[0]);
    index::write_stub(dir(), 2, 1, 1);
    index::retire(first);
    EXPECT_EQ(names_in(m_tmp / "index"), (std::set<std::string>{"XAPIANDB", "gen-2"}));
}

TEST_F(LayoutTest, UnusedGenerationsAndTemporaryStubsAreRemovedOthersKept) {
    make_database(index::generation_databases(dir(), 3, 1)[0]);
    index::write_stub(dir(), 3, 1, 1);
    make_database(index::generation_databases(dir(), 2, 1)[0]);  // an old one left behind
    fs::create_directories(m_tmp / "index" / "gen-4" / "shard-0");  // a compaction killed half-way
    std::ofstream(m_tmp / "index" / "XAPIANDB.tmp") << "auto gen-4/shard-0\n";
    std::ofstream(m_tmp / "index" / "notes.txt") << "mine\n";
    fs::create_directories(m_tmp / "index" / "general");
    index::remove_unused(index::read_layout(dir()));
    EXPECT_EQ(names_in(m_tmp / "index"), (std::set<std::string>{"XAPIANDB", "gen-3", "general", "notes.txt"}));
    EXPECT_EQ(Xapian::Database(dir()).get_doccount(), 1u);
}

TEST_F(LayoutTest, AStubLeftBesideADatabaseIsUnused) {
    make_database(dir());
    make_database(index::generation_databases(dir(), 1, 1)[0]);
    // A compaction killed after its stub was written but before the database's version file went.
    std::ofstream(m_tmp / "index" / "XAPIANDB") << "# verbatim generation=1 shards=1\nauto gen-1/shard-0\n";
    const Layout l = index::read_layout(dir());
    EXPECT_EQ(l.kind, Layout::Kind::database);  // as Xapian sees it
    index::remove_unused(l);
    EXPECT_FALSE(fs::exists(m_tmp / "index" / "XAPIANDB"));
    EXPECT_FALSE(fs::exists(m_tmp / "index" / "gen-1"));
    EXPECT_TRUE(fs::exists(m_tmp / "index" / "iamglass"));
}

TEST(DatabaseOf, TheSameIdAlwaysGoesToTheSameDatabaseAndIdsSpread) {
    EXPECT_EQ(index::database_of("anything", 1), 0u);
    std::vector<std::size_t> counts(3, 0);
    for (int i = 0; i < 3000; ++i) {
        const std::string id = "Qdoc-" + std::to_string(i) + "-0";
        const std::size_t d = index::database_of(id, 3);
        ASSERT_LT(d, 3u);
        EXPECT_EQ(index::database_of(id, 3), d);
        ++counts[d];
    }
    for (std::size_t c : counts) EXPECT_GT(c, 800u) << "ids should spread evenly";
}

}  // namespace
}  // namespace verbatim
