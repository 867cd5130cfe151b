// index::compact_index: the databases of an index merged into one new generation that replaces
// the old one; what several databases held (name keys) merged, nothing lost.

#include "temp_dir.hpp"

#include <verbatim/error.hpp>
#include <verbatim/index/compaction.hpp>
#include <verbatim/index/index_writer.hpp>
#include <verbatim/text/analysis.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace verbatim {
namespace {

namespace fs = std::filesystem;

Statement statement(const std::string& id, const std::string& text) {
    Statement s;
    s.id = id;
    s.doc = id.substr(0, id.find('-'));
    s.source = s.doc + ".txt";
    s.text = text;
    s.speaker = "Anna Kowal";
    s.kind = Kind::quote;
    return s;
}

// One database of the given statements, with a name key's spellings.
void make_database(const std::string& path, const std::vector<Statement>& statements, const std::string& spellings) {
    fs::create_directories(fs::path(path).parent_path());
    index::IndexWriter writer(path);
    for (const auto& s : statements) writer.add(std::vector<Statement>{s});
    writer.database().set_metadata(std::string(text::kNameKeyMetadata) + "tkchv", spellings);
    writer.commit();
}

std::set<std::string> ids(const std::string& index) {
    std::set<std::string> out;
    const Xapian::Database db(index);
    for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) out.insert(*t);
    return out;
}

class Compaction : public ::testing::Test {
protected:
    std::string dir() const { return (m_tmp / "index").string(); }
    test::TempDir m_tmp;
};

TEST_F(Compaction, AGenerationOfThreeBecomesOneDatabase) {
    const auto parts = index::generation_databases(dir(), 1, 3);
    make_database(parts[0], {statement("a-0-0", "The ferry runs."), statement("b-0-0", "The bridge opens.")}, "tkachev");
    make_database(parts[1], {statement("c-0-0", "The port is busy.")}, "tkachyov|tkachev");
    make_database(parts[2], {}, "");
    index::write_stub(dir(), 1, 3, 3);
    const auto before = ids(dir());
    const auto r = index::compact_index(dir());
    EXPECT_EQ(r.statements, 3u);
    EXPECT_EQ(r.before.databases.size(), 3u);
    EXPECT_EQ(r.after.generation, 2u);
    EXPECT_EQ(r.after.databases.size(), 1u);
    EXPECT_EQ(r.after.shards, 1u);
    EXPECT_FALSE(fs::exists(m_tmp / "index" / "gen-1"));
    EXPECT_EQ(ids(dir()), before);
    EXPECT_EQ(Xapian::Database(dir()).get_metadata(std::string(text::kNameKeyMetadata) + "tkchv"), "tkachev|tkachyov");
    EXPECT_GT(r.bytes_after, 0u);
}

TEST_F(Compaction, ShardsBeforeGenerationsMoveToAGeneration) {
    make_database(dir() + "/shard-0", {statement("a-0-0", "The ferry runs.")}, "tkachev");
    make_database(dir() + "/shard-1", {statement("b-0-0", "The bridge opens.")}, "tkachev");
    std::ofstream(m_tmp / "index" / "XAPIANDB") << "auto shard-0\nauto shard-1\n";
    const auto before = ids(dir());
    index::compact_index(dir());
    EXPECT_EQ(ids(dir()), before);
    EXPECT_FALSE(fs::exists(m_tmp / "index" / "shard-0"));
    EXPECT_FALSE(fs::exists(m_tmp / "index" / "shard-1"));
    EXPECT_EQ(index::read_layout(dir()).kind, index::Layout::Kind::generation);
}

TEST_F(Compaction, ADatabaseAtTheFolderMovesToAGeneration) {
    make_database(dir(), {statement("a-0-0", "The ferry runs."), statement("b-0-0", "The bridge opens.")}, "tkachev");
    const auto before = ids(dir());
    index::compact_index(dir());
    EXPECT_EQ(ids(dir()), before);
    for (const auto& e : fs::directory_iterator(m_tmp / "index"))
        EXPECT_NE(e.path().extension(), ".glass") << "the old database's tables are gone: " << e.path();
    EXPECT_EQ(index::read_layout(dir()).kind, index::Layout::Kind::generation);
}

TEST_F(Compaction, NoIndexNoCompaction) {
    EXPECT_THROW(index::compact_index(dir()), IndexError);
}

}  // namespace
}  // namespace verbatim
