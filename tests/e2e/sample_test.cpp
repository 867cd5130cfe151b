// verbatim-index extract on the project's own invented corpus (corpus/sample): every format
// is read, gold annotation files are not.

#include "e2e_support.hpp"

#include <filesystem>
#include <map>
#include <set>

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using test::json_lines;

const fs::path& sample_dir() {
    static const fs::path dir = fs::path(test::kSourceDir) / "corpus" / "sample";
    return dir;
}

class SampleExtract : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_result = new test::ProgramResult(test::run_program("verbatim-index", {"extract", sample_dir().string()}));
        s_statements = new std::vector<nlohmann::json>(json_lines(*s_result));
    }
    static void TearDownTestSuite() {
        delete s_statements;
        delete s_result;
        s_statements = nullptr;
        s_result = nullptr;
    }
    static std::map<std::string, std::vector<const nlohmann::json*>> by_source() {
        std::map<std::string, std::vector<const nlohmann::json*>> out;
        for (const auto& s : *s_statements) out[s.at("source").get<std::string>()].push_back(&s);
        return out;
    }
    static inline test::ProgramResult* s_result = nullptr;
    static inline std::vector<nlohmann::json>* s_statements = nullptr;
};

TEST_F(SampleExtract, ExitsZeroWithStatements) {
    ASSERT_EQ(s_result->status, 0) << test::dump_for_failure(*s_result);
    EXPECT_GE(s_statements->size(), 150u);
}

TEST_F(SampleExtract, EveryStatementHasTheContractFields) {
    for (const auto& s : *s_statements)
        for (auto key : test::kStatementKeys)
            EXPECT_TRUE(s.contains(std::string(key))) << "missing '" << key << "' in " << s.dump();
}

TEST_F(SampleExtract, EveryCorpusFileGivesStatements) {
    const auto sources = by_source();
    std::vector<std::string> expected;
    for (const auto& entry : fs::directory_iterator(sample_dir() / "press")) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".txt")) expected.push_back(entry.path().string());
    }
    ASSERT_EQ(expected.size(), 12u) << "the sample corpus has 12 press releases";
    expected.push_back((sample_dir() / "articles.jsonl").string());
    expected.push_back((sample_dir() / "transcript-statements.jsonl").string());
    expected.push_back((sample_dir() / "press-export.csv").string());
    for (const auto& source : expected) EXPECT_TRUE(sources.count(source)) << "no statement from " << source;
    EXPECT_EQ(sources.size(), expected.size()) << "statements from files that are no corpus text";
}

TEST_F(SampleExtract, GoldFilesAndReadmeAreSkipped) {
    for (const auto& s : *s_statements) {
        const auto source = s.at("source").get<std::string>();
        EXPECT_FALSE(source.ends_with(".gold.jsonl")) << source;
        EXPECT_FALSE(source.ends_with(".md")) << source;
    }
}

TEST_F(SampleExtract, PresetStatementsComeThroughAsGiven) {
    const auto sources = by_source();
    const auto it = sources.find((sample_dir() / "transcript-statements.jsonl").string());
    ASSERT_NE(it, sources.end());
    ASSERT_EQ(it->second.size(), 15u);  // 15 lines, each one statement (README)
    const std::set<std::string> speakers = {"Marina Yevseyeva", "Oleg Rudnitsky", "Sergei Avdonin",
                                            "Konstantin Lebedinsky", "Olga Faustova"};
    for (const auto* s : it->second) {
        EXPECT_EQ(s->at("kind"), "quote");
        EXPECT_TRUE(speakers.count(s->at("speaker").get<std::string>())) << s->dump();
        EXPECT_EQ(s->at("date"), "2025-10-16");
        EXPECT_EQ(s->at("region"), "Kaluga Region");
    }
}

TEST_F(SampleExtract, MultiDocumentFilesGiveOneDocPerItem) {
    const auto sources = by_source();
    auto docs_of = [&](const std::string& file) {
        std::set<std::string> docs;
        for (const auto* s : sources.at((sample_dir() / file).string())) docs.insert(s->at("doc").get<std::string>());
        return docs.size();
    };
    EXPECT_EQ(docs_of("articles.jsonl"), 4u);   // four article objects
    EXPECT_EQ(docs_of("press-export.csv"), 3u); // three CSV records
}

TEST_F(SampleExtract, HeaderMetadataReachesStatements) {
    const auto sources = by_source();
    const auto& first = sources.at((sample_dir() / "press" / "01-forum-regions-speakers.txt").string());
    ASSERT_FALSE(first.empty());
    for (const auto* s : first) {
        EXPECT_EQ(s->at("date"), "2024-06-27");
        EXPECT_EQ(s->at("url"), "https://example.org/verbatim-sample/01-forum-regions-speakers");
    }
}

TEST_F(SampleExtract, IdsAreUnique) {
    std::set<std::string> ids;
    for (const auto& s : *s_statements) EXPECT_TRUE(ids.insert(s.at("id").get<std::string>()).second) << s.at("id");
}

}  // namespace
}  // namespace verbatim
