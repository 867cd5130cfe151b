#include <verbatim/attribute/lexicon.hpp>

#include <algorithm>
#include <array>

namespace verbatim::attribute::lexicon {

namespace {

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& sorted, std::string_view word) {
    return std::binary_search(sorted.begin(), sorted.end(), word);
}

template <std::size_t N>
constexpr std::array<std::string_view, N> sorted(std::array<std::string_view, N> a) {
    std::sort(a.begin(), a.end());
    return a;
}

constexpr auto kSpeechVerbs = sorted(std::array<std::string_view, 146>{
    "said", "says", "say", "noted", "notes", "stressed", "stresses", "emphasised", "emphasized",
    "emphasises", "emphasizes", "pointed", "points", "added", "adds", "recalled", "recalls",
    "urged", "urges", "called", "calls", "proposed", "proposes", "suggested", "suggests", "spoke",
    "speaks", "talked", "talks", "reported", "reports", "focused", "focussed", "focuses",
    "highlighted", "highlights", "outlined", "outlines", "cited", "cites", "concluded", "concludes",
    "believes", "believed", "regards", "regarded", "stated", "states", "declared", "declares",
    "announced", "announces", "explained", "explains", "remarked", "remarks", "observed",
    "told", "tells", "asked", "asks", "answered", "replied", "replies", "warned", "warns",
    "argued", "argues", "insisted", "insists", "acknowledged", "admitted", "assured", "promised",
    "promises", "expressed", "expresses", "thanked", "welcomed", "congratulated", "praised",
    "criticised", "criticized", "commented", "comments", "mentioned", "underlined", "underscored",
    "confirmed", "informed", "briefed", "described", "shared", "voiced", "wrote",
    "continued", "agreed", "hopes", "hoped", "thinks", "thought", "considers", "considered",
    "ordered", "instructed", "requested", "demanded", "devoted", "recommended", "reiterated",
    "began", "opened", "addressed", "saying", "backed", "supported", "invited", "accepted",
    "opposed", "endorsed", "rejected", "objected", "set", "vowed", "pledged", "advocated",
    // base forms, for "prompted X to tell …", "X will say"
    "tell", "note", "stress", "add", "announce", "explain", "urge", "propose", "suggest", "warn",
    "emphasise", "emphasize", "outline", "highlight", "speak", "talk", "call", "point"});

constexpr auto kRoleWords = sorted(std::array<std::string_view, 62>{
    "governor", "speaker", "chair", "chairman", "chairwoman", "chairperson", "president",
    "vice-president", "minister", "premier", "mayor", "senator", "sen", "congressman",
    "congresswoman", "representative", "rep", "head", "director", "deputy", "secretary",
    "ambassador", "commissioner", "chief", "leader", "spokesman", "spokeswoman", "spokesperson",
    "administrator", "chancellor", "judge", "commander", "rector", "envoy", "prosecutor",
    "member", "councillor", "councilman", "councilwoman", "attorney", "officer", "ceo", "manager",
    "king", "queen", "prince", "emir", "patriarch", "ombudsman", "auditor", "treasurer",
    "lieutenant", "gov", "mp", "senators", "governors", "presidents", "ministers", "mayors",
    "chairs", "delegate", "superintendent"});

constexpr auto kConnectors = sorted(std::array<std::string_view, 13>{
    "of", "the", "for", "and", "on", "in", "to", "de", "at", "acting", "former", "first", "from"});

constexpr auto kHonorifics = sorted(std::array<std::string_view, 8>{
    "mr", "mrs", "ms", "miss", "dr", "sir", "madam", "mister"});

constexpr auto kNameTitles = sorted(std::array<std::string_view, 26>{
    "mr", "mrs", "ms", "miss", "dr", "sir", "madam", "mister", "senator", "sen", "governor", "gov",
    "president", "mayor", "minister", "speaker", "chairman", "chairwoman", "representative", "rep",
    "congressman", "congresswoman", "premier", "ambassador", "secretary", "commissioner"});

constexpr auto kRegionalRoles = sorted(std::array<std::string_view, 14>{
    "governor", "governors", "gov", "senator", "senators", "sen", "congressman", "congresswoman",
    "representative", "rep", "mayor", "delegate", "lieutenant", "councillor"});

constexpr auto kGapWords = sorted(std::array<std::string_view, 45>{
    "as", "who", "to", "today", "yesterday", "tomorrow", "recently", "now", "personally", "firmly",
    "strongly", "publicly", "immediately", "jointly", "previously",
    "also", "then", "further", "later", "again", "once", "has", "had", "have", "is", "was", "were",
    "would", "will", "repeatedly", "specifically", "separately", "however", "in", "turn", "her",
    "his", "their", "particularly", "furthermore", "moreover", "too", "earlier"});

constexpr auto kTurnLabels = sorted(std::array<std::string_view, 16>{
    "question", "answer", "remark", "reply", "response", "voice", "voices", "participant",
    "moderator", "correspondent", "journalist", "host", "interviewer", "audience", "comment", "q"});

constexpr auto kNonName = sorted(std::array<std::string_view, 40>{
    "the", "this", "that", "these", "those", "during", "following", "after", "before", "in", "on",
    "at", "for", "with", "by", "from", "as", "and", "but", "or", "if", "when", "while", "it",
    "we", "i", "he", "she", "they", "our", "his", "her", "their", "its", "a", "an", "of", "to",
    "taking", "overall"});

constexpr auto kSpeechNouns = sorted(std::array<std::string_view, 12>{
    "address", "speech", "remarks", "report", "statement", "message", "presentation", "interview",
    "words", "comments", "letter", "opinion"});

// Words that show a sentence tells of the event, not of what someone said.
constexpr auto kNarrativeMarkers = sorted(std::array<std::string_view, 13>{
    "discussed", "discussion", "discussions", "attended", "participants", "ceremony", "took",
    "met", "meeting", "held", "touched", "parties", "videoconference"});

// Nouns that end names of places and things, never a person's surname ("Philip Airport").
constexpr auto kThingWords = sorted(std::array<std::string_view, 48>{
    "airport", "county", "street", "center", "centre", "university", "school", "park", "hospital",
    "bridge", "fund", "act", "program", "programme", "department", "committee", "council",
    "foundation", "institute", "avenue", "road", "river", "lake", "mountain", "island", "valley",
    "beach", "bay", "church", "college", "station", "base", "library", "museum", "plant", "company",
    "corporation", "bank", "group", "association", "square", "stadium", "highway", "forest",
    "type", "award", "prize", "day"});

}  // namespace

