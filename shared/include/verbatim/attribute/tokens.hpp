#pragma once
// Words and punctuation of a paragraph with byte offsets: what the attribution rules read.

#include <string>
#include <string_view>
#include <vector>

namespace verbatim::attribute {

struct Token {
    std::size_t begin = 0;  // byte offsets into the paragraph
    std::size_t end = 0;
    std::string text;       // as written, typographic apostrophes made ASCII
    std::string lower;      // folded to lower case
    bool word = false;      // letters or digits (else punctuation)
    bool capitalised = false;
    bool initial = false;   // "A." or "C.L."
    bool in_quote = false;  // inside a quotation (set by the caller)
};

std::vector<Token> tokenize(std::string_view paragraph);

// "VIKTOR BASARGIN" → "Viktor Basargin"; words with lower-case letters are kept.
std::string title_case_word(std::string_view word);

}  // namespace verbatim::attribute
