// segment::split_sentences: ICU's rules plus abbreviations, initials and dotted acronyms.

#include <verbatim/segment/segments.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

using Texts = std::vector<std::string>;

Texts sentence_texts(std::string_view paragraph) {
    Texts out;
    for (const auto& r : segment::split_sentences(paragraph)) {
        EXPECT_LE(r.begin, r.end);
        EXPECT_LE(r.end, paragraph.size());
        out.emplace_back(paragraph.substr(r.begin, r.end - r.begin));
    }
    return out;
}

TEST(SplitSentences, ExactRanges) {
    const std::string p = "The ferry left at six. It returned at nine.";
    EXPECT_EQ(segment::split_sentences(p), (std::vector<segment::Range>{{0, 22}, {23, 43}}));
}

TEST(SplitSentences, TrailingSpacesBelongToNoSentence) {
    EXPECT_EQ(segment::split_sentences("One. Two.   "), (std::vector<segment::Range>{{0, 4}, {5, 9}}));
}

TEST(SplitSentences, TitleAbbreviations) {
    EXPECT_EQ(sentence_texts("Mr. Dunmore opened the new pier. Mrs. Dunmore cut the ribbon."),
              (Texts{"Mr. Dunmore opened the new pier.", "Mrs. Dunmore cut the ribbon."}));
    EXPECT_EQ(sentence_texts("Dr. Ivanova and Prof. Keller spoke first. Then the vote began."),
              (Texts{"Dr. Ivanova and Prof. Keller spoke first.", "Then the vote began."}));
}

TEST(SplitSentences, SaintInPlaceNames) {
    EXPECT_EQ(sentence_texts("The delegation flew to St. Petersburg on Monday. Talks began at once."),
              (Texts{"The delegation flew to St. Petersburg on Monday.", "Talks began at once."}));
}

TEST(SplitSentences, InitialsBeforeASurname) {
    EXPECT_EQ(sentence_texts("Governor A. Beglov said the bridge would open in May. Nobody objected."),
              (Texts{"Governor A. Beglov said the bridge would open in May.", "Nobody objected."}));
    EXPECT_EQ(sentence_texts("A. Semenikhin: The roads are ready. We start on Monday."),
              (Texts{"A. Semenikhin: The roads are ready.", "We start on Monday."}));
}

TEST(SplitSentences, DottedAcronyms) {
    EXPECT_EQ(sentence_texts("U.S. Senator Margaret Hale toured the mill. She praised the workers."),
              (Texts{"U.S. Senator Margaret Hale toured the mill.", "She praised the workers."}));
    // At the end of a sentence "U.S." still ends it when no name-like word follows.
    EXPECT_EQ(sentence_texts("The mill exports cloth to the U.S. The order book is full."),
              (Texts{"The mill exports cloth to the U.S.", "The order book is full."}));
}

TEST(SplitSentences, DecimalNumbers) {
    EXPECT_EQ(sentence_texts("The budget reached 2.3 trillion roubles. Spending rose by 4.5 percent."),
              (Texts{"The budget reached 2.3 trillion roubles.", "Spending rose by 4.5 percent."}));
}

TEST(SplitSentences, QuotationOfTwoSentences) {
    EXPECT_EQ(sentence_texts("\u201cWe will build it. We will finish it on time,\u201d the mayor said. Work starts in May."),
              (Texts{"\u201cWe will build it.", "We will finish it on time,\u201d the mayor said.", "Work starts in May."}));
    EXPECT_EQ(sentence_texts("She said: \u201cThe bridge is ready. Traffic starts tomorrow.\u201d The crowd cheered."),
              (Texts{"She said: \u201cThe bridge is ready.", "Traffic starts tomorrow.\u201d", "The crowd cheered."}));
}

TEST(SplitSentences, QuestionBeforeLowerCaseAttributionStaysOneSentence) {
    EXPECT_EQ(sentence_texts("\u201cIs the ferry running tonight?\u201d she asked. It was."),
              (Texts{"\u201cIs the ferry running tonight?\u201d she asked.", "It was."}));
    EXPECT_EQ(sentence_texts("\u201cWhat a crossing!\u201d he said."),
              (Texts{"\u201cWhat a crossing!\u201d he said."}));
    EXPECT_EQ(sentence_texts("\"Is it late?\" she asked."), (Texts{"\"Is it late?\" she asked."}));
}

TEST(SplitSentences, ExclamationAndQuestionEndSentences) {
    EXPECT_EQ(sentence_texts("What a day! Are we done? Yes."), (Texts{"What a day!", "Are we done?", "Yes."}));
}

TEST(SplitSentences, NoFinalStop) {
    EXPECT_EQ(sentence_texts("Ferry timetable for the winter"), (Texts{"Ferry timetable for the winter"}));
    EXPECT_TRUE(segment::split_sentences("").empty());
}

TEST(SplitSentences, AbbreviationRightAfterAnOpeningQuote) {
    EXPECT_EQ(sentence_texts("\u201cA. Beglov is right,\u201d she said. Yes."),
              (Texts{"\u201cA. Beglov is right,\u201d she said.", "Yes."}));
    EXPECT_EQ(sentence_texts("\u00abA. Beglov is right,\u00bb she said."), (Texts{"\u00abA. Beglov is right,\u00bb she said."}));
    EXPECT_EQ(sentence_texts("\u201cGov. Ivanov spoke first,\u201d he said."),
              (Texts{"\u201cGov. Ivanov spoke first,\u201d he said."}));
    EXPECT_EQ(sentence_texts("\u201cU.S. Senator Hale agreed,\u201d she said."),
              (Texts{"\u201cU.S. Senator Hale agreed,\u201d she said."}));
}

TEST(SplitSentences, AbbreviationAfterAParenthesis) {
    EXPECT_EQ(sentence_texts("(A. Beglov agreed.) Yes."), (Texts{"(A. Beglov agreed.)", "Yes."}));
    EXPECT_EQ(sentence_texts("The talk (Dr. Ivanova chaired it) ended. Next."),
              (Texts{"The talk (Dr. Ivanova chaired it) ended.", "Next."}));
}

}  // namespace
}  // namespace verbatim
