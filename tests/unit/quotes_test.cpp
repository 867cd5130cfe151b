// segment::find_quotes: quotation spans of one paragraph (byte offsets), across mark styles.

#include <verbatim/segment/segments.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

using segment::Quote;
using segment::Range;

std::string inner_text(std::string_view p, const Quote& q) { return std::string(p.substr(q.inner.begin, q.inner.end - q.inner.begin)); }
std::string outer_text(std::string_view p, const Quote& q) { return std::string(p.substr(q.outer.begin, q.outer.end - q.outer.begin)); }

TEST(FindQuotes, CurlyDoubleQuotes) {
    const std::string p = "The mayor said: \u201cWe are ready.\u201d Then he left.";
    const auto quotes = segment::find_quotes(p, false);
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_EQ(quotes[0], (Quote{Range{19, 32}, Range{16, 35}, false, false}));
    EXPECT_EQ(inner_text(p, quotes[0]), "We are ready.");
    EXPECT_EQ(outer_text(p, quotes[0]), "\u201cWe are ready.\u201d");
}

TEST(FindQuotes, StraightDoubleQuotes) {
    const std::string p = "He said \"we are ready\" and left.";
    const auto quotes = segment::find_quotes(p, false);
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_EQ(quotes[0], (Quote{Range{9, 21}, Range{8, 22}, false, false}));
}

TEST(FindQuotes, Guillemets) {
    const std::string p = "She said: \u00abWe are ready.\u00bb Then she left.";
    const auto quotes = segment::find_quotes(p, false);
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_EQ(inner_text(p, quotes[0]), "We are ready.");
    EXPECT_EQ(quotes[0].outer, (Range{10, 27}));
}

TEST(FindQuotes, LowNinetyNineOpensAndSixtySixCloses) {
    const std::string p = "\u201eWe are ready\u201c, she said.";
    const auto quotes = segment::find_quotes(p, false);
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_EQ(quotes[0].inner, (Range{3, 15}));
    EXPECT_EQ(quotes[0].outer, (Range{0, 18}));
    EXPECT_EQ(inner_text(p, quotes[0]), "We are ready");
}

TEST(FindQuotes, NestedSingleQuotesStayInsideOneSpan) {
    const std::string p = "\u201cHe told me \u2018never again\u2019 and left,\u201d she said.";
    const auto quotes = segment::find_quotes(p, false);
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_EQ(inner_text(p, quotes[0]), "He told me \u2018never again\u2019 and left,");
    EXPECT_FALSE(quotes[0].open_at_end);

    const std::string straight_inside = "\u201cHe said \"no\" twice,\u201d she said.";
    const auto q2 = segment::find_quotes(straight_inside, false);
    ASSERT_EQ(q2.size(), 1u);
    EXPECT_EQ(inner_text(straight_inside, q2[0]), "He said \"no\" twice,");
}

TEST(FindQuotes, SingleQuotesAloneAreNoQuotation) {
    EXPECT_TRUE(segment::find_quotes("\u2018Single marks\u2019 are only nested quotes here.", false).empty());
}

TEST(FindQuotes, ApostrophesAndInchMarksDoNotOpen) {
    EXPECT_TRUE(segment::find_quotes("The region\u2019s mayor said it\u2019s fine and the 12\" record isn't.", false).empty());
    EXPECT_TRUE(segment::find_quotes("Officials' plans and the governors' report.", false).empty());
}

TEST(FindQuotes, UnclosedAtParagraphEnd) {
    const std::string p = "She said: \u201cWe will keep building";
    const auto quotes = segment::find_quotes(p, false);
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_TRUE(quotes[0].open_at_end);
    EXPECT_FALSE(quotes[0].continued);
    EXPECT_EQ(quotes[0].inner, (Range{13, p.size()}));
    EXPECT_EQ(quotes[0].outer, (Range{10, p.size()}));
}

TEST(FindQuotes, ContinuedParagraphOpensWithAMark) {
    const std::string p = "\u201cAnd we will finish it,\u201d she added.";
    const auto continued = segment::find_quotes(p, true);
    ASSERT_EQ(continued.size(), 1u);
    EXPECT_TRUE(continued[0].continued);
    EXPECT_EQ(inner_text(p, continued[0]), "And we will finish it,");

    const auto fresh = segment::find_quotes(p, false);
    ASSERT_EQ(fresh.size(), 1u);
    EXPECT_FALSE(fresh[0].continued);

    // A mark later in the paragraph does not continue the previous quotation.
    const auto later = segment::find_quotes("She added: \u201cAnd more.\u201d", true);
    ASSERT_EQ(later.size(), 1u);
    EXPECT_FALSE(later[0].continued);
}

TEST(FindQuotes, StrayClosingMarkMeansTheParagraphBeganInsideAQuote) {
    const std::string p = "and we will finish it,\u201d she added.";
    const auto quotes = segment::find_quotes(p, false);
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_EQ(quotes[0].inner, (Range{0, 22}));
    EXPECT_EQ(quotes[0].outer, (Range{0, 25}));
    EXPECT_EQ(inner_text(p, quotes[0]), "and we will finish it,");

    // A closing mark as the very first character encloses nothing.
    EXPECT_TRUE(segment::find_quotes("\u201d Then he left.", false).empty());
}

TEST(FindQuotes, SecondOpeningMarkClosesAForgottenQuote) {
    const std::string p = "\u201cFirst part \u201csecond part\u201d end";
    const auto quotes = segment::find_quotes(p, false);
    ASSERT_EQ(quotes.size(), 2u);
    EXPECT_EQ(inner_text(p, quotes[0]), "First part ");
    EXPECT_EQ(inner_text(p, quotes[1]), "second part");
}

TEST(FindQuotes, SeveralQuotesInOrderAndEmptyOnesDropped) {
    const std::string p = "\u201cYes,\u201d he said, \u201cand no.\u201d Then \"\" nothing.";
    const auto quotes = segment::find_quotes(p, false);
    ASSERT_EQ(quotes.size(), 2u);
    EXPECT_EQ(inner_text(p, quotes[0]), "Yes,");
    EXPECT_EQ(inner_text(p, quotes[1]), "and no.");
    EXPECT_LT(quotes[0].outer.end, quotes[1].outer.begin);
}

TEST(Segment, QuotationOpenAtTheEndContinuesInTheNextParagraph) {
    corpus::RawDocument doc;
    doc.paragraphs = {"She said: \u201cWe will keep building.", "\u201cAnd we will finish it,\u201d she added.",
                      "The end."};
    const auto paragraphs = segment::segment(doc);
    ASSERT_EQ(paragraphs.size(), 3u);
    ASSERT_EQ(paragraphs[1].quotes.size(), 1u);
    EXPECT_TRUE(paragraphs[0].quotes.at(0).open_at_end);
    EXPECT_TRUE(paragraphs[1].quotes[0].continued);
    EXPECT_TRUE(paragraphs[2].quotes.empty());
    // body offsets count code points, paragraphs joined by '\n'
    EXPECT_EQ(paragraphs[0].body_offset, 0u);
    EXPECT_EQ(paragraphs[1].body_offset, 34u);  // 33 code points + '\n'
    EXPECT_EQ(paragraphs[2].body_offset, 34u + 36u);  // + 35 code points + '\n'
}

}  // namespace
}  // namespace verbatim
