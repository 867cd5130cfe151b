// index::mark_copies: slot 6 (the collapse key) only on statements that have a copy, across
// the databases of one index, kept true when copies come and go; and what the searcher makes
// of it (one hit for copies, every statement without copies its own hit).

#include "temp_dir.hpp"

#include <verbatim/index/copies.hpp>
#include <verbatim/index/document_builder.hpp>
#include <verbatim/index/index_writer.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/search/searcher.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace verbatim {
namespace {

Statement statement(const std::string& id, const std::string& doc, const std::string& text) {
    Statement s;
    s.id = id;
    s.doc = doc;
    s.source = "fixture/" + doc + ".txt";
    s.text = text;
    s.kind = Kind::quote;
    s.speaker = "Anna Kowal";
    return s;
}

const std::string kFerries = "We will order two new ferries for the lake.";
const std::string kBridge = "The bridge opens to traffic in spring.";
const std::string kPort = "The river port handled more grain than ever.";

// Statement id → its slot 6 value, over the databases.
std::map<std::string, std::string> keys(const std::vector<std::string>& paths) {
    std::map<std::string, std::string> out;
    for (const auto& path : paths) {
        const Xapian::Database db(path);
        for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
            const Xapian::Document doc = db.get_document(*p);
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
                if ((*t)[0] == 'Q') out[*t] = doc.get_value(schema::slot::collapse);
        }
    }
    return out;
}
std::string id(const std::string& statement_id) { return index::DocumentBuilder::id_term(statement_id); }

class Copies : public ::testing::Test {
protected:
    void write(const std::string& path, const std::vector<Statement>& statements) {
        index::IndexWriter writer(path);
        writer.add(statements);
        writer.commit();
    }
    std::vector<std::string> paths() const { return {(m_dir / "part-0").string(), (m_dir / "part-1").string()}; }
    test::TempDir m_dir;
};

TEST_F(Copies, OnlyStatementsWithACopyGetTheKeyAcrossDatabases) {
    write(paths()[0], {statement("a-0-0", "aaaa000000000001", kFerries), statement("a-0-1", "aaaa000000000001", kBridge)});
    write(paths()[1], {statement("b-0-0", "bbbb000000000002", kFerries), statement("b-0-1", "bbbb000000000002", kPort)});
    EXPECT_EQ(keys(paths())[id("a-0-0")], "") << "nothing is marked before mark_copies";

    const index::CopyMarks marks = index::mark_copies(paths());
    EXPECT_EQ(marks.keys_shared, 1u);
    EXPECT_EQ(marks.marked, 2u);
    auto k = keys(paths());
    const std::string ferries = index::DocumentBuilder::collapse_key(kFerries);
    EXPECT_EQ(k[id("a-0-0")], ferries);
    EXPECT_EQ(k[id("b-0-0")], ferries);
    EXPECT_EQ(k[id("a-0-1")], "");
    EXPECT_EQ(k[id("b-0-1")], "");
    EXPECT_EQ(index::mark_copies(paths()).marked, 0u) << "a second run finds nothing to do";

    // The copy in part 1 is replaced by other words: the statement in part 0 has none left.
    write(paths()[1], {statement("b-0-0", "bbbb000000000002", kPort + " Again."), statement("b-0-1", "bbbb000000000002", kPort)});
    const index::CopyMarks again = index::mark_copies(paths());
    EXPECT_EQ(again.unmarked, 1u);
    k = keys(paths());
    EXPECT_EQ(k[id("a-0-0")], "");
    EXPECT_EQ(k[id("b-0-0")], "");
}

TEST_F(Copies, TheSearcherCollapsesMarkedCopiesAndKeepsEveryOtherStatement) {
    write(paths()[0], {statement("a-0-0", "aaaa000000000001", kFerries), statement("a-0-1", "aaaa000000000001", kBridge),
                       statement("a-0-2", "aaaa000000000001", kPort)});
    write(paths()[1], {statement("b-0-0", "bbbb000000000002", kFerries)});
    index::mark_copies(paths());
    Xapian::Database both;
    for (const auto& p : paths()) both.add_database(Xapian::Database(p));
    const search::Searcher searcher(both);

    search::SearchRequest r;
    r.query = "ferries OR bridge OR port";
    r.count_all = true;
    const auto results = searcher.search(r);
    ASSERT_EQ(results.hits.size(), 3u) << "the two copies are one hit, the two statements without copies one each";
    EXPECT_EQ(results.estimated_total, 3u);
    for (const auto& hit : results.hits) {
        if (hit.statement.text == kFerries) {
            ASSERT_EQ(hit.also_in.size(), 1u);
        } else {
            EXPECT_TRUE(hit.also_in.empty()) << hit.statement.id;
        }
    }
    r.collapse = false;
    EXPECT_EQ(searcher.search(r).hits.size(), 4u);
}

TEST_F(Copies, ThePendingNoteGoesWithTheMarking) {
    write(paths()[0], {statement("a-0-0", "aaaa000000000001", kFerries)});
    write(paths()[1], {statement("b-0-0", "bbbb000000000002", kFerries)});
    {
        Xapian::WritableDatabase first(paths()[0]);
        index::set_copies_pending(first);
        first.commit();
    }
    EXPECT_TRUE(index::copies_pending(Xapian::Database(paths()[0])));
    index::mark_copies(paths());
    EXPECT_FALSE(index::copies_pending(Xapian::Database(paths()[0])));
}

}  // namespace
}  // namespace verbatim
