// attribute::Gazetteer loaded from the project's corpus/gazetteer: aliases, codes, names.

#include "test_config.hpp"

#include <verbatim/attribute/gazetteer.hpp>
#include <verbatim/error.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace verbatim {
namespace {

using attribute::Gazetteer;
using attribute::Gender;

class GazetteerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_gazetteer = new Gazetteer(Gazetteer::load(test::kDataDir)); }
    static void TearDownTestSuite() {
        delete s_gazetteer;
        s_gazetteer = nullptr;
    }
    static const Gazetteer& g() { return *s_gazetteer; }
    // "Canonical (Country)" of the region an alias names, or "(none)".
    static std::string region_of(std::string_view alias) {
        const auto* r = g().region_named(alias);
        return r ? r->name + " (" + r->country + ")" : "(none)";
    }
    static inline Gazetteer* s_gazetteer = nullptr;
};

TEST_F(GazetteerTest, RegionsByAlias) {
    EXPECT_EQ(region_of("Orel"), "Oryol Region (Russia)");
    EXPECT_EQ(region_of("Orel Region"), "Oryol Region (Russia)");
    EXPECT_EQ(region_of("Oryol Oblast"), "Oryol Region (Russia)");
    EXPECT_EQ(region_of("Oryol Region"), "Oryol Region (Russia)");
    EXPECT_EQ(region_of("Mahilyow"), "Mogilev Region (Belarus)");
    EXPECT_EQ(region_of("Mahilyow Voblast"), "Mogilev Region (Belarus)");
    EXPECT_EQ(region_of("Minsk City"), "Minsk (Belarus)");
    EXPECT_EQ(region_of("Minsk"), "Minsk (Belarus)");
    EXPECT_EQ(region_of("Minsk Region"), "Minsk Region (Belarus)");
    EXPECT_EQ(region_of("Minsk Oblast"), "Minsk Region (Belarus)");
    EXPECT_EQ(region_of("Atlantis Region"), "(none)");
}

TEST_F(GazetteerTest, LuhanskAndLuganskSpellingsMeetInOneRegion) {
    const auto* luhansk = g().region_named("Luhansk Region");
    const auto* lugansk = g().region_named("Lugansk Region");
    ASSERT_NE(luhansk, nullptr);
    EXPECT_EQ(luhansk, lugansk);
    EXPECT_EQ(luhansk, g().region_named("Lugansk Oblast"));
    EXPECT_EQ(luhansk->country, "Ukraine");
    // The republic is another entry, with its own spellings.
    const auto* republic = g().region_named("Luhansk People\u2019s Republic");
    ASSERT_NE(republic, nullptr);
    EXPECT_EQ(republic, g().region_named("Lugansk People's Republic"));
    EXPECT_NE(republic, luhansk);
    EXPECT_EQ(republic->country, "Russia");
}

TEST_F(GazetteerTest, AliasMatchingIgnoresCaseAndPunctuation) {
    EXPECT_EQ(g().region_named("orel region"), g().region_named("Oryol Region"));
    EXPECT_EQ(g().region_named("ZAPORIZHZHIA OBLAST"), g().region_named("Zaporizhzhia Oblast"));
}

TEST_F(GazetteerTest, PostalCodes) {
    const auto* hawaii = g().region_by_code("HI");
    ASSERT_NE(hawaii, nullptr);
    EXPECT_EQ(hawaii->name, "Hawaii");
    EXPECT_EQ(hawaii->country, "United States");
    EXPECT_EQ(hawaii->type, "state");
    EXPECT_EQ(g().region_by_code("ZZ"), nullptr);
}

TEST_F(GazetteerTest, CountriesByNameAndDemonym) {
    ASSERT_NE(g().country_named("Belarusian"), nullptr);
    EXPECT_EQ(*g().country_named("Belarusian"), "Belarus");
    EXPECT_EQ(*g().country_named("Republic of Belarus"), "Belarus");
    EXPECT_EQ(*g().country_named("Belarus"), "Belarus");
    EXPECT_EQ(g().country_named("Freedonia"), nullptr);
}

TEST_F(GazetteerTest, GivenNames) {
    EXPECT_EQ(g().gender_of("Natalya"), Gender::female);
    EXPECT_EQ(g().gender_of("Natalia"), Gender::female);
    EXPECT_EQ(g().gender_of("Alexander"), Gender::male);
    EXPECT_EQ(g().gender_of("Zzyzx"), Gender::unknown);
    EXPECT_EQ(g().canonical_given_name("Natalia"), "Natalya");
    EXPECT_EQ(g().canonical_given_name("Natalya"), "Natalya");
    EXPECT_EQ(g().canonical_given_name("Aleksandr"), "Alexander");
    EXPECT_EQ(g().canonical_given_name("Zzyzx"), "Zzyzx");  // unknown: as given
    EXPECT_TRUE(g().is_given_name("Natalia"));
    EXPECT_FALSE(g().is_given_name("Governor"));
}

// regions.tsv as the test reads it: rows of cells, '#' comments and the header left out.
std::vector<std::vector<std::string>> regions_rows() {
    std::ifstream in(std::filesystem::path(test::kDataDir) / "gazetteer" / "regions.tsv");
    std::vector<std::vector<std::string>> rows;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        std::vector<std::string> cells;
        std::stringstream s(line);
        for (std::string cell; std::getline(s, cell, '\t');) cells.push_back(cell);
        while (cells.size() < 5) cells.emplace_back();
        rows.push_back(cells);
    }
    return rows;
}

TEST_F(GazetteerTest, EveryRowLoadsAndDisputedStatusIsKept) {
    const auto rows = regions_rows();
    ASSERT_GT(rows.size(), 100u);
    EXPECT_EQ(g().region_count(), rows.size());
    std::size_t disputed = 0;
    for (const auto& row : rows) {
        const auto* region = g().region_named(row[0]);
        ASSERT_NE(region, nullptr) << row[0];
        EXPECT_EQ(region->name, row[0]) << "canonical name taken by another row's alias";
        EXPECT_EQ(region->country, row[1]) << row[0];
        EXPECT_EQ(region->type, row[2]) << row[0];
        if (row[3] == "disputed") {
            ++disputed;
            EXPECT_EQ(region->status, "disputed") << row[0];
        } else {
            EXPECT_EQ(region->status, "") << row[0];
        }
    }
    EXPECT_GE(disputed, 5u);  // Crimea, DPR, LPR, Zaporozhye, Kherson at least
}

TEST(GazetteerLoad, MissingFolderIsAConfigError) {
    EXPECT_THROW(Gazetteer::load(std::filesystem::path(test::kDataDir) / "no-such-folder"), ConfigError);
}

}  // namespace
}  // namespace verbatim