bool is_thing_word(std::string_view w) { return contains(kThingWords, w); }

bool is_speech_verb(std::string_view w) { return contains(kSpeechVerbs, w); }
bool is_role_word(std::string_view w) { return contains(kRoleWords, w); }
bool is_title_connector(std::string_view w) { return contains(kConnectors, w); }
bool is_honorific(std::string_view w) { return contains(kHonorifics, w); }
bool is_name_title(std::string_view w) { return contains(kNameTitles, w); }
bool is_regional_role(std::string_view w) { return contains(kRegionalRoles, w); }
bool is_subject_gap_word(std::string_view w) { return contains(kGapWords, w); }
bool is_turn_label(std::string_view w) { return contains(kTurnLabels, w); }
bool is_non_name_word(std::string_view w) { return contains(kNonName, w); }
bool is_speech_noun(std::string_view w) { return contains(kSpeechNouns, w); }

std::string_view required_particle(std::string_view verb) {
    if (verb == "spoke" || verb == "speaks" || verb == "talked" || verb == "talks" || verb == "speak" || verb == "talk")
        return "about|of|on";
    if (verb == "called" || verb == "calls" || verb == "call") return "for|on|upon";
    if (verb == "pointed" || verb == "points" || verb == "point") return "out|to";
    if (verb == "began" || verb == "opened") return "his|her|their";
    if (verb == "focused" || verb == "focussed" || verb == "focuses") return "on|upon";
    if (verb == "set") return "out|forth";
    if (verb == "answered" || verb == "accepted") return "that|the|a|an|his|her";
    if (verb == "invited") return "the|all|his|her|their|colleagues|governors|participants|everyone";
    return "";
}

bool is_reply_verb(std::string_view w) {
    return w == "replied" || w == "replies" || w == "answered" || w == "responded" || w == "responds";
}

bool is_narrative_marker(std::string_view w) { return contains(kNarrativeMarkers, w); }

}  // namespace verbatim::attribute::lexicon
