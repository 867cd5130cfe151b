// corpus::read_html_file: the article text of a saved web page, without the page's chrome.

#include <verbatim/corpus/readers.hpp>

#include "collected.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

using test::Paragraphs;
using test::Read;

Read read_html(const std::string& path, std::string_view content) {
    Read r;
    corpus::read_html_file(path, content, r.documents_sink(), r.problems_sink());
    return r;
}

// A hand-written page in the shape of a government news site: navigation, scripts, a photo
// slider, a figure with its caption, and the article in an itemprop="articleBody" div.
constexpr const char* kPage = R"(<!DOCTYPE html>
<html lang="en">
<head>
  <title>Ferry keeps its evening crossing • Harbour News</title>
  <meta property="og:url" content="https://example.org/news/4711">
  <script>var tracker = function() { return "SCRIPT-JUNK"; };</script>
  <style>.slider { color: red; }</style>
</head>
<body>
  <nav><ul><li><a href="/">NAV-HOME</a></li><li><a href="/news">NAV-NEWS</a></li></ul></nav>
  <header><div class="logo">HEADER-LOGO</div></header>
  <main>
    <h1 class="entry-title">Ferry keeps its evening crossing</h1>
    <time datetime="2024-06-27T10:00:00Z">27 June 2024</time>
    <div class="slider" data-cycle-fx="fade"><img src="a.jpg" alt=""><span>SLIDER-TEXT</span></div>
    <figure><img src="b.jpg" alt=""><figcaption>CAPTION-TEXT: the ferry at dawn.</figcaption></figure>
    <div class="entry-content" itemprop="articleBody">
      <p>The island council voted on Tuesday to keep the evening ferry crossing.</p>
      <p>&ldquo;Shift workers depend on it,&rdquo; the harbour master said.</p>
      <script>document.write("INLINE-SCRIPT");</script>
      <p>The timetable  will be
         published next week.</p>
    </div>
    <aside>ASIDE-RELATED</aside>
  </main>
  <footer>FOOTER-COPYRIGHT</footer>
</body>
</html>
)";

TEST(HtmlReader, ArticleParagraphsExactly) {
    const auto r = read_html("site/news/4711.html", kPage);
    ASSERT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.documents.size(), 1u);
    const auto& d = r.documents[0];
    EXPECT_EQ(d.paragraphs, (Paragraphs{"The island council voted on Tuesday to keep the evening ferry crossing.",
                                        "\u201cShift workers depend on it,\u201d the harbour master said.",
                                        "The timetable will be published next week."}));
}

TEST(HtmlReader, MetadataFromTitleTimeAndOgUrl) {
    const auto r = read_html("site/news/4711.html", kPage);
    ASSERT_EQ(r.documents.size(), 1u);
    const auto& d = r.documents[0];
    EXPECT_EQ(d.title, "Ferry keeps its evening crossing");  // the <h1>, not the <title>
    EXPECT_EQ(d.date, "2024-06-27");
    EXPECT_EQ(d.url, "https://example.org/news/4711");
    EXPECT_EQ(d.source, "site/news/4711.html");
}

TEST(HtmlReader, NoChromeInTheText) {
    const auto r = read_html("site/news/4711.html", kPage);
    ASSERT_EQ(r.documents.size(), 1u);
    const std::string body = r.documents[0].body();
    for (const char* junk : {"NAV-", "HEADER-LOGO", "SCRIPT-JUNK", "INLINE-SCRIPT", "function(", "SLIDER-TEXT",
                             "CAPTION-TEXT", "ASIDE-RELATED", "FOOTER-COPYRIGHT", "color: red", "<"})
        EXPECT_EQ(body.find(junk), std::string::npos) << "'" << junk << "' in: " << body;
}

