// verbatim-index build run again on a folder: only new and changed files are read (the
// manifest of sources in the index), a file whose time changed but not its content is not read
// again, files that are gone keep their statements unless --prune, --force reads everything.

#include "e2e_support.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using test::run_program;

class IncrementalBuild : public ::testing::Test {
protected:
    void SetUp() override {
        write("a.txt", "Title: Ferry\n---\nThe ferry runs at nine.\nThe bridge opens in May.\n");
        write("b.txt", "Title: Harbour\n---\nThe harbour is busy.\n");
        write("c.jsonl", "{\"title\": \"Quay\", \"text\": \"Repairs to the quay start soon.\"}\n");
        write("d.csv", "title,body\nLighthouse,The lighthouse is closed for the winter.\n");
    }
    void write(const std::string& name, const std::string& content) {
        const fs::path file = m_dir / "corpus" / name;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << content;
    }
    std::string corpus() const { return (m_dir / "corpus").string(); }
    test::ProgramResult build(std::vector<std::string> extra = {}, int expected_status = 0) const {
        std::vector<std::string> args = {"build", "--index", (m_dir / "index").string()};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(corpus());
        auto r = run_program("verbatim-index", args);
        EXPECT_EQ(r.status, expected_status) << test::dump_for_failure(r);
        return r;
    }
    std::set<std::string> texts() const {
        const auto r = run_program("verbatim-search",
                                   {"--index", (m_dir / "index").string(), "--format", "jsonl", "--no-collapse", "--limit", "1000", ""});
        std::set<std::string> out;
        for (const auto& s : test::json_lines(r)) out.insert(s.at("text").get<std::string>());
        return out;
    }
    std::string stub() const { return test::slurp(m_dir / "index" / "XAPIANDB"); }
    test::TempDir m_dir;
};

bool says(const test::ProgramResult& r, const std::string& words) { return r.err.find(words) != std::string::npos; }

TEST_F(IncrementalBuild, AnUnchangedFolderIndexesNothingAndSaysSo) {
    build();
    const auto before = texts();
    ASSERT_EQ(before.size(), 5u);
    const auto again = build();
    EXPECT_TRUE(says(again, "nothing to index: 4 file(s) unchanged")) << again.err;
    EXPECT_TRUE(says(again, "holds 5 statements")) << again.err;
    EXPECT_EQ(texts(), before);
}

TEST_F(IncrementalBuild, AChangedFileIsReadAgainAndItsOldStatementsGo) {
    build();
    write("a.txt", "Title: Ferry\n---\nThe ferry runs at ten.\n");
    const auto r = build();
    EXPECT_TRUE(says(r, "1 file(s) read, 3 unchanged")) << r.err;
    const auto now = texts();
    EXPECT_TRUE(now.count("The ferry runs at ten."));
    EXPECT_FALSE(now.count("The ferry runs at nine."));
    EXPECT_FALSE(now.count("The bridge opens in May."));
    EXPECT_TRUE(now.count("The harbour is busy."));
    EXPECT_EQ(now.size(), 4u);
}

TEST_F(IncrementalBuild, AFileThatNowGivesNoStatementKeepsNoneOfItsOldOnes) {
    build();
    write("a.txt", "");                           // emptied: a problem, no document
    write("c.jsonl", "{\"title\": \"Quay\"}\n");  // a document without text
    build({}, 1);
    const auto now = texts();
    EXPECT_FALSE(now.count("The ferry runs at nine."));
    EXPECT_FALSE(now.count("Repairs to the quay start soon."));
    EXPECT_EQ(now, (std::set<std::string>{"The harbour is busy.", "The lighthouse is closed for the winter."}));
    // Later builds find the files unchanged, and the statements stay gone.
    build({}, 1);
    EXPECT_EQ(texts().size(), 2u);
}

