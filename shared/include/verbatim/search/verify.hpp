#pragma once
// "Did X really say this?": the statements closest to a quotation as someone remembers it or
// as another outlet printed it, each with a verdict and a word-level diff.

#include <verbatim/search/searcher.hpp>

#include <string>
#include <vector>

namespace verbatim::search {

enum class Verdict { exact, near, partial, none };
std::string_view to_string(Verdict verdict);

// One word-level edit between the quotation and the statement's words.
struct DiffOp {
    enum class Type { same, removed, added } type;  // removed: in the quotation only; added: in the statement only
    std::string word;
};

struct Verification {
    Hit hit;
    Verdict verdict = Verdict::none;
    double similarity = 0.0;   // share of the quotation's words found in order (0..1)
    double overlap = 0.0;      // share of its content words found anywhere in the statement
    Span matched;              // code points into the statement's text: the aligned passage
    std::vector<DiffOp> diff;  // over the aligned passage
};

// Aligns a quotation with one statement's text (no index needed).
Verification compare(const std::string& quotation, const Statement& statement);

// Candidates from the index (request filters apply; its query is the quotation), best first.
std::vector<Verification> verify(const Searcher& searcher, const std::string& quotation,
                                 SearchRequest request, std::size_t candidates = 30);

}  // namespace verbatim::search
