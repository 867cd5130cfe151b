#include <verbatim/corpus/html_nesting.hpp>

#include <algorithm>
#include <cctype>

namespace verbatim::corpus {

namespace {

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements without content: a start tag and nothing to close.
bool is_void(std::string_view name) {
    return is_one_of(name, {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
                            "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"});
}

// Elements whose end tag may be left out: the next sibling of the kind closes them.
bool is_optional_end(std::string_view name) {
    return is_one_of(name, {"body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option",
                            "p", "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr"});
}

// Elements whose content is text up to their end tag, never markup.
bool is_raw_text(std::string_view name) {
    return is_one_of(name, {"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style",
                            "textarea", "title", "xmp"});
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_'; }

// Offset of "</name" (any case) at or after `from`, or the end.
std::size_t find_end_tag(std::string_view html, std::string_view name, std::size_t from) {
    for (std::size_t at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2)) {
        const std::string_view candidate = html.substr(at + 2, name.size());
        if (candidate.size() == name.size() &&
            std::equal(candidate.begin(), candidate.end(), name.begin(),
                       [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
            return at;
    }
    return html.size();
}

// Past the '>' of a tag whose name ends at `at`; attribute values in quotes may hold '>'.
std::size_t tag_end(std::string_view html, std::size_t at, bool& self_closing) {
    char previous = '\0';
    while (at < html.size() && html[at] != '>') {
        const char c = html[at];
        if ((c == '"' || c == '\'') && previous == '=') {
            const std::size_t close = html.find(c, at + 1);
            at = close == std::string_view::npos ? html.size() : close + 1;
            previous = c;
            continue;
        }
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') previous = c;
        ++at;
    }
    self_closing = previous == '/';
    return std::min(at + 1, html.size());
}

}  // namespace

std::optional<FlattenedHtml> flatten_html_nesting(std::string_view html, std::size_t max_depth) {
    std::optional<FlattenedHtml> flat;
    std::size_t copied = 0;  // bytes of `html` already copied into flat->html
    auto leave_out = [&](std::size_t begin, std::size_t end) {
        if (!flat) {
            flat.emplace();
            flat->html.reserve(html.size());
            flat->first_line = 1 + static_cast<std::size_t>(std::count(html.begin(), html.begin() + static_cast<std::ptrdiff_t>(begin), '\n'));
        }
        flat->html.append(html.substr(copied, begin - copied));
        flat->html.push_back(' ');  // "a<span>b" stays two words only if it was
        copied = end;
        ++flat->tags_left_out;
    };

    std::size_t depth = 0, foreign = 0;  // foreign: open <svg> and <math> elements
    std::string name;
    for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at)) {
        const std::size_t start = at;
        if (html.substr(at, 4) == "<!--") {
            const std::size_t close = html.find("-->", at + 4);
            at = close == std::string_view::npos ? html.size() : close + 3;
            continue;
        }
        const bool closing = html.substr(at, 2) == "</";
        if (!closing && at + 1 < html.size() && (html[at + 1] == '!' || html[at + 1] == '?')) {
            const std::size_t close = html.find('>', at);
            at = close == std::string_view::npos ? html.size() : close + 1;
            continue;
        }
        std::size_t name_end = at + (closing ? 2 : 1);
        if (name_end >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name_end]))) {
            at = name_end;  // a '<' in text
            continue;
        }
        name.clear();
        for (; name_end < html.size() && is_name_char(html[name_end]); ++name_end)
            name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[name_end]))));
        bool self_closing = false;
        at = tag_end(html, name_end, self_closing);
        if (is_void(name) || is_optional_end(name)) continue;
        if (is_raw_text(name)) {
            if (!closing) at = find_end_tag(html, name, at);
            continue;
        }
        const bool opens_foreign = name == "svg" || name == "math";
        if (closing) {
            if (depth == 0) continue;  // a stray end tag closes nothing
            if (depth > max_depth) leave_out(start, at);
            --depth;
            if (opens_foreign && foreign > 0) --foreign;
            continue;
        }
        if (self_closing && (foreign > 0 || opens_foreign)) continue;
        ++depth;
        if (opens_foreign) ++foreign;
        if (depth > max_depth) leave_out(start, at);
    }
    if (flat) flat->html.append(html.substr(copied));
    return flat;
}

}  // namespace verbatim::corpus
