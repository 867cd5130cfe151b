// corpus::detect_format and corpus::read_paths: which files are read, in which order.

#include "temp_dir.hpp"

#include <verbatim/corpus/walk.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using corpus::Format;

struct FormatCase {
    const char* path;
    std::string head;
    Format expected;
};

class DetectFormat : public ::testing::TestWithParam<FormatCase> {};

TEST_P(DetectFormat, ByNameThenByContent) {
    std::string why;
    const auto& c = GetParam();
    EXPECT_EQ(corpus::detect_format(c.path, c.head, why), c.expected) << c.path;
    if (c.expected == Format::skip) EXPECT_FALSE(why.empty()) << "a skipped file needs a reason: " << c.path;
}

using namespace std::string_literals;

INSTANTIATE_TEST_SUITE_P(
    Files, DetectFormat,
    ::testing::Values(FormatCase{"press/release.txt", "Title: x\n---\nBody.", Format::text},
                      FormatCase{"press/RELEASE.TXT", "Body.", Format::text},
                      FormatCase{"data/articles.jsonl", "{\"text\": \"x\"}", Format::jsonl},
                      FormatCase{"data/articles.ndjson", "{}", Format::jsonl},
                      FormatCase{"data/export.csv", "title,text\n", Format::csv},
                      FormatCase{"site/page.html", "<html></html>", Format::html},
                      FormatCase{"site/page.htm", "<html></html>", Format::html},
                      FormatCase{"press/01.gold.jsonl", "{\"anchor\": \"x\"}", Format::skip},
                      FormatCase{"press/01.GOLD.JSONL", "{}", Format::skip},
                      FormatCase{"README.md", "# Read me", Format::skip},
                      FormatCase{"photo.jpg", "JFIF", Format::skip},
                      FormatCase{"odd.txt", "abc\0def"s, Format::skip},        // binary despite the name
                      FormatCase{"noext", "\x89PNG\r\n\x1a\n\0\0"s, Format::skip},  // binary
                      FormatCase{"saved-page", "  <!DOCTYPE html><html>", Format::html},
                      FormatCase{"saved-page2", "\xEF\xBB\xBF<HTML lang=en>", Format::html},
                      FormatCase{"dump", "\n{\"text\": \"x\"}\n", Format::jsonl},
                      FormatCase{"transcript", "Chair: Order, order.", Format::text},
                      FormatCase{"blank", "", Format::text}));

class ReadPaths : public ::testing::Test {
protected:
    void write(const std::string& relative, const std::string& content) {
        const fs::path p = m_dir / relative;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
    }
    void run(const std::vector<std::string>& paths) {
        corpus::read_paths(
            paths, {}, [&](corpus::RawDocument&& d) { m_sources.push_back(d.source); },
            [&](const corpus::Problem& p) { m_problems.push_back(p); });
    }
    const corpus::Problem* problem_for(const std::string& relative) const {
        const std::string path = (m_dir / relative).string();
        for (const auto& p : m_problems)
            if (p.file == path) return &p;
        return nullptr;
    }
    std::string path(const std::string& relative) const { return (m_dir / relative).string(); }

    test::TempDir m_dir;
    std::vector<std::string> m_sources;
    std::vector<corpus::Problem> m_problems;
};

TEST_F(ReadPaths, FolderTreeInSortedOrder) {
    write("corpus/b.txt", "Bee text.\n");
    write("corpus/a/z.txt", "Zed text.\n");
    write("corpus/a/y.jsonl", "{\"title\": \"Y\", \"text\": \"Why text.\"}\n");
    write("corpus/c.csv", "title,text\nC,Sea text.\n");
    write("corpus/a/01.gold.jsonl", "{\"anchor\": \"Zed\"}\n");
    write("corpus/SOURCE.md", "# Where it came from\n");
    run({path("corpus")});
    EXPECT_EQ(m_sources, (std::vector<std::string>{path("corpus/a/y.jsonl"), path("corpus/a/z.txt"),
                                                   path("corpus/b.txt"), path("corpus/c.csv")}));
    for (const char* skipped : {"corpus/a/01.gold.jsonl", "corpus/SOURCE.md"}) {
        const auto* p = problem_for(skipped);
        ASSERT_NE(p, nullptr) << skipped;
        EXPECT_EQ(p->severity, corpus::Severity::skipped);
    }
    for (const auto& p : m_problems) EXPECT_EQ(p.severity, corpus::Severity::skipped) << p.to_string();
}

