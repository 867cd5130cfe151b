// index::NameKeys and merge_name_spellings: the spellings of one name key, counted by writers
// and merged when databases are merged.

#include "temp_dir.hpp"

#include <verbatim/index/name_keys.hpp>
#include <verbatim/text/analysis.hpp>

#include <gtest/gtest.h>

namespace verbatim {
namespace {

std::string spellings_of(const Xapian::Database& db, const std::string& key) {
    return db.get_metadata(std::string(text::kNameKeyMetadata) + key);
}

TEST(NameKeys, MostFrequentFirstThenThoseKnownBefore) {
    test::TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    db.set_metadata(std::string(text::kNameKeyMetadata) + "tkchv", "tkachiov");
    index::NameKeys keys;
    keys.count("tkachev");
    keys.count("tkachyov");
    keys.count("tkachyov");
    keys.count("ab");  // key shorter than 3 letters: not kept
    keys.write_to(db);
    EXPECT_EQ(spellings_of(db, "tkchv"), "tkachyov|tkachev|tkachiov");
    EXPECT_TRUE(keys.empty());
    // Pairs of a key of at least 4 letters find each other: the typed word finds the other
    // spelling's stemmed terms in the text, the speaker and the region.
    std::vector<std::string> synonyms(db.synonyms_begin("tkachev"), db.synonyms_end("tkachev"));
    EXPECT_EQ(synonyms, (std::vector<std::string>{"ZXREGtkachiov", "ZXREGtkachyov", "ZXSPKtkachiov", "ZXSPKtkachyov",
                                                  "Ztkachiov", "Ztkachyov"}));
}

TEST(NameKeys, MergedCountsAddUp) {
    test::TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    index::NameKeys a, b;
    a.count("sobyanin");
    b.count("sobianin");
    b.count("sobianin");
    a.merge(std::move(b));
    EXPECT_TRUE(b.empty());
    a.write_to(db);
    EXPECT_EQ(spellings_of(db, text::name_key("sobyanin")), "sobianin|sobyanin");
}

TEST(NameKeys, MergingDatabasesKeepsTheSpellingsOfAllInOrderAtMostEight) {
    EXPECT_EQ(index::merge_name_spellings({"a|b", "b|c", "d"}), "a|b|c|d");
    EXPECT_EQ(index::merge_name_spellings({"a|b|c|d|e", "f|g|h|i|j"}), "a|b|c|d|e|f|g|h");
    EXPECT_EQ(index::merge_name_spellings({"", "x"}), "x");
}

}  // namespace
}  // namespace verbatim
