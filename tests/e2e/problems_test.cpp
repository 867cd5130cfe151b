// verbatim-index on a corpus with bad files: the good input is processed, problems are named
// on stderr with file and line, the exit status says so; --strict stops.

#include "e2e_support.hpp"

#include <filesystem>
#include <fstream>
#include <set>

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using test::json_lines;
using test::run_program;

class Problems : public ::testing::Test {
protected:
    void SetUp() override {
        write("good.txt",
              "Title: Ferry keeps its crossing\n"
              "Date: 2024-06-27\n"
              "---\n"
              "The island council voted to keep the evening ferry.\n"
              "\u201cShift workers depend on it,\u201d harbour master Mairi Ross said.\n");
        write("bad-utf8.txt",
              "The first line of this file is fine and mentions the lighthouse.\n"
              "The second line has a broken byte \xff here.\n"
              "The third line is never read.\n");
        write("empty.txt", "");
        write("binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        write("broken.jsonl",
              "{\"id\": \"art-1\", \"title\": \"Quay repairs\", \"text\": \"Repairs to the quay start in May.\"}\n"
              "{\"id\": \"art-2\", \"title\": \"Broken\", \"text\": \"unterminated\n");
    }
    void write(const std::string& name, const std::string& content) {
        std::ofstream(corpus() / name, std::ios::binary) << content;
    }
    fs::path corpus() const {
        const fs::path p = m_dir / "corpus";
        fs::create_directories(p);
        return p;
    }
    std::string file(const std::string& name) const { return (corpus() / name).string(); }
    static std::set<std::string> sources(const std::vector<nlohmann::json>& statements) {
        std::set<std::string> out;
        for (const auto& s : statements) out.insert(s.at("source").get<std::string>());
        return out;
    }
    test::TempDir m_dir;
};

TEST_F(Problems, ExtractKeepsTheGoodInputAndExitsOne) {
    const auto r = run_program("verbatim-index", {"extract", corpus().string()});
    EXPECT_EQ(r.status, 1) << test::dump_for_failure(r);
    const auto statements = json_lines(r);
    EXPECT_EQ(sources(statements), (std::set<std::string>{file("good.txt"), file("bad-utf8.txt"), file("broken.jsonl")}));
    bool lighthouse = false, quay = false, third = false;
    for (const auto& s : statements) {
        const auto text = s.at("text").get<std::string>();
        lighthouse |= text.find("lighthouse") != std::string::npos;
        quay |= text.find("quay start") != std::string::npos;
        third |= text.find("third line") != std::string::npos;
    }
    EXPECT_TRUE(lighthouse) << "the line before the bad byte is indexed";
    EXPECT_FALSE(third) << "lines after the bad byte are not";
    EXPECT_TRUE(quay) << "the good JSON line is indexed";
}

TEST_F(Problems, StderrNamesFileAndLine) {
    const auto r = run_program("verbatim-index", {"extract", corpus().string()});
    EXPECT_NE(r.err.find(file("bad-utf8.txt") + ":2:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(file("broken.jsonl") + ":2:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(file("empty.txt")), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(file("good.txt")), std::string::npos) << r.err;
    // The binary file is a skip note, not a problem: it shows in the summary only.
    EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
}

TEST_F(Problems, StrictStopsWithExitTwo) {
    const auto r = run_program("verbatim-index", {"extract", "--strict", corpus().string()});
    EXPECT_EQ(r.status, 2) << test::dump_for_failure(r);
    EXPECT_NE(r.err.find(file("bad-utf8.txt")), std::string::npos) << r.err;  // the first problem in sorted order
}

TEST_F(Problems, CleanInputExitsZero) {
    const auto r = run_program("verbatim-index", {"extract", file("good.txt")});
    EXPECT_EQ(r.status, 0) << test::dump_for_failure(r);
    EXPECT_FALSE(json_lines(r).empty());
    // A binary file alone is skipped, not a problem.
    EXPECT_EQ(run_program("verbatim-index", {"extract", file("good.txt"), file("binary.txt")}).status, 0);
}

TEST_F(Problems, MissingPathIsAProblem) {
    const auto r = run_program("verbatim-index", {"extract", file("good.txt"), file("no-such-file.txt")});
    EXPECT_EQ(r.status, 1) << test::dump_for_failure(r);
    EXPECT_NE(r.err.find("no-such-file.txt"), std::string::npos) << r.err;
    EXPECT_FALSE(json_lines(r).empty());
}

TEST_F(Problems, BuildIndexesTheGoodInputAndExitsOne) {
    const std::string index = (m_dir / "index").string();
    const auto built = run_program("verbatim-index", {"build", "--index", index, corpus().string()});
    EXPECT_EQ(built.status, 1) << test::dump_for_failure(built);
    const auto found = run_program("verbatim-search", {"--index", index, "--format", "jsonl", "lighthouse"});
    ASSERT_EQ(found.status, 0) << test::dump_for_failure(found);
    const auto hits = json_lines(found);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].at("source"), file("bad-utf8.txt"));
    EXPECT_EQ(run_program("verbatim-search", {"--index", index, "--format", "jsonl", "quay"}).status, 0);
}

TEST_F(Problems, NoPathIsAUsageError) {
    EXPECT_EQ(run_program("verbatim-index", {"extract"}).status, 2);
    EXPECT_EQ(run_program("verbatim-index", {"build", corpus().string()}).status, 2);  // no --index
    EXPECT_EQ(run_program("verbatim-index", {}).status, 2);
}

}  // namespace
}  // namespace verbatim