TEST(HtmlReader, WithoutArticleBodyFallsBackToArticleThenBody) {
    const auto with_article = read_html("a.html",
                                        "<html><body><nav>MENU</nav><article><h2>Sub</h2><p>Inside the article.</p>"
                                        "</article><p>Outside.</p></body></html>");
    ASSERT_EQ(with_article.documents.size(), 1u);
    EXPECT_EQ(with_article.documents[0].paragraphs, (Paragraphs{"Sub", "Inside the article."}));

    const auto body_only = read_html("b.html", "<html><body><nav>MENU</nav><p>Plain page.</p></body></html>");
    ASSERT_EQ(body_only.documents.size(), 1u);
    EXPECT_EQ(body_only.documents[0].paragraphs, (Paragraphs{"Plain page."}));
    EXPECT_EQ(body_only.documents[0].title, "");
}

TEST(HtmlReader, DateFromMetaWhenNoTimeElement) {
    const auto r = read_html("c.html",
                             "<html><head><meta property=\"article:published_time\" content=\"2023-11-05T08:00:00+03:00\">"
                             "<title>Page title</title></head><body><p>Text.</p></body></html>");
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].date, "2023-11-05");
    EXPECT_EQ(r.documents[0].title, "Page title");  // no <h1>: the <title>
}

TEST(HtmlReader, PageWithoutTextIsAProblem) {
    const auto r = read_html("empty.html", "<html><body><nav>Only navigation</nav><script>x()</script></body></html>");
    EXPECT_TRUE(r.documents.empty());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].file, "empty.html");
}

TEST(HtmlReader, InvalidUtf8IsAProblemWithItsLine) {
    const auto r = read_html("bad.html", "<html>\n<body>\n<p>bad \xC3\x28 byte</p>\n</body></html>");
    EXPECT_TRUE(r.documents.empty());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 3u);
}

// 100,000 nested elements: Gumbo's tree is built from a copy flattened to kMaxHtmlDepth, and
// the reader's walks over it use a stack of their own (they recursed, and overflowed the call
// stack at about 40,000 levels).
std::string nested(std::size_t depth, const std::string& tag, const std::string& inner) {
    std::string s;
    for (std::size_t i = 0; i < depth; ++i) s += "<" + tag + ">";
    s += inner;
    for (std::size_t i = 0; i < depth; ++i) s += "</" + tag + ">";
    return s;
}

TEST(HtmlReader, DeeplyNestedElementsKeepTheirTextWithOneProblem) {
    const auto r = read_html("news/deep.html", "<html><body>\n<p>Before the depths.</p>\n" +
                                                   nested(100'000, "div", "<p>The fair opens.</p>") +
                                                   "\n<p>After the depths.</p></body></html>");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].file, "news/deep.html");
    EXPECT_EQ(r.problems[0].line, 3u);
    EXPECT_NE(r.problems[0].message.find("nested more than 1000 deep"), std::string::npos) << r.problems[0].message;
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].paragraphs,
              (Paragraphs{"Before the depths.", "The fair opens.", "After the depths."}));
}

TEST(HtmlReader, NestingWithinTheLimitIsReadAsItIs) {
    const auto r = read_html("news/nested.html", "<html><body>" + nested(900, "div", "The fair opens.") +
                                                     nested(900, "span", " Twice.") + "</body></html>");
    EXPECT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].paragraphs, (Paragraphs{"The fair opens.", "Twice."}));
}

}  // namespace
}  // namespace verbatim

namespace verbatim {
namespace {

TEST(HtmlLead, TheLeadOutsideTheArticleBodyOpensTheDocument) {
    std::vector<corpus::RawDocument> docs;
    std::vector<corpus::Problem> problems;
    const std::string page =
        "<html><head><meta itemprop=\"description\" content=\"Not this.\"></head><body>"
        "<div itemprop=\"description\"><p>The governor opened the new ferry pier.</p></div>"
        "<div itemprop=\"articleBody\"><p>The pier cost two million.</p></div></body></html>";
    corpus::read_html_file("lead.html", page, [&](corpus::RawDocument&& d) { docs.push_back(std::move(d)); },
                           [&](const corpus::Problem& p) { problems.push_back(p); });
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].paragraphs,
              (std::vector<std::string>{"The governor opened the new ferry pier.", "The pier cost two million."}));
}

}  // namespace
}  // namespace verbatim
