#pragma once
// RawDocument → paragraphs with sentence boundaries and quotation spans.
// All offsets here are byte offsets into the paragraph's UTF-8 text.

#include <verbatim/corpus/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace verbatim::segment {

struct Range {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool contains(std::size_t at) const { return begin <= at && at < end; }
    bool operator==(const Range&) const = default;
};

// A quotation: `inner` is the quoted words without the marks, `outer` includes the marks.
struct Quote {
    Range inner;
    Range outer;
    bool continued = false;   // opens a paragraph and continues a quotation left open before
    bool open_at_end = false; // no closing mark before the paragraph ends
    bool operator==(const Quote&) const = default;
};

struct Paragraph {
    std::string text;
    std::size_t body_offset = 0;  // code points from the start of the body to this paragraph
    std::vector<Range> sentences;
    std::vector<Quote> quotes;
};

// Sentences of one paragraph, ICU's English rules plus our abbreviations and initials.
std::vector<Range> split_sentences(std::string_view paragraph);

// Quotation spans of one paragraph: “…”, "…", «…», „…“ (‘…’ only nested). `continues` says
// whether the previous paragraph ended inside a quotation.
std::vector<Quote> find_quotes(std::string_view paragraph, bool continues);

std::vector<Paragraph> segment(const corpus::RawDocument& document);

}  // namespace verbatim::segment
