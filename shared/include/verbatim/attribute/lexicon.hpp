#pragma once
// Word lists the attribution rules use: verbs of saying, role nouns, honorifics, pronouns.
// They describe English press-release prose, not any one document.

#include <string_view>

namespace verbatim::attribute::lexicon {

// A verb (or its first word) that introduces what someone said, thought or proposed.
bool is_speech_verb(std::string_view lower);
// Nouns of office that make a run of capitalised words a title: governor, speaker, mayor...
bool is_role_word(std::string_view lower);
// Offices that represent or govern a region: governor, senator, congressman, mayor...
bool is_regional_role(std::string_view lower);
// Nouns that end names of places and things, never a surname: Airport, County, Street...
bool is_thing_word(std::string_view lower);
// Words that can sit inside a title between role words and names: of, the, for, and...
bool is_title_connector(std::string_view lower);
// Words written right before a surname: Mr, Senator, Governor, President ("Senator Craig").
bool is_name_title(std::string_view lower);
// Mr, Mrs, Ms, Dr, Sir: a person follows.
bool is_honorific(std::string_view lower);
// Words allowed between a subject and its verb: also, then, further, was...
bool is_subject_gap_word(std::string_view lower);
// Labels of unnamed transcript turns: Question, Answer, Remark...
bool is_turn_label(std::string_view lower);
// Words that never start a person's name even when capitalised: The, This, During...
bool is_non_name_word(std::string_view lower);
// Nouns for a speech: address, speech, remarks, report (for "X's remarks focused on").
bool is_speech_noun(std::string_view lower);

// replied, answered, responded: the speaker is the person just asked.
bool is_reply_verb(std::string_view lower);
// Some verbs of saying need a particle after them: "spoke about", "called for", "pointed
// out"; returns the allowed particles separated by '|', or "" when none is needed.
std::string_view required_particle(std::string_view verb);
// Words that mark a sentence as an account of the event ("were discussed", "attended").
bool is_narrative_marker(std::string_view lower);

}  // namespace verbatim::attribute::lexicon
