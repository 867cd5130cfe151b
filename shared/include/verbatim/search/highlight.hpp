#pragma once
// Which words of a statement a query matched, and a snippet around them.

#include <verbatim/statement.hpp>

#include <string>
#include <vector>

namespace verbatim::search {

// Spans (code points into `text`) of the words that match one of the query words, compared
// after folding and stemming: "cooperation" highlights for the query word "cooperate".
std::vector<Span> highlight_spans(const std::string& text, const std::vector<std::string>& query_words);

struct Snippet {
    std::string text;               // the statement, or a window of it with "…" at cut ends
    std::vector<Span> highlights;   // code points into `text`
    std::vector<Span> quotes;       // verbatim quoted words, code points into `text`
};

// The statement itself when short; else the window of about `max_chars` with most matches.
// `quotes` are the verbatim spans in code points into `text` (Statement::quotes less start).
Snippet make_snippet(const std::string& text, const std::vector<std::string>& query_words,
                     std::size_t max_chars = 320, const std::vector<Span>& quotes = {});

}  // namespace verbatim::search
