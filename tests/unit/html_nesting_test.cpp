// corpus::flatten_html_nesting: the depth of a page read from its markup, and the copy whose
// tags past the limit are left out with their text kept.

#include <verbatim/corpus/html_nesting.hpp>

#include <gtest/gtest.h>

#include <string>

namespace verbatim {
namespace {

using corpus::flatten_html_nesting;

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

TEST(HtmlNesting, PagesWithinTheLimitAreLeftAlone) {
    EXPECT_FALSE(flatten_html_nesting("<html><body><div><p>Text</p></div></body></html>"));
    EXPECT_FALSE(flatten_html_nesting(repeat("<div>", 10) + "x" + repeat("</div>", 10), 10));
    EXPECT_FALSE(flatten_html_nesting(repeat("<div>", 10) + "x", 10));  // unclosed, but 10 deep
}

TEST(HtmlNesting, TagsPastTheLimitAreLeftOutAndTheirTextKept) {
    const auto flat = flatten_html_nesting("<body>\n" + repeat("<div>", 12) + "deep text" + repeat("</div>", 12) + " after", 10);
    ASSERT_TRUE(flat);
    EXPECT_EQ(flat->tags_left_out, 4u);  // the 11th and 12th <div> and their end tags
    EXPECT_EQ(flat->first_line, 2u);
    EXPECT_EQ(flat->html.find(repeat("<div>", 11)), std::string::npos);
    EXPECT_NE(flat->html.find(repeat("<div>", 10)), std::string::npos);
    EXPECT_NE(flat->html.find("deep text"), std::string::npos);
    EXPECT_NE(flat->html.find(repeat("</div>", 10) + " after"), std::string::npos);
    EXPECT_EQ(flat->html.find(repeat("</div>", 11)), std::string::npos);
    EXPECT_FALSE(flatten_html_nesting(flat->html, 10)) << "the copy is within the limit";
}

TEST(HtmlNesting, UnclosedSpansAndSelfClosingDivsCount) {
    const auto spans = flatten_html_nesting("<p>" + repeat("<span>", 100'000) + "The fair opens.</p>");
    ASSERT_TRUE(spans);
    EXPECT_EQ(spans->tags_left_out, 100'000u - corpus::kMaxHtmlDepth);
    EXPECT_NE(spans->html.find("The fair opens."), std::string::npos);
    // In HTML (not in SVG) "<div/>" opens a div like "<div>".
    EXPECT_TRUE(flatten_html_nesting(repeat("<div/>", 11), 10));
}

TEST(HtmlNesting, WhatDoesNotNestIsNotCounted) {
    // End tags that may be left out: the next <p>, <li>, <td> closes the one before.
    EXPECT_FALSE(flatten_html_nesting("<ul>" + repeat("<li>item", 5000) + "</ul>", 10));
    EXPECT_FALSE(flatten_html_nesting(repeat("<p>paragraph", 5000), 10));
    EXPECT_FALSE(flatten_html_nesting("<table>" + repeat("<tr><td>cell", 5000) + "</table>", 10));
    // Void elements, self-closing SVG, comments, doctype, script and style contents.
    EXPECT_FALSE(flatten_html_nesting(repeat("<br><img src=a.jpg><hr/>", 5000), 10));
    EXPECT_FALSE(flatten_html_nesting("<svg>" + repeat("<path d=\"M0 0\"/>", 5000) + "</svg>", 10));
    EXPECT_FALSE(flatten_html_nesting("<!DOCTYPE html><!-- " + repeat("<div>", 5000) + " -->", 10));
    EXPECT_FALSE(flatten_html_nesting("<script>var s = '" + repeat("<div>", 5000) + "';</script><p>x", 10));
    EXPECT_FALSE(flatten_html_nesting("<STYLE>" + repeat("<b>", 5000) + "</style>", 10));
    // A '>' inside a quoted attribute value does not end the tag; a '<' in text is no tag.
    EXPECT_FALSE(flatten_html_nesting(repeat("<a title=\"a > b <div>\">x</a>", 5000), 10));
    EXPECT_FALSE(flatten_html_nesting(repeat("1 < 2 <3 ", 5000), 10));
    // Stray end tags close nothing.
    EXPECT_FALSE(flatten_html_nesting(repeat("</div>", 5000) + repeat("<div>", 10), 10));
}

TEST(HtmlNesting, UnfinishedMarkupAtTheEndOfThePage) {
    for (const std::string tail : {"<", "</", "<div", "<div class=\"x", "<!--", "<!DOCTYPE", "<script>x"})
        EXPECT_FALSE(flatten_html_nesting(repeat("<div>", 5) + tail, 10)) << tail;
    const auto flat = flatten_html_nesting(repeat("<div>", 11) + "<div class=\"never closed", 10);
    ASSERT_TRUE(flat);
    EXPECT_EQ(flat->tags_left_out, 2u);
}

}  // namespace
}  // namespace verbatim
