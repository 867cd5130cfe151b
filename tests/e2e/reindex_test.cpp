// verbatim-index build run again on changed input: statements are replaced, not duplicated
// (STYLE habit 5). Small corpora written by the test; no team folder needed.

#include "e2e_support.hpp"

#include <filesystem>
#include <fstream>
#include <set>

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using test::json_lines;
using test::run_program;

class Reindex : public ::testing::Test {
protected:
    void write(const std::string& relative, const std::string& content) {
        const fs::path p = m_dir / relative;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
    }
    std::string path(const std::string& relative) const { return (m_dir / relative).string(); }
    int build(const std::vector<std::string>& inputs) const {
        std::vector<std::string> args = {"build", "--index", path("index")};
        args.insert(args.end(), inputs.begin(), inputs.end());
        const auto r = run_program("verbatim-index", args);
        EXPECT_EQ(r.status, 0) << test::dump_for_failure(r);
        return r.status;
    }
    std::vector<nlohmann::json> everything() const {
        const auto r = run_program("verbatim-search", {"--index", path("index"), "--format", "jsonl", "--limit", "1000", ""});
        return json_lines(r);
    }
    test::TempDir m_dir;
};

TEST_F(Reindex, SameInputTwiceGivesTheSameStatements) {
    write("corpus/a.txt", "The ferry runs at nine.\nThe bridge opens in May.\n");
    write("corpus/b.jsonl", "{\"title\": \"Quay\", \"text\": \"Repairs to the quay start soon.\"}\n");
    build({path("corpus")});
    const auto first = everything();
    ASSERT_FALSE(first.empty());
    build({path("corpus")});
    EXPECT_EQ(everything().size(), first.size());
}

TEST_F(Reindex, ChangedFileReplacesItsStatements) {
    write("corpus/a.txt", "The ferry runs at nine.\nThe bridge opens in May.\nThe lighthouse is closed.\n");
    write("corpus/b.txt", "The harbour is busy.\n");
    build({path("corpus")});
    const auto before = everything().size();
    write("corpus/a.txt", "The ferry runs at ten.\n");
    build({path("corpus")});
    const auto after = everything();
    std::set<std::string> texts;
    for (const auto& s : after) texts.insert(s.at("text").get<std::string>());
    EXPECT_LT(after.size(), before);
    EXPECT_TRUE(texts.count("The ferry runs at ten."));
    EXPECT_TRUE(texts.count("The harbour is busy."));
    for (const auto& t : texts) EXPECT_EQ(t.find("lighthouse"), std::string::npos) << "stale statement: " << t;
}

TEST_F(Reindex, AnotherSpellingOfTheSamePathDoesNotDuplicate) {
    write("c/a.txt", "The ferry runs at nine.\n");
    build({path("c")});
    const auto once = everything().size();
    build({(m_dir.path() / "." / "c").string()});
    build({(m_dir.path() / "c" / ".." / "c" / "a.txt").string()});
    EXPECT_EQ(everything().size(), once);
}

TEST_F(Reindex, StatementIdsFromTheInputDoNotCollideAcrossFiles) {
    write("c/a.jsonl", "{\"id\": \"1\", \"text\": \"The ferry runs at nine.\", \"speaker\": \"Mairi Ross\", \"kind\": \"quote\"}\n");
    write("c/b.jsonl", "{\"id\": \"1\", \"text\": \"The bridge opens in May.\", \"speaker\": \"Ivan Petrov\", \"kind\": \"quote\"}\n");
    build({path("c")});
    EXPECT_EQ(everything().size(), 2u);
}

}  // namespace
}  // namespace verbatim
