#include <verbatim/corpus/readers.hpp>

#include <verbatim/text/unicode.hpp>

namespace verbatim::corpus {

namespace {

bool ends_sentence(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) return true;
    const char c = line.back();
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')') return true;
    return line.ends_with("\xE2\x80\x9D") || line.ends_with("\xC2\xBB");  // ” »
}

}  // namespace

std::vector<std::string> split_paragraphs(std::string_view body) {
    std::vector<std::string_view> lines;
    for (std::size_t at = 0; at <= body.size();) {
        std::size_t nl = body.find('\n', at);
        if (nl == std::string_view::npos) nl = body.size();
        std::string_view line = body.substr(at, nl - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        at = nl + 1;
    }
    // Wrapped prose: some block of consecutive non-blank lines has a line that does not end
    // a sentence, and blank lines exist. Then blank lines separate paragraphs; otherwise every
    // line is one.
    // A blank line between two lines of text (blank lines at the end do not count).
    bool blank_lines = false, text_before = false, blank_after_text = false;
    for (std::string_view line : lines) {
        const bool blank = text::squeeze_spaces(line).empty();
        if (blank) {
            blank_after_text = text_before;
        } else {
            blank_lines = blank_lines || blank_after_text;
            text_before = true;
        }
    }
    bool wrapped = false;
    for (std::size_t i = 0; blank_lines && i + 1 < lines.size(); ++i) {
        const bool here = !text::squeeze_spaces(lines[i]).empty();
        const bool next = !text::squeeze_spaces(lines[i + 1]).empty();
        if (here && next && !ends_sentence(lines[i])) {
            wrapped = true;
            break;
        }
    }
    std::vector<std::string> paragraphs;
    std::string current;
    auto flush = [&] {
        std::string p = text::squeeze_spaces(current);
        if (!p.empty()) paragraphs.push_back(std::move(p));
        current.clear();
    };
    for (std::string_view line : lines) {
        if (text::squeeze_spaces(line).empty()) {
            flush();
            continue;
        }
        if (!wrapped) {
            current = line;
            flush();
        } else {
            if (!current.empty()) current.push_back(' ');
            current += line;
        }
    }
    flush();
    return paragraphs;
}

}  // namespace verbatim::corpus
