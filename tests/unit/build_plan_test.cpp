// index::plan_build: which files a build reads, which it leaves, which it may prune.

#include <verbatim/index/build_plan.hpp>

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace verbatim {
namespace {

using index::Change;
using index::FileState;
using index::ManifestEntry;

// Files as the probe sees them: path → (state, content hash).
struct FakeFiles {
    std::map<std::string, std::pair<FileState, std::string>> files;
    int hashed = 0;
    index::FileProbe probe() {
        index::FileProbe p;
        p.state = [this](const std::string& path) -> std::optional<FileState> {
            const auto it = files.find(path);
            if (it == files.end()) return std::nullopt;
            return it->second.first;
        };
        p.hash = [this](const std::string& path) {
            ++hashed;
            return files.at(path).second;
        };
        p.exists = [this](const std::string& path) { return files.count(path) > 0; };
        return p;
    }
};

ManifestEntry entry(const std::string& path, std::uint64_t size, std::int64_t mtime, const std::string& hash) {
    ManifestEntry e;
    e.path = path;
    e.size = size;
    e.mtime_ns = mtime;
    e.hash = hash;
    e.settings = "s";
    e.statements = 3;
    return e;
}

std::set<std::string> paths(const std::vector<index::PlannedFile>& files) {
    std::set<std::string> out;
    for (const auto& f : files) out.insert(f.path);
    return out;
}

class BuildPlanTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_files.files = {{"c/same.txt", {{10, 1}, "h-same"}},
                         {"c/touched.txt", {{20, 9}, "h-touched"}},
                         {"c/edited.txt", {{30, 9}, "h-edited-now"}},
                         {"c/new.txt", {{40, 1}, "h-new"}}};
        m_manifest = {{"c/same.txt", entry("c/same.txt", 10, 1, "h-same")},
                      {"c/touched.txt", entry("c/touched.txt", 20, 2, "h-touched")},
                      {"c/edited.txt", entry("c/edited.txt", 30, 2, "h-edited-before")},
                      {"c/gone.txt", entry("c/gone.txt", 50, 1, "h-gone")},
                      {"other/gone.txt", entry("other/gone.txt", 50, 1, "h-other")}};
    }
    index::BuildPlan plan(bool force = false, const std::string& settings = "s") {
        return index::plan_build({"c/same.txt", "c/touched.txt", "c/edited.txt", "c/new.txt"}, {"c"}, m_manifest,
                                 settings, force, m_files.probe());
    }
    FakeFiles m_files;
    std::map<std::string, ManifestEntry> m_manifest;
};

TEST_F(BuildPlanTest, ReadsOnlyNewAndChangedFiles) {
    const auto p = plan();
    EXPECT_EQ(paths(p.to_read), (std::set<std::string>{"c/edited.txt", "c/new.txt"}));
    EXPECT_EQ(paths(p.touched), (std::set<std::string>{"c/touched.txt"}));
    ASSERT_EQ(p.unchanged.size(), 1u);
    EXPECT_EQ(p.unchanged[0].path, "c/same.txt");
    for (const auto& f : p.to_read) {
        EXPECT_EQ(f.entry.hash, m_files.files.at(f.path).second) << "the entry to record holds the content as read";
        EXPECT_EQ(f.entry.size, m_files.files.at(f.path).first.size);
        EXPECT_TRUE(f.recordable);
    }
    EXPECT_EQ(p.to_read[0].change, Change::changed);
    EXPECT_EQ(p.to_read[1].change, Change::added);
}

TEST_F(BuildPlanTest, ATouchedFileKeepsWhatItGaveAndGetsItsNewTime) {
    const auto p = plan();
    ASSERT_EQ(p.touched.size(), 1u);
    EXPECT_EQ(p.touched[0].entry.mtime_ns, 9);
    EXPECT_EQ(p.touched[0].entry.statements, 3u);
}

TEST_F(BuildPlanTest, GoneFilesAreThoseUnderThePathsGiven) {
    const auto p = plan();
    ASSERT_EQ(p.gone.size(), 1u);
    EXPECT_EQ(p.gone[0].path, "c/gone.txt");  // not other/gone.txt: that folder was not asked for
}

TEST_F(BuildPlanTest, ForceReadsEverything) {
    const auto p = plan(true);
    EXPECT_EQ(p.to_read.size(), 4u);
    EXPECT_TRUE(p.touched.empty());
    EXPECT_TRUE(p.unchanged.empty());
}

TEST_F(BuildPlanTest, OtherSettingsReadEverything) {
    EXPECT_EQ(plan(false, "other").to_read.size(), 4u);
}

TEST_F(BuildPlanTest, AFileThatCannotBeLookedAtIsReadButNotRecorded) {
    const auto p = index::plan_build({"c/unreadable.txt"}, {"c"}, {}, "s", false, m_files.probe());
    ASSERT_EQ(p.to_read.size(), 1u);
    EXPECT_FALSE(p.to_read[0].recordable);
}

TEST(IsUnder, PathComponentsNotPrefixes) {
    EXPECT_TRUE(index::is_under("corpus/a.txt", "corpus"));
    EXPECT_TRUE(index::is_under("corpus/a.txt", "corpus/"));
    EXPECT_TRUE(index::is_under("corpus/a.txt", "./corpus"));
    EXPECT_TRUE(index::is_under("corpus/a.txt", "corpus/a.txt"));
    EXPECT_FALSE(index::is_under("corpus2/a.txt", "corpus"));
    EXPECT_FALSE(index::is_under("corpus", "corpus/a.txt"));
    EXPECT_TRUE(index::is_under("a.txt", "."));
    EXPECT_FALSE(index::is_under("../a.txt", "."));
    EXPECT_FALSE(index::is_under("/srv/a.txt", "."));
    EXPECT_TRUE(index::is_under("/srv/c/a.txt", "/srv"));
    EXPECT_TRUE(index::is_under("/srv/c/a.txt", "/"));
}

}  // namespace
}  // namespace verbatim
