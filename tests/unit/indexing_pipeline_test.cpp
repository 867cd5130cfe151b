// index::run_pipeline: statements spread over several databases by id, in the order of a
// single-threaded run (re-indexing replaces, the later of two equal ids wins), the manifest in
// the first database, pruned sources removed everywhere. Written with its own small corpus.

#include "temp_dir.hpp"
#include "test_config.hpp"

#include <verbatim/attribute/gazetteer.hpp>
#include <verbatim/index/indexing_pipeline.hpp>
#include <verbatim/index/layout.hpp>
#include <verbatim/index/record.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/text/unicode.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

namespace verbatim {
namespace {

namespace fs = std::filesystem;

class Pipeline : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_gazetteer = std::make_unique<attribute::Gazetteer>(attribute::Gazetteer::load(test::kDataDir));
        s_attributor = std::make_unique<attribute::Attributor>(*s_gazetteer);
    }

    void write(const std::string& name, const std::string& content) {
        fs::create_directories((m_dir / "c" / name).parent_path());
        std::ofstream(m_dir / "c" / name, std::ios::binary) << content;
    }
    // 1,500 statements of one JSON Lines file (two chunks); id s5 comes again near the end.
    void write_statements() {
        std::string lines;
        for (int i = 0; i < 1500; ++i) {
            const int id = i == 1400 ? 5 : i;
            lines += nlohmann::json{{"id", "s" + std::to_string(id)}, {"speaker", "Anna Kowal"}, {"kind", "quote"},
                                    {"text", "Statement number " + std::to_string(i) + " about the ferry."}}
                         .dump() +
                     "\n";
        }
        write("statements.jsonl", lines);
    }

    // Runs the pipeline over `count` databases of generation `generation` on every file of c/.
    index::PipelineResult run(std::size_t count, std::size_t jobs, const std::vector<index::ManifestEntry>& removed = {}) {
        std::vector<std::unique_ptr<index::IndexWriter>> writers;
        std::vector<index::IndexWriter*> pointers;
        for (const auto& path : index::generation_databases(m_dir.path().string(), 1, count)) {
            fs::create_directories(fs::path(path).parent_path());
            writers.push_back(std::make_unique<index::IndexWriter>(path, index::WriterOptions{500}));
            pointers.push_back(writers.back().get());
        }
        std::vector<index::PlannedFile> files;
        for (const auto& p : corpus::list_files({(m_dir / "c").string()}, [](const corpus::Problem&) {})) {
            index::PlannedFile f;
            f.path = p;
            f.entry.path = corpus::normal_path(p);
            f.entry.size = fs::file_size(p);
            f.entry.hash = "h";
            files.push_back(f);
        }
        index::PipelineOptions options;
        options.jobs = jobs;
        options.batch = 500;
        index::PipelineCounters counters;
        return index::run_pipeline(pointers, *s_attributor, removed, files, {}, options, [](const corpus::Problem&) {}, counters);
    }

    std::vector<Xapian::Database> databases(std::size_t count) const {
        std::vector<Xapian::Database> out;
        for (const auto& path : index::generation_databases(m_dir.path().string(), 1, count)) out.emplace_back(path);
        return out;
    }

    // Statement id → its text, over all databases; a test failure for an id held twice.
    std::map<std::string, std::string> statements(std::size_t count) const {
        std::map<std::string, std::string> out;
        for (const auto& db : databases(count))
            for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
                const Statement s = index::decode_record(db.get_document(*it).get_data());
                EXPECT_TRUE(out.emplace(s.id, s.text).second) << "two copies of " << s.id;
            }
        return out;
    }

    static std::unique_ptr<attribute::Gazetteer> s_gazetteer;
    static std::unique_ptr<attribute::Attributor> s_attributor;
    test::TempDir m_dir;
};

std::unique_ptr<attribute::Gazetteer> Pipeline::s_gazetteer;
std::unique_ptr<attribute::Attributor> Pipeline::s_attributor;

TEST_F(Pipeline, SeveralDatabasesHoldWhatOneHolds) {
    write_statements();
    write("a.txt", "Mayor Oleg Titov said that the bridge would open in May.\nThe harbour is busy.\n");
    const auto one = run(1, 1);
    const auto in_one = statements(1);
    EXPECT_EQ(one.statements, 1502u);
    // Again, into a fresh generation of three databases with four threads.
    fs::remove_all(m_dir / "gen-1");
    const auto three = run(3, 4);
    EXPECT_EQ(three.statements, one.statements);
    EXPECT_EQ(statements(3), in_one);
    EXPECT_EQ(in_one.size(), 1501u);  // s5 twice in the file: one statement
    for (const auto& db : databases(3)) EXPECT_GT(db.get_doccount(), 300u) << "statements spread over the databases";
}

TEST_F(Pipeline, TheLaterOfTwoEqualIdsWins) {
    write_statements();
    run(3, 4);
    const auto all = statements(3);
    const std::string file = text::stable_hash(corpus::normal_path((m_dir / "c" / "statements.jsonl").string()));
    EXPECT_EQ(all.at(file + "-s5"), "Statement number 1400 about the ferry.");
}

TEST_F(Pipeline, AChangedFileLeavesNothingBehindInAnyDatabase) {
    write_statements();
    run(3, 2);
    write("statements.jsonl", "{\"id\": \"s1\", \"speaker\": \"Anna Kowal\", \"kind\": \"quote\", \"text\": \"Only this.\"}\n");
    run(3, 2);
    const auto all = statements(3);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all.begin()->second, "Only this.");
}

TEST_F(Pipeline, TheManifestIsInTheFirstDatabaseWithWhatEachFileGave) {
    write_statements();
    write("a.txt", "The harbour is busy.\n");
    run(2, 2);
    const auto dbs = databases(2);
    const auto manifest = index::read_manifest(dbs[0]);
    ASSERT_EQ(manifest.size(), 2u);
    EXPECT_EQ(manifest.at(corpus::normal_path((m_dir / "c" / "statements.jsonl").string())).statements, 1500u);
    EXPECT_EQ(manifest.at(corpus::normal_path((m_dir / "c" / "a.txt").string())).statements, 1u);
    EXPECT_TRUE(index::read_manifest(dbs[1]).empty());
}

TEST_F(Pipeline, APrunedSourceGoesFromEveryDatabaseWithItsEntry) {
    write_statements();
    write("a.txt", "The harbour is busy.\n");
    run(2, 2);
    const std::string gone = corpus::normal_path((m_dir / "c" / "statements.jsonl").string());
    const auto entry = index::read_manifest(databases(2)[0]).at(gone);
    fs::remove(m_dir / "c" / "statements.jsonl");
    fs::remove(m_dir / "c" / "a.txt");
    run(2, 2, {entry});
    for (const auto& db : databases(2)) EXPECT_EQ(db.get_termfreq(index::DocumentBuilder::source_term(gone)), 0u);
    EXPECT_EQ(statements(2).size(), 1u);  // a.txt's statement: not pruned, only its file is gone
    const auto manifest = index::read_manifest(databases(2)[0]);
    EXPECT_EQ(manifest.count(gone), 0u);
    EXPECT_EQ(manifest.size(), 1u);
}

}  // namespace
}  // namespace verbatim
