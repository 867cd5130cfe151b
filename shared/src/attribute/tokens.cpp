#include <verbatim/attribute/tokens.hpp>

#include <verbatim/text/unicode.hpp>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace verbatim::attribute {

namespace {

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

}  // namespace

std::vector<Token> tokenize(std::string_view paragraph) {
    std::vector<Token> tokens;
    const auto* s = reinterpret_cast<const uint8_t*>(paragraph.data());
    const auto n = static_cast<int32_t>(paragraph.size());
    auto peek = [&](int32_t at) -> UChar32 {
        if (at >= n) return 0;
        UChar32 c;
        U8_NEXT(s, at, n, c);
        return c;
    };
    int32_t i = 0;
    while (i < n) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0 || u_isUWhiteSpace(c)) continue;
        Token t;
        t.begin = static_cast<std::size_t>(start);
        if (u_isalnum(c)) {
            t.word = true;
            int32_t end = i;
            while (end < n) {
                int32_t j = end;
                UChar32 d;
                U8_NEXT(s, j, n, d);
                if (d > 0 && u_isalnum(d)) {
                    end = j;
                    continue;
                }
                // Inner apostrophes and hyphens ("O'Brien", "Sakha-Yakutia", "door-to-door").
                if ((is_apostrophe(d) || is_hyphen(d)) && j < n && u_isalnum(peek(j))) {
                    end = j;
                    continue;
                }
                // Dotted initials and acronyms: "A." "C.L." "U.S."
                if (d == '.') {
                    const std::string_view so_far = paragraph.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
                    bool dotted = true;
                    for (std::size_t k = 0; k < so_far.size(); ++k)
                        if (!((k % 2 == 0 && std::isupper(static_cast<unsigned char>(so_far[k]))) || (k % 2 == 1 && so_far[k] == '.')))
                            dotted = false;
                    if (dotted) {
                        end = j;
                        t.initial = true;
                        continue;
                    }
                }
                break;
            }
            i = end;
        }
        t.end = static_cast<std::size_t>(i);
        t.text = text::ascii_punctuation(paragraph.substr(t.begin, t.end - t.begin));
        t.lower = text::fold(t.text);
        t.capitalised = t.word && u_isupper(c);
        tokens.push_back(std::move(t));
    }
    return tokens;
}

std::string title_case_word(std::string_view word) {
    bool has_lower = false;
    for (char c : word)
        if (std::islower(static_cast<unsigned char>(c))) has_lower = true;
    if (has_lower || word.size() <= 1) return std::string(word);
    std::string out(word);
    for (std::size_t k = 1; k < out.size(); ++k)
        if (out[k - 1] != '-' && out[k - 1] != '\'') out[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[k])));
    return out;
}

}  // namespace verbatim::attribute
