// The HTTP handlers without sockets: status codes, JSON shape, bad parameters.

#include <verbatim/api/search_api.hpp>
#include <verbatim/index/index_writer.hpp>

#include "temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace verbatim {
namespace {

Statement make(const std::string& doc, std::size_t paragraph, const std::string& text, const std::string& speaker) {
    Statement s;
    s.doc = doc;
    s.source = doc + ".txt";
    s.paragraph = paragraph;
    s.id = doc + "-" + std::to_string(paragraph) + "-0";
    s.text = text;
    s.speaker = speaker;
    s.kind = speaker.empty() ? Kind::narrative : Kind::quote;
    s.country = "Russia";
    s.date = "2024-05-0" + std::to_string(paragraph + 1);
    return s;
}

class SearchApiTest : public ::testing::Test {
protected:
    void SetUp() override {
        {
            index::IndexWriter writer(m_dir.path().string());
            writer.add({make("d1", 0, "The ferry to the islands runs twice a day.", "Olga Demina"),
                        make("d1", 1, "The new pier opens in June.", "Olga Demina"),
                        make("d1", 2, "Fishermen welcomed the decision.", "")});
            writer.add({make("d2", 0, "Winter roads to the islands close in April.", "Pavel Lunin")});
            writer.commit();
        }
        m_searcher = std::make_shared<search::Searcher>(m_dir.path().string());
        m_api = std::make_unique<api::SearchApi>([this] { return m_searcher; });
    }

    api::ApiResponse get(const std::string& path, std::multimap<std::string, std::string> params = {}) {
        api::ApiRequest r;
        r.path = path;
        r.params = std::move(params);
        return m_api->handle(r);
    }

    test::TempDir m_dir;
    std::shared_ptr<const search::Searcher> m_searcher;
    std::unique_ptr<api::SearchApi> m_api;
};

TEST_F(SearchApiTest, SearchReturnsHitsWithTheStatementSchema) {
    const auto r = get("/api/search", {{"q", "islands"}, {"limit", "5"}});
    ASSERT_EQ(r.status, 200) << r.body;
    const auto j = nlohmann::json::parse(r.body);
    ASSERT_EQ(j.at("hits").size(), 2u);
    for (const auto& key : {"id", "text", "speaker", "kind", "date", "rank", "score", "snippet", "highlights", "also_in"})
        EXPECT_TRUE(j["hits"][0].contains(key)) << key;
    EXPECT_EQ(j.at("total"), 2);
}

TEST_F(SearchApiTest, FiltersAndFacets) {
    const auto r = get("/api/search", {{"q", "islands"}, {"speaker", "Pavel Lunin"}, {"facets", "speaker,kind"}});
    ASSERT_EQ(r.status, 200) << r.body;
    const auto j = nlohmann::json::parse(r.body);
    ASSERT_EQ(j.at("hits").size(), 1u);
    EXPECT_EQ(j["hits"][0].at("speaker"), "Pavel Lunin");
    EXPECT_EQ(j.at("facets").at("speaker")[0].at("value"), "Pavel Lunin");
}

TEST_F(SearchApiTest, BadParametersAre400) {
    EXPECT_EQ(get("/api/search", {{"q", "x"}, {"limit", "1000"}}).status, 400);
    EXPECT_EQ(get("/api/search", {{"q", "x"}, {"limit", "ten"}}).status, 400);
    EXPECT_EQ(get("/api/search", {{"q", "x"}, {"sort", "sideways"}}).status, 400);
    EXPECT_EQ(get("/api/search", {{"q", "kind:bogus"}}).status, 400);
    EXPECT_EQ(get("/api/search", {{"q", std::string(3000, 'a')}}).status, 400);
    EXPECT_EQ(get("/api/search", {{"q", "bad \xFF byte"}}).status, 400);
    const auto j = nlohmann::json::parse(get("/api/search", {{"q", "x"}, {"limit", "1000"}}).body);
    EXPECT_EQ(j.at("error").at("status"), 400);
    EXPECT_FALSE(j.at("error").at("message").get<std::string>().empty());
}

TEST_F(SearchApiTest, StatementWithItsNeighbours) {
    const auto r = get("/api/statements/d1-1-0", {{"context", "1"}});
    ASSERT_EQ(r.status, 200) << r.body;
    const auto j = nlohmann::json::parse(r.body);
    EXPECT_EQ(j.at("statement").at("text"), "The new pier opens in June.");
    ASSERT_EQ(j.at("before").size(), 1u);
    EXPECT_EQ(j["before"][0].at("id"), "d1-0-0");
    ASSERT_EQ(j.at("after").size(), 1u);
    EXPECT_EQ(j["after"][0].at("id"), "d1-2-0");
    EXPECT_EQ(get("/api/statements/no-such-id").status, 404);
}

TEST_F(SearchApiTest, VerifyNeedsTextAndGivesAVerdict) {
    EXPECT_EQ(get("/api/verify").status, 400);
    const auto r = get("/api/verify", {{"text", "The ferry to the islands runs twice a week."}});
    ASSERT_EQ(r.status, 200) << r.body;
    const auto j = nlohmann::json::parse(r.body);
    ASSERT_FALSE(j.at("matches").empty());
    EXPECT_EQ(j["matches"][0].at("verdict"), "near");
}

TEST_F(SearchApiTest, SuggestCompletesNamesFirst) {
    const auto j = nlohmann::json::parse(get("/api/suggest", {{"q", "ferry lun"}}).body);
    ASSERT_FALSE(j.at("suggestions").empty());
    EXPECT_EQ(j["suggestions"][0].at("text"), "lunin");
    EXPECT_EQ(j["suggestions"][0].at("kind"), "speaker");
}

TEST_F(SearchApiTest, HealthUnknownPathsAndMethods) {
    const auto health = nlohmann::json::parse(get("/healthz").body);
    EXPECT_EQ(health.at("statements"), 4);
    EXPECT_EQ(get("/api/nothing").status, 404);
    api::ApiRequest post;
    post.method = "POST";
    post.path = "/api/search";
    EXPECT_EQ(m_api->handle(post).status, 405);
}

TEST(SearchApiRoutes, OneTableListsEveryEndpoint) {
    std::vector<std::string> patterns;
    for (const auto& r : api::SearchApi::routes()) patterns.push_back(r.pattern);
    EXPECT_EQ(patterns, (std::vector<std::string>{"/api/search", "/api/statements/{id}", "/api/verify", "/api/suggest", "/healthz"}));
}

}  // namespace
}  // namespace verbatim
