// index::compare and the manifest entries: when a file counts as unchanged, touched or changed.

#include "temp_dir.hpp"

#include <verbatim/index/manifest.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/text/unicode.hpp>

#include <gtest/gtest.h>

#include <fstream>

namespace verbatim {
namespace {

using index::Change;
using index::FileState;
using index::ManifestEntry;

ManifestEntry entry() {
    ManifestEntry e;
    e.path = "corpus/a.txt";
    e.size = 100;
    e.mtime_ns = 1'700'000'000'000'000'000;
    e.hash = "00000000000000aa";
    e.settings = "s1";
    e.statements = 7;
    e.problems = 1;
    return e;
}

// A hash function that must not be called.
std::string no_hash() {
    ADD_FAILURE() << "the content was hashed though size and time tell";
    return "";
}

TEST(ManifestCompare, NoEntryIsAdded) {
    EXPECT_EQ(index::compare(nullptr, {100, 5}, "s1", no_hash), Change::added);
}

TEST(ManifestCompare, SameSizeAndTimeIsUnchangedWithoutHashing) {
    const auto e = entry();
    EXPECT_EQ(index::compare(&e, {e.size, e.mtime_ns}, "s1", no_hash), Change::unchanged);
}

TEST(ManifestCompare, AnotherSizeIsAChangeWithoutHashing) {
    const auto e = entry();
    EXPECT_EQ(index::compare(&e, {e.size + 1, e.mtime_ns}, "s1", no_hash), Change::changed);
}

TEST(ManifestCompare, AnotherTimeIsDecidedByTheContent) {
    const auto e = entry();
    int hashed = 0;
    EXPECT_EQ(index::compare(&e, {e.size, e.mtime_ns + 1}, "s1", [&] { ++hashed; return e.hash; }), Change::touched);
    EXPECT_EQ(index::compare(&e, {e.size, e.mtime_ns + 1}, "s1", [&] { ++hashed; return std::string("00000000000000bb"); }),
              Change::changed);
    EXPECT_EQ(hashed, 2);
}

TEST(ManifestCompare, OtherExtractionSettingsAreAChange) {
    const auto e = entry();
    EXPECT_EQ(index::compare(&e, {e.size, e.mtime_ns}, "s2", no_hash), Change::changed);
}

TEST(ManifestEntry, EncodesAndDecodes) {
    const auto e = entry();
    const auto back = index::decode(index::encode(e));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->path, e.path);
    EXPECT_EQ(back->size, e.size);
    EXPECT_EQ(back->mtime_ns, e.mtime_ns);
    EXPECT_EQ(back->hash, e.hash);
    EXPECT_EQ(back->settings, e.settings);
    EXPECT_EQ(back->statements, 7u);
    EXPECT_EQ(back->problems, 1u);
    EXPECT_FALSE(index::decode("not json"));
    EXPECT_FALSE(index::decode("{\"path\": 3}"));
}

TEST(ManifestEntry, KeysAreBoundedAndDistinct) {
    EXPECT_EQ(index::manifest_key("corpus/a.txt"), std::string(schema::kSourceManifestPrefix) + "corpus/a.txt");
    const std::string a = std::string(300, 'x') + "/a.txt", b = std::string(300, 'x') + "/b.txt";
    EXPECT_LE(index::manifest_key(a).size(), 200u);
    EXPECT_NE(index::manifest_key(a), index::manifest_key(b));
}

TEST(ManifestFiles, StateAndContentHash) {
    test::TempDir dir;
    const std::string path = (dir / "a.txt").string();
    const std::string content(3 << 20, 'q');  // more than one block
    std::ofstream(path, std::ios::binary) << content << "end";
    const auto state = index::file_state(path);
    ASSERT_TRUE(state);
    EXPECT_EQ(state->size, content.size() + 3);
    EXPECT_GT(state->mtime_ns, 0);
    EXPECT_EQ(index::content_hash(path), text::stable_hash(content + "end"));
    EXPECT_FALSE(index::file_state((dir / "missing").string()));
    EXPECT_EQ(index::content_hash((dir / "missing").string()), "");
}

TEST(ManifestFiles, ExtractionSettingsFollowTheGazetteerAndTheCsvColumns) {
    test::TempDir data;
    std::filesystem::create_directories(data / "gazetteer");
    std::ofstream(data / "gazetteer" / "regions.tsv") << "name\tregion\n";
    const std::string folder = data.path().string();
    const std::string base = index::extraction_settings("v1", folder, {});
    EXPECT_EQ(index::extraction_settings("v1", folder, {}), base);
    EXPECT_NE(index::extraction_settings("v2", folder, {}), base);
    EXPECT_NE(index::extraction_settings("v1", folder, {{"text", "body"}}), base);
    std::ofstream(data / "gazetteer" / "regions.tsv") << "name\tregion\nOrel\tOryol Region\n";
    EXPECT_NE(index::extraction_settings("v1", folder, {}), base);
}

}  // namespace
}  // namespace verbatim