TEST_F(ReadPaths, SymlinkLoopDoesNotHangAndIsReported) {
    write("corpus/one.txt", "One text.\n");
    write("corpus/sub/two.txt", "Two text.\n");
    fs::create_directory_symlink("..", m_dir / "corpus" / "sub" / "loop");  // points at its parent
    const auto started = std::chrono::steady_clock::now();
    run({path("corpus")});
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    EXPECT_EQ(m_sources, (std::vector<std::string>{path("corpus/one.txt"), path("corpus/sub/two.txt")}));
    const auto* p = problem_for("corpus/sub/loop");
    ASSERT_NE(p, nullptr) << "the symbolic link is not reported";
    EXPECT_EQ(p->severity, corpus::Severity::skipped);
}

TEST_F(ReadPaths, FilesGivenDirectlyAndTroubleReported) {
    write("given.txt", "Given text.\n");
    write("empty.txt", "");
    write("binary.txt", std::string("\0\1\2\3", 4));
    run({path("given.txt"), path("missing.txt"), path("empty.txt"), path("binary.txt")});
    EXPECT_EQ(m_sources, (std::vector<std::string>{path("given.txt")}));
    ASSERT_NE(problem_for("missing.txt"), nullptr);
    EXPECT_EQ(problem_for("missing.txt")->severity, corpus::Severity::problem);
    ASSERT_NE(problem_for("empty.txt"), nullptr);
    EXPECT_EQ(problem_for("empty.txt")->severity, corpus::Severity::problem);
    ASSERT_NE(problem_for("binary.txt"), nullptr);
    EXPECT_EQ(problem_for("binary.txt")->severity, corpus::Severity::skipped);
}

TEST_F(ReadPaths, ExtensionlessFilesAreSniffed) {
    write("in/page", "<!doctype html><html><body><p>From a page.</p></body></html>");
    write("in/lines", "{\"title\": \"L\", \"text\": \"From JSON.\"}\n");
    write("in/notes", "From plain text.\n");
    std::vector<std::string> first_paragraphs;
    corpus::read_paths(
        {path("in")}, {}, [&](corpus::RawDocument&& d) { first_paragraphs.push_back(d.paragraphs.at(0)); },
        [&](const corpus::Problem& p) { ADD_FAILURE() << p.to_string(); });
    EXPECT_EQ(first_paragraphs, (std::vector<std::string>{"From JSON.", "From plain text.", "From a page."}));
}

TEST_F(ReadPaths, LinkLoopGivenAsAPathIsNamedAsALoop) {
    write("given.txt", "Given text.\n");
    fs::create_symlink("ping", m_dir / "pong");  // pong -> ping -> pong
    fs::create_symlink("pong", m_dir / "ping");
    fs::create_symlink("nowhere", m_dir / "dangling");
    run({path("ping"), path("given.txt"), path("dangling")});
    EXPECT_EQ(m_sources, (std::vector<std::string>{path("given.txt")}));
    const auto* loop = problem_for("ping");
    ASSERT_NE(loop, nullptr);
    EXPECT_EQ(loop->severity, corpus::Severity::problem);
    EXPECT_NE(loop->message.find("loop of symbolic links"), std::string::npos) << loop->message;
    const auto* dangling = problem_for("dangling");
    ASSERT_NE(dangling, nullptr);
    EXPECT_EQ(dangling->message, "no such file or folder") << "a link to nothing is missing, not a loop";
}

TEST_F(ReadPaths, AHugeDocumentGoesOnInParts) {
    std::string lines;
    for (int i = 0; i < 25'000; ++i) lines += "Line " + std::to_string(i) + " is here.\n";
    write("many-lines.txt", lines);
    run({path("many-lines.txt")});
    EXPECT_EQ(m_sources.size(), 3u) << "25,000 paragraphs: parts of at most 10,000";
    ASSERT_EQ(m_problems.size(), 1u);
    EXPECT_EQ(m_problems[0].severity, corpus::Severity::note) << m_problems[0].to_string();
}

}  // namespace
}  // namespace verbatim
