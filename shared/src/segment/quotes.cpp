#include <verbatim/segment/segments.hpp>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace verbatim::segment {

namespace {

constexpr UChar32 kLeftDouble = 0x201C;   // “
constexpr UChar32 kRightDouble = 0x201D;  // ”
constexpr UChar32 kLowDouble = 0x201E;    // „
constexpr UChar32 kLeftGuillemet = 0x00AB;   // «
constexpr UChar32 kRightGuillemet = 0x00BB;  // »

struct CodePoint {
    UChar32 c;
    std::size_t at;    // byte offset
    std::size_t next;  // byte offset after it
};

std::vector<CodePoint> decode(std::string_view text) {
    std::vector<CodePoint> out;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        out.push_back({c, static_cast<std::size_t>(at), static_cast<std::size_t>(i)});
    }
    return out;
}

bool is_word_char(UChar32 c) { return c > 0 && (u_isalnum(c) || c == '\''); }

}  // namespace

std::vector<Quote> find_quotes(std::string_view paragraph, bool continues) {
    const auto cps = decode(paragraph);
    std::vector<Quote> quotes;
    bool open = false;
    UChar32 closer = 0;
    Quote current;
    auto start = [&](const CodePoint& cp, UChar32 expect) {
        open = true;
        closer = expect;
        current = Quote{};
        current.outer.begin = cp.at;
        current.inner.begin = cp.next;
    };
    auto finish = [&](std::size_t inner_end, std::size_t outer_end) {
        current.inner.end = inner_end;
        current.outer.end = outer_end;
        if (current.inner.end > current.inner.begin) quotes.push_back(current);
        open = false;
    };
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const CodePoint& cp = cps[i];
        const UChar32 prev = i ? cps[i - 1].c : ' ';
        const UChar32 next = i + 1 < cps.size() ? cps[i + 1].c : ' ';
        if (!open) {
            if (cp.c == kLeftDouble) start(cp, kRightDouble);
            else if (cp.c == kLowDouble) start(cp, kLeftDouble);
            else if (cp.c == kLeftGuillemet) start(cp, kRightGuillemet);
            else if (cp.c == '"' && !is_word_char(prev) && next != ' ') start(cp, '"');
            else if (cp.c == kRightDouble && quotes.empty() && i > 0) {
                // A closing mark with no opening one: the paragraph began inside a quotation.
                current = Quote{};
                current.inner.begin = current.outer.begin = 0;
                finish(cp.at, cp.next);
            }
            if (open && i == 0 && continues) current.continued = true;
            continue;
        }
        const bool closes = cp.c == closer || (closer == kLeftDouble && cp.c == kRightDouble) ||
                            (closer == '"' && cp.c == '"');
        if (closes) {
            finish(cp.at, cp.next);
        } else if (cp.c == kLeftDouble && closer == kRightDouble) {
            // A second opening mark inside an open quotation: the writer forgot to close it.
            finish(cp.at, cp.at);
            start(cp, kRightDouble);
        }
    }
    if (open) {
        current.open_at_end = true;
        finish(paragraph.size(), paragraph.size());
    }
    return quotes;
}

}  // namespace verbatim::segment
