// verbatim-index extract on real documents from the team folder (/work/shared/corpus-real):
// saved Kremlin HTML pages and a press-release CSV. Skipped when the team folder is absent.

#include "e2e_support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using test::json_lines;
using test::run_program;

fs::path real_dir() { return fs::path(test::kSharedDir) / "corpus-real"; }

std::vector<std::string> html_files() {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(real_dir() / "kremlin-en-html-mirror"))
        if (e.is_regular_file() && e.path().extension() == ".html") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

// manifest.tsv: file (relative) → upload date.
std::string manifest_date(const std::string& file) {
    const fs::path base = real_dir() / "kremlin-en-html-mirror";
    const std::string relative = fs::relative(file, base).string();
    std::ifstream in(base / "manifest.tsv");
    for (std::string line; std::getline(in, line);) {
        std::istringstream cells(line);
        std::string name, date;
        std::getline(cells, name, '\t');
        std::getline(cells, date, '\t');
        if (name == relative) return date;
    }
    return "";
}

const std::regex& iso_date() {
    static const std::regex re(R"(\d{4}-\d{2}-\d{2})");
    return re;
}

void expect_no_page_junk(const std::vector<nlohmann::json>& statements) {
    for (const auto& s : statements) {
        const auto text = s.at("text").get<std::string>();
        for (const char* junk : {"function(", "data-cycle", "<script", "</", "<div", "window.", "{{", "();"})
            EXPECT_EQ(text.find(junk), std::string::npos) << "'" << junk << "' in " << s.at("source") << ": " << text.substr(0, 300);
    }
}

TEST(RealCorpus, FirstKremlinPage) {
    VERBATIM_REQUIRE_SHARED();
    const auto files = html_files();
    ASSERT_FALSE(files.empty());
    const std::string page = files.front();
    const auto r = run_program("verbatim-index", {"extract", page});
    ASSERT_EQ(r.status, 0) << test::dump_for_failure(r);
    const auto statements = json_lines(r);
    ASSERT_GE(statements.size(), 1u);
    expect_no_page_junk(statements);
    std::set<std::string> docs;
    for (const auto& s : statements) {
        docs.insert(s.at("doc").get<std::string>());
        EXPECT_EQ(s.at("source"), page);
        EXPECT_FALSE(s.at("title").get<std::string>().empty());
    }
    EXPECT_EQ(docs.size(), 1u);
    const std::string expected_date = manifest_date(page);
    if (!expected_date.empty()) EXPECT_EQ(statements.front().at("date"), expected_date);
}

TEST(RealCorpus, EveryKremlinPageGivesCleanText) {
    VERBATIM_REQUIRE_SHARED();
    const auto r = run_program("verbatim-index", {"extract", (real_dir() / "kremlin-en-html-mirror").string()});
    ASSERT_EQ(r.status, 0) << test::dump_for_failure(r);
    const auto statements = json_lines(r);
    std::set<std::string> sources;
    for (const auto& s : statements) {
        sources.insert(s.at("source").get<std::string>());
        EXPECT_TRUE(std::regex_match(s.at("date").get<std::string>(), iso_date())) << s.at("source");
    }
    EXPECT_EQ(sources.size(), html_files().size()) << "some pages gave no statement";
    expect_no_page_junk(statements);
}

TEST(RealCorpus, PutinPressCsv) {
    VERBATIM_REQUIRE_SHARED();
    const auto r = run_program("verbatim-index", {"extract", (real_dir() / "kremlin-zelenskyy-press-2022" / "putin.csv").string()});
    ASSERT_EQ(r.status, 0) << test::dump_for_failure(r);
    const auto statements = json_lines(r);
    std::set<std::string> docs;
    for (const auto& s : statements) {
        docs.insert(s.at("doc").get<std::string>());
        const auto date = s.at("date").get<std::string>();
        EXPECT_TRUE(std::regex_match(date, iso_date())) << "date '" << date << "' in " << s.at("id");
        EXPECT_EQ(s.at("url").get<std::string>().rfind("http", 0), 0u) << s.at("id");
    }
    EXPECT_GE(docs.size(), 500u);
}

}  // namespace
}  // namespace verbatim
