// corpus::split_paragraphs: one paragraph per line, or blank-line blocks of wrapped prose.

#include <verbatim/corpus/readers.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

using Paragraphs = std::vector<std::string>;

TEST(SplitParagraphs, OnePerLineWhenEveryLineEndsASentence) {
    EXPECT_EQ(corpus::split_paragraphs("The mayor opened the bridge.\n"
                                       "It carries four lanes of traffic.\n"
                                       "\u201cWe waited ten years,\u201d she said.\n"),
              (Paragraphs{"The mayor opened the bridge.", "It carries four lanes of traffic.",
                          "\u201cWe waited ten years,\u201d she said."}));
}

TEST(SplitParagraphs, BlankLinesSeparateWrappedProse) {
    // The first line stops mid-sentence, so lines inside a block are joined with a space.
    EXPECT_EQ(corpus::split_paragraphs("The council met on Tuesday to discuss the\n"
                                       "new ferry timetable for the island.\n"
                                       "\n"
                                       "Members voted to keep the evening\n"
                                       "crossing.\n"),
              (Paragraphs{"The council met on Tuesday to discuss the new ferry timetable for the island.",
                          "Members voted to keep the evening crossing."}));
}

TEST(SplitParagraphs, BlankLinesAloneAlsoSeparate) {
    EXPECT_EQ(corpus::split_paragraphs("First line.\n\n\n\nSecond line."),
              (Paragraphs{"First line.", "Second line."}));
}

TEST(SplitParagraphs, CrlfLineEndings) {
    EXPECT_EQ(corpus::split_paragraphs("One sentence here.\r\nAnother one there.\r\n"),
              (Paragraphs{"One sentence here.", "Another one there."}));
    EXPECT_EQ(corpus::split_paragraphs("A wrapped\r\nline of prose.\r\n\r\nNext block.\r\n"),
              (Paragraphs{"A wrapped line of prose.", "Next block."}));
}

TEST(SplitParagraphs, WhiteSpaceSqueezedAndTrimmed) {
    EXPECT_EQ(corpus::split_paragraphs("   Too   many\tspaces  here.   \n\t Tabs\t\tas well. "),
              (Paragraphs{"Too many spaces here.", "Tabs as well."}));
}

TEST(SplitParagraphs, EmptyAndBlankBodiesGiveNothing) {
    EXPECT_TRUE(corpus::split_paragraphs("").empty());
    EXPECT_TRUE(corpus::split_paragraphs("\n \n\t\n\r\n").empty());
}

TEST(SplitParagraphs, AHeadlineWithoutAStopDoesNotMergeTheBody) {
    // One line without a final stop, no blank lines: still one paragraph per line.
    EXPECT_EQ(corpus::split_paragraphs("SENATOR OPENS THE NEW FERRY TERMINAL\n"
                                       "The senator opened the terminal on Monday.\n"
                                       "\"It will serve the whole coast,\" the senator said.\n"),
              (Paragraphs{"SENATOR OPENS THE NEW FERRY TERMINAL", "The senator opened the terminal on Monday.",
                          "\"It will serve the whole coast,\" the senator said."}));
}

TEST(SplitParagraphs, TrailingBlankLinesDoNotMakeTheBodyWrappedProse) {
    EXPECT_EQ(corpus::split_paragraphs("SENATOR OPENS THE NEW FERRY TERMINAL\n"
                                       "  The senator opened the terminal on Monday.  \n"
                                       "   \"It will serve the whole coast,\" the senator said.\n"
                                       " \n"
                                       " \n"),
              (Paragraphs{"SENATOR OPENS THE NEW FERRY TERMINAL", "The senator opened the terminal on Monday.",
                          "\"It will serve the whole coast,\" the senator said."}));
}

}  // namespace
}  // namespace verbatim
