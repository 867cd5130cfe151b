// format::to_json / statement_from_json / to_json_line: the statement contract as JSON.

#include <verbatim/format/json.hpp>
#include <verbatim/format/text.hpp>

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

namespace verbatim {
namespace {

Statement full_statement() {
    Statement s;
    s.id = "0123456789abcdef-2-1";
    s.source = "press/ferry.txt";
    s.doc = "0123456789abcdef";
    s.paragraph = 2;
    s.start = 310;
    s.end = 377;
    s.text = "\u201cTwo new ferries,\u201d said Mair\u00ed Ross.";
    s.kind = Kind::reported;
    s.speaker = "Mair\u00ed Ross";
    s.role = "Harbour Master";
    s.organisation = "Portree Harbour Trust";
    s.region = "Highland";
    s.country = "United Kingdom";
    s.date = "2024-06-27";
    s.title = "Island ferry";
    s.url = "https://example.org/ferry?a=1&b=2";
    s.quotes = {{310, 330}, {340, 350}};
    s.mentions = {"Orkney", "Shetland"};
    s.evidence = "'said Mair\u00ed Ross'";
    s.confidence = 0.75;
    return s;
}

TEST(JsonFormat, RoundTripIsEqual) {
    const Statement s = full_statement();
    EXPECT_EQ(format::statement_from_json(format::to_json(s)), s);
    const Statement empty;
    EXPECT_EQ(format::statement_from_json(format::to_json(empty)), empty);
}

TEST(JsonFormat, RoundTripThroughALine) {
    const Statement s = full_statement();
    const std::string line = format::to_json_line(format::to_json(s));
    EXPECT_EQ(format::statement_from_json(nlohmann::json::parse(line)), s);
}

TEST(JsonFormat, ExactKeySet) {
    const auto j = format::to_json(full_statement());
    std::set<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.insert(it.key());
    EXPECT_EQ(keys, (std::set<std::string>{"id", "source", "doc", "paragraph", "start", "end", "text", "kind", "speaker",
                                           "role", "organisation", "region", "country", "date", "title", "url", "quotes",
                                           "mentions", "evidence", "confidence"}));
}

TEST(JsonFormat, FieldShapes) {
    const auto j = format::to_json(full_statement());
    EXPECT_EQ(j.at("kind"), "reported");
    EXPECT_EQ(j.at("paragraph"), 2);
    EXPECT_EQ(j.at("quotes"), nlohmann::json::parse("[[310,330],[340,350]]"));
    EXPECT_EQ(j.at("mentions"), nlohmann::json::parse(R"(["Orkney","Shetland"])"));
    EXPECT_DOUBLE_EQ(j.at("confidence").get<double>(), 0.75);
    EXPECT_TRUE(format::to_json(Statement{}).at("quotes").is_array());
    EXPECT_TRUE(format::to_json(Statement{}).at("mentions").is_array());
}

TEST(JsonFormat, LineHasNoNewlineEvenWhenTheTextHasOne) {
    Statement s = full_statement();
    s.text = "First line\nsecond line\r\n";
    const std::string line = format::to_json_line(format::to_json(s));
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(line.find('\r'), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(line).at("text"), s.text);
}

TEST(JsonFormat, LineSurvivesInvalidUtf8) {
    Statement s = full_statement();
    s.text = "bad \xC3\x28 byte";
    s.speaker = "\xff";
    std::string line;
    ASSERT_NO_THROW(line = format::to_json_line(format::to_json(s)));
    const auto back = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(back.is_discarded()) << line;
    EXPECT_EQ(back.at("text"), "bad \ufffd( byte");  // the bad byte replaced, the rest kept
    EXPECT_EQ(back.at("speaker"), "\ufffd");
    EXPECT_EQ(back.at("id"), s.id);
}

TEST(JsonFormat, LenientReading) {
    // Missing keys and wrong types give defaults instead of exceptions.
    const auto s = format::statement_from_json(nlohmann::json::parse(
        R"({"id": "x", "kind": "bogus", "speaker": 5, "quotes": [[1], "no", [3, 4]], "mentions": ["A", 2]})"));
    EXPECT_EQ(s.id, "x");
    EXPECT_EQ(s.kind, Kind::narrative);
    EXPECT_EQ(s.speaker, "");
    EXPECT_EQ(s.quotes, (std::vector<Span>{{3, 4}}));
    EXPECT_EQ(s.mentions, (std::vector<std::string>{"A"}));
}

TEST(JsonFormat, HitCarriesRankAndScore) {
    search::Hit hit;
    hit.statement = full_statement();
    hit.rank = 3;
    hit.score = 1.5;
    const auto j = format::hit_to_json(hit);
    EXPECT_EQ(j.at("rank"), 3);
    EXPECT_DOUBLE_EQ(j.at("score").get<double>(), 1.5);
    EXPECT_EQ(j.at("id"), hit.statement.id);
}

TEST(TextFormat, ShowsSpeakerAndPlace) {
    search::SearchResults results;
    search::Hit hit;
    hit.statement = full_statement();
    hit.rank = 1;
    results.hits.push_back(hit);
    std::ostringstream out;
    format::write_text(out, results, {});
    const std::string text = out.str();
    EXPECT_EQ(text.rfind("1. ", 0), 0u) << text;
    EXPECT_NE(text.find("Mair\u00ed Ross \u2014 Harbour Master, Highland, United Kingdom"), std::string::npos) << text;
    EXPECT_EQ(text.find("\x1b["), std::string::npos);  // no colour unless asked
}

}  // namespace
}  // namespace verbatim
