// text:: UTF-8 helpers: folding, validation offsets, code points, stable hashes.

#include <verbatim/text/analysis.hpp>
#include <verbatim/text/unicode.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace verbatim {
namespace {

TEST(Fold, DiacriticsCaseAndTypography) {
    EXPECT_EQ(text::fold("Zapor\u00edzhzhia"), "zaporizhzhia");
    EXPECT_EQ(text::fold("ZAPORIZHZHIA"), "zaporizhzhia");
    EXPECT_EQ(text::fold("Zaporizhzhia"), "zaporizhzhia");
    EXPECT_EQ(text::fold("Mahilio\u016d"), "mahiliou");
    EXPECT_EQ(text::fold("Co\u0308s County"), "cos county");  // combining diaeresis
    EXPECT_EQ(text::fold("Co\u00f6s"), "coos");
    EXPECT_EQ(text::fold("\u201cQuote\u201d \u00abGuillemets\u00bb \u201eLow\u201c"), "\"quote\" \"guillemets\" \"low\"");
    EXPECT_EQ(text::fold("region\u2019s \u2018nested\u2019"), "region's 'nested'");
    EXPECT_EQ(text::fold("2024\u20132025 \u2014 yes"), "2024-2025 - yes");
    EXPECT_EQ(text::fold("a\u00a0b"), "a b");             // no-break space
    EXPECT_EQ(text::fold("\ufb01nance"), "finance");       // compatibility ligature
}

TEST(Fold, KeepCaseForTheQueryParser) {
    EXPECT_EQ(text::fold_keep_case("Zapor\u00edzhzhia AND \u201cQuote\u201d"), "Zaporizhzhia AND \"Quote\"");
    EXPECT_EQ(text::analysable("Kr\u00e9mlin OR NOT \u2018x\u2019"), "Kremlin OR NOT 'x'");
}

TEST(Fold, AsciiPunctuationChangesNothingElse) {
    EXPECT_EQ(text::ascii_punctuation("\u201cZapor\u00edzhzhia\u201d \u2013 it\u2019s"), "\"Zapor\u00edzhzhia\" - it's");
    // invalid bytes pass through untouched
    EXPECT_EQ(text::ascii_punctuation("a\xff" "b"), "a\xff" "b");
}

// ASCII takes a short way around ICU: it must fold every character as the ICU way does (a
// string with one non-ASCII letter goes the ICU way).
TEST(Fold, AsciiFoldsAsTheUnicodeWayDoes) {
    for (int c = 0; c < 0x80; ++c) {
        const std::string ascii(1, static_cast<char>(c));
        EXPECT_EQ(text::fold(ascii) + "e", text::fold(ascii + "\u00e9")) << "character " << c;
        EXPECT_EQ(text::fold_keep_case(ascii) + "e", text::fold_keep_case(ascii + "\u00e9")) << "character " << c;
    }
    EXPECT_EQ(text::fold("The `Region` Said"), "the 'region' said");
    EXPECT_EQ(text::fold_keep_case("The `Region`"), "The 'Region'");
}

TEST(FindInvalidUtf8, Offsets) {
    EXPECT_EQ(text::find_invalid_utf8("plain ascii"), std::nullopt);
    EXPECT_EQ(text::find_invalid_utf8("caf\u00e9 \u201cok\u201d \U0001F600"), std::nullopt);
    EXPECT_EQ(text::find_invalid_utf8(""), std::nullopt);
    EXPECT_EQ(text::find_invalid_utf8("\xff"), std::optional<std::size_t>(0));
    EXPECT_EQ(text::find_invalid_utf8("abc\xC3\x28xyz"), std::optional<std::size_t>(3));      // bad continuation
    EXPECT_EQ(text::find_invalid_utf8("\u00e9\u00e9\xE2\x80"), std::optional<std::size_t>(4));  // truncated at end
    EXPECT_EQ(text::find_invalid_utf8("ab\xC0\xAF"), std::optional<std::size_t>(2));          // overlong '/'
    EXPECT_EQ(text::find_invalid_utf8("x\xED\xA0\x80"), std::optional<std::size_t>(1));       // surrogate
}

TEST(CountCodePoints, MultiByteCharacters) {
    EXPECT_EQ(text::count_code_points(""), 0u);
    EXPECT_EQ(text::count_code_points("abc"), 3u);
    EXPECT_EQ(text::count_code_points("\u00e9"), 1u);
    EXPECT_EQ(text::count_code_points("\u201cYes\u201d"), 5u);
    EXPECT_EQ(text::count_code_points("\U0001F600!"), 2u);
}

TEST(SqueezeSpaces, CollapsesAndTrims) {
    EXPECT_EQ(text::squeeze_spaces("  a \t\n b\r\n  c  "), "a b c");
    EXPECT_EQ(text::squeeze_spaces(" \t "), "");
}

TEST(StripBom, OnlyALeadingMark) {
    EXPECT_EQ(text::strip_bom("\xEF\xBB\xBFtext"), "text");
    EXPECT_EQ(text::strip_bom("text\xEF\xBB\xBF"), "text\xEF\xBB\xBF");
    EXPECT_EQ(text::strip_bom(""), "");
}

TEST(StableHash, FixedValues) {
    // Document ids depend on these never changing. The first two are the published 64-bit
    // FNV-1a test vectors; the others were computed once and pasted.
    EXPECT_EQ(text::stable_hash(""), "cbf29ce484222325");
    EXPECT_EQ(text::stable_hash("a"), "af63dc4c8601ec8c");
    EXPECT_EQ(text::stable_hash("Verbatim"), "79f938131d3267ab");
    EXPECT_EQ(text::stable_hash("press/01.txt#line3"), "d757dd0ddb4bb6c0");
    EXPECT_EQ(text::stable_hash("Verbatim").size(), 16u);
    EXPECT_NE(text::stable_hash("ab"), text::stable_hash("ba"));
}

}  // namespace
}  // namespace verbatim

namespace verbatim {
namespace {

TEST(PersonKey, SpellingsOfOnePersonMeet) {
    EXPECT_EQ(text::person_key("Natalia Drozdova"), text::person_key("Natalya Drozdova"));
    EXPECT_EQ(text::person_key("Alexei Petrov"), text::person_key("Aleksey Petrov"));
    EXPECT_EQ(text::person_key("Yuri Lunin"), text::person_key("Yury Lunin"));
    EXPECT_EQ(text::person_key("Sergei Tkachev"), text::person_key("Sergey Tkachyov"));
    EXPECT_NE(text::person_key("Ivan Petrov"), text::person_key("Ivan Popov"));
    EXPECT_NE(text::person_key("Anna Lunina"), text::person_key("Inna Lunina"));
}

TEST(NameKey, ConsonantSkeleton) {
    // First letter, then consonants, a letter repeated across vowels kept once.
    EXPECT_EQ(text::name_key("sobyanin"), "sbn");
    EXPECT_EQ(text::name_key("sobianin"), "sbn");
    EXPECT_EQ(text::name_key("schwarzeneger"), text::name_key("schwarzenegger"));
}

}  // namespace
}  // namespace verbatim
