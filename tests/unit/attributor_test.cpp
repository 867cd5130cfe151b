// One test per attribution rule, on sentences we wrote for the purpose.

#include <verbatim/attribute/attributor.hpp>
#include <verbatim/segment/segments.hpp>

#include "test_config.hpp"

#include <gtest/gtest.h>

namespace verbatim::attribute {
namespace {

const Gazetteer& gazetteer() {
    static const Gazetteer g = Gazetteer::load(test::kDataDir);
    return g;
}

std::vector<Statement> attribute_text(std::vector<std::string> paragraphs, std::string title = "") {
    corpus::RawDocument doc;
    doc.source = "test.txt";
    doc.title = std::move(title);
    doc.paragraphs = std::move(paragraphs);
    return Attributor(gazetteer()).attribute(doc, segment::segment(doc));
}

// The one statement whose text holds `anchor`.
const Statement& holding(const std::vector<Statement>& statements, const std::string& anchor) {
    const Statement* found = nullptr;
    for (const auto& s : statements)
        if (s.text.find(anchor) != std::string::npos) {
            EXPECT_EQ(found, nullptr) << "'" << anchor << "' is in two statements";
            found = &s;
        }
    if (!found) throw std::runtime_error("no statement holds '" + anchor + "'");
    return *found;
}

struct Expect {
    std::string anchor, speaker;
    Kind kind;
    std::string region = "", country = "";
};

void check(const std::vector<Statement>& statements, const std::vector<Expect>& expected) {
    for (const auto& e : expected) {
        const Statement& s = holding(statements, e.anchor);
        EXPECT_EQ(s.speaker, e.speaker) << e.anchor << " — evidence: " << s.evidence;
        EXPECT_EQ(s.kind, e.kind) << e.anchor;
        if (!e.region.empty()) EXPECT_EQ(s.region, e.region) << e.anchor;
        if (!e.country.empty()) EXPECT_EQ(s.country, e.country) << e.anchor;
    }
}

TEST(Attributor, NameBeforeVerbGivesReportedSpeech) {
    check(attribute_text({"Tula Region Governor Boris Ryabov said that the new bridge would open in May."}),
          {{"new bridge", "Boris Ryabov", Kind::reported, "Tula Region", "Russia"}});
}

TEST(Attributor, QuoteWithInvertedAttribution) {
    check(attribute_text({"“We will finish the bridge before the floods,” said Boris Ryabov, Governor of the Tula Region."}),
          {{"before the floods", "Boris Ryabov", Kind::quote, "Tula Region", "Russia"}});
}

TEST(Attributor, PronounFollowsGender) {
    const auto s = attribute_text({
        "Speaker of the Federation Council Olga Demina met Governor Pavel Lunin. "
        "She said that the budget talks had been difficult. He noted that the region had paid its debts."});
    check(s, {{"budget talks", "Olga Demina", Kind::reported, "", "Russia"},
              {"paid its debts", "Pavel Lunin", Kind::reported}});
}

TEST(Attributor, RoleNounResolvesToTheTitleHolder) {
    const auto s = attribute_text({
        "Federation Council Speaker Olga Demina opened the session.",
        "“The regions must be heard,” the Federation Council Speaker said."});
    check(s, {{"must be heard", "Olga Demina", Kind::quote}});
}

TEST(Attributor, CountryAdjectiveInRoleNoun) {
    const auto s = attribute_text({
        "Speaker of the Council of the Republic of the National Assembly of Belarus Irina Lesnaya and "
        "Federation Council Speaker Olga Demina held talks.",
        "The Belarusian speaker called for a joint fund for young engineers."});
    check(s, {{"joint fund", "Irina Lesnaya", Kind::reported, "", "Belarus"}});
}

TEST(Attributor, BelarusianRegionalTitles) {
    const auto s = attribute_text({
        "Chair of the Gomel Region Executive Committee Sergei Volnov spoke about flax exports. "
        "Chair of the Minsk City Executive Committee Anna Dubik proposed a joint transport card."});
    check(s, {{"flax exports", "Sergei Volnov", Kind::reported, "Gomel Region", "Belarus"},
              {"transport card", "Anna Dubik", Kind::reported, "Minsk", "Belarus"}});
}

TEST(Attributor, PartyStateTagGivesTheState) {
    check(attribute_text({"\"Our farmers deserve better,\" Senator Laura Penfield (D-VT) said."}),
          {{"farmers deserve", "Laura Penfield", Kind::quote, "Vermont", "United States"}});
}

TEST(Attributor, TranscriptTurnsAndTheirContinuation) {
    const auto s = attribute_text({
        "The President met the Governor of the Pskov Region.",
        "***",
        "President of Russia Anton Belov: Good afternoon. How is the harvest?",
        "Governor of the Pskov Region Kirill Osin: The harvest is good. We gathered a record.",
        "We also repaired two hundred kilometres of roads.",
        "Anton Belov: Thank you."});
    check(s, {{"How is the harvest", "Anton Belov", Kind::quote, "", "Russia"},
              {"record", "Kirill Osin", Kind::quote, "Pskov Region", "Russia"},
              {"two hundred kilometres", "Kirill Osin", Kind::quote},
              {"Thank you", "Anton Belov", Kind::quote}});
}

TEST(Attributor, NarrativeInterludeEndsATurn) {
    const auto s = attribute_text({"Anton Belov: We have agreed on everything.",
                                   "Following the meeting, the parties signed the roadmap."});
    check(s, {{"signed the roadmap", "", Kind::narrative}});
}

TEST(Attributor, QuotationContinuedInTheNextParagraph) {
    const auto s = attribute_text({"Governor Pavel Lunin said: “The first stage is complete.",
                                   "“The second stage starts in March.”"});
    check(s, {{"first stage", "Pavel Lunin", Kind::quote}, {"second stage", "Pavel Lunin", Kind::quote}});
}

TEST(Attributor, ScareQuotesAreNotSpeech) {
    const auto s = attribute_text({"Governor Pavel Lunin said that taxes had fallen. The \"Green Valley\" park opened in June."});
    check(s, {{"park opened", "Pavel Lunin", Kind::reported}});
}

TEST(Attributor, AddressBySomeoneWasDevotedTo) {
    check(attribute_text({"Address by Kaluga Region Governor Ilya Somov at the plenary session was devoted to rail freight."}),
          {{"rail freight", "Ilya Somov", Kind::reported, "Kaluga Region"}});
}

TEST(Attributor, PossessiveRemarks) {
    const auto s = attribute_text({"Governor Pavel Lunin of the Tver Region chaired the session.",
                                   "The governor’s closing remarks focused on rural schools."});
    check(s, {{"rural schools", "Pavel Lunin", Kind::reported}});
}

TEST(Attributor, AccordingToHim) {
    const auto s = attribute_text({"Governor Pavel Lunin reported on the floods. According to him, 300 homes were damaged."});
    check(s, {{"300 homes", "Pavel Lunin", Kind::reported}});
}

TEST(Attributor, ReplyGoesToThePersonAsked) {
    const auto s = attribute_text({"Olga Demina asked Pavel Lunin about the roads. He replied that the work was on schedule. "
                                   "She called for weekly reports."});
    check(s, {{"on schedule", "Pavel Lunin", Kind::reported}, {"weekly reports", "Olga Demina", Kind::reported}});
}

TEST(Attributor, AnAccountContinuesUntilTheTextMovesOn) {
    const auto s = attribute_text({"Governor Pavel Lunin set out two priorities. First, every school needs a generator. "
                                   "Second, bridges must be inspected.",
                                   "Taking part in the meeting were Deputy Governor Anna Frolova and Mayor Oleg Titov."});
    check(s, {{"every school needs", "Pavel Lunin", Kind::reported},
              {"Taking part", "", Kind::narrative}});
}

TEST(Attributor, TheHeadlineIntroducesPeople) {
    const auto s = attribute_text({"Mr Lunin said the harvest had doubled."},
                                  "Meeting with Governor of the Tambov Region Pavel Lunin");
    check(s, {{"harvest had doubled", "Pavel Lunin", Kind::reported, "Tambov Region", "Russia"}});
}

TEST(Attributor, RegionalOfficeWithoutRegionTakesTheDocumentsRegion) {
    const auto s = attribute_text({"Idaho will receive new funds for water projects, Senator Ruth Calder announced.",
                                   "\"This is good news for Idaho,\" Calder said."});
    check(s, {{"good news", "Ruth Calder", Kind::quote, "Idaho", "United States"}});
}

TEST(Attributor, UnresolvablePronounStaysUnattributed) {
    const auto s = attribute_text({"The plant opened in 1990. She said it would expand."});
    EXPECT_EQ(holding(s, "would expand").speaker, "");
}

TEST(Attributor, OffsetsPointIntoTheBody) {
    corpus::RawDocument doc;
    doc.paragraphs = {"Über die Brücke.", "Governor Pavel Lunin said that the bridge is ready."};
    const auto s = Attributor(gazetteer()).attribute(doc, segment::segment(doc));
    const std::string body = doc.body();
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[1].start, 17u);  // code points: "Über die Brücke." is 16, plus '\n'
    EXPECT_EQ(s[1].end - s[1].start, 51u);
}

}  // namespace
}  // namespace verbatim::attribute

namespace verbatim::attribute {
namespace {

TEST(Attributor, ParliamentaryLineWithTheSeatInParentheses) {
    check(attribute_text({"Anna Frolova (Kaluga Region): We ask the committee to keep the rural clinics open.",
                          "Oleg Titov (Vermont): The bridge money must come this year."}),
          {{"rural clinics", "Anna Frolova", Kind::quote, "Kaluga Region", "Russia"},
           {"bridge money", "Oleg Titov", Kind::quote, "Vermont", "United States"}});
}

}  // namespace
}  // namespace verbatim::attribute