TEST_F(IncrementalBuild, ANewFileIsRead) {
    build();
    write("e.txt", "Title: Road\n---\nThe road to the pier is open again.\n");
    const auto r = build();
    EXPECT_TRUE(says(r, "1 file(s) read, 4 unchanged")) << r.err;
    EXPECT_TRUE(texts().count("The road to the pier is open again."));
}

TEST_F(IncrementalBuild, AFileTouchedButNotChangedIsNotReadAgain) {
    build();
    const auto later = fs::last_write_time(m_dir / "corpus" / "b.txt") + std::chrono::seconds(5);
    fs::last_write_time(m_dir / "corpus" / "b.txt", later);
    const auto r = build();
    EXPECT_TRUE(says(r, "0 file(s) read, 3 unchanged, 1 touched (same content)")) << r.err;
    // Its entry now has the new time: the next run finds nothing to do.
    EXPECT_TRUE(says(build(), "nothing to index: 4 file(s) unchanged"));
    EXPECT_EQ(texts().size(), 5u);
}

TEST_F(IncrementalBuild, AGoneFileKeepsItsStatementsUnlessPruned) {
    build();
    fs::remove(m_dir / "corpus" / "b.txt");
    const auto kept = build();
    EXPECT_TRUE(says(kept, "1 file(s) indexed before are gone; their statements stay (--prune removes them)")) << kept.err;
    EXPECT_TRUE(texts().count("The harbour is busy."));
    const auto pruned = build({"--prune"});
    EXPECT_TRUE(says(pruned, "1 pruned")) << pruned.err;
    EXPECT_FALSE(texts().count("The harbour is busy."));
    EXPECT_EQ(texts().size(), 4u);
    // Pruned once: the manifest no longer lists it.
    const auto after = build({"--prune"});
    EXPECT_TRUE(says(after, "nothing to index")) << after.err;
    EXPECT_FALSE(says(after, "gone"));
}

TEST_F(IncrementalBuild, PruneLeavesFilesOutsideThePathsGiven) {
    write("sub/e.txt", "Title: Road\n---\nThe road to the pier is open again.\n");
    build();
    // Only corpus/sub is built now; the files of corpus/ outside it are not gone.
    const auto r = run_program("verbatim-index", {"build", "--prune", "--index", (m_dir / "index").string(),
                                                  (m_dir / "corpus" / "sub").string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(texts().size(), 6u);
}

TEST_F(IncrementalBuild, ForceReadsEveryFile) {
    build();
    const auto r = build({"--force"});
    EXPECT_TRUE(says(r, "4 file(s) read:")) << r.err;
    EXPECT_EQ(texts().size(), 5u);
}

TEST_F(IncrementalBuild, OtherCsvColumnsReadTheFilesAgain) {
    write("d.csv", "title,body,text\nLighthouse,The lighthouse is closed for the winter.,Ignored text.\n");
    build();
    EXPECT_TRUE(texts().count("Ignored text."));
    const auto r = build({"--csv-column", "text=body"});
    EXPECT_TRUE(says(r, "4 file(s) read:")) << r.err;  // other extraction settings: every file
    EXPECT_TRUE(texts().count("The lighthouse is closed for the winter."));
    EXPECT_FALSE(texts().count("Ignored text."));
}

TEST_F(IncrementalBuild, AFileWithProblemsStillCountsWhenUnchanged) {
    write("bad.jsonl", "{\"title\": \"Broken\", \"text\": \"unterminated\n");
    build({}, 1);
    const auto r = build({}, 1);  // not read again, but its problem is not forgotten
    EXPECT_TRUE(says(r, "1 problem(s) in unchanged files")) << r.err;
    EXPECT_TRUE(says(r, "nothing to index")) << r.err;
}

TEST_F(IncrementalBuild, AnIncrementalBuildUpdatesTheLiveGenerationInPlace) {
    build();
    const std::string before = stub();
    write("e.txt", "Title: Road\n---\nThe road to the pier is open again.\n");
    build();
    EXPECT_EQ(stub(), before);
}

}  // namespace
}  // namespace verbatim
