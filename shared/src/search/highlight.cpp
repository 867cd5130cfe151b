#include <verbatim/search/highlight.hpp>

#include <verbatim/attribute/tokens.hpp>
#include <verbatim/text/analysis.hpp>
#include <verbatim/text/unicode.hpp>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace verbatim::search {

namespace {

struct WordAt {
    std::size_t begin, end;  // bytes
    bool hit;
};

std::vector<WordAt> matched_words(const std::string& text, const std::vector<std::string>& query_words) {
    const Xapian::Stem stem = text::stemmer();
    std::set<std::string> wanted;
    for (const auto& w : query_words) {
        if (text::is_stopword(w)) continue;
        wanted.insert(w);
        wanted.insert(stem(w));
    }
    std::vector<WordAt> words;
    std::unordered_map<std::string, bool> seen;  // each word stemmed once
    for (const auto& t : attribute::tokenize(text)) {
        if (!t.word) continue;
        auto [known, added] = seen.try_emplace(t.lower, false);
        if (added) known->second = wanted.count(t.lower) > 0 || wanted.count(stem(t.lower)) > 0;
        words.push_back({t.begin, t.end, known->second});
    }
    return words;
}

Span to_code_points(const std::string& text, std::size_t begin, std::size_t end) {
    const std::size_t b = text::count_code_points(std::string_view(text).substr(0, begin));
    return {b, b + text::count_code_points(std::string_view(text).substr(begin, end - begin))};
}

}  // namespace

std::vector<Span> highlight_spans(const std::string& text, const std::vector<std::string>& query_words) {
    std::vector<Span> spans;
    for (const auto& w : matched_words(text, query_words))
        if (w.hit) spans.push_back(to_code_points(text, w.begin, w.end));
    return spans;
}

Snippet make_snippet(const std::string& text, const std::vector<std::string>& query_words, std::size_t max_chars,
                     const std::vector<Span>& quotes) {
    const auto words = matched_words(text, query_words);
    std::size_t begin = 0, end = text.size();
    if (text.size() > max_chars && !words.empty()) {
        // The window of words with the most hits, first such window on ties.
        std::size_t best_first = 0, best_hits = 0, hits = 0, first = 0;
        for (std::size_t last = 0; last < words.size(); ++last) {
            hits += words[last].hit;
            while (words[last].end - words[first].begin > max_chars) hits -= words[first++].hit;
            if (hits > best_hits) best_hits = hits, best_first = first;
        }
        begin = words[best_first].begin;
        std::size_t last = best_first;
        while (last + 1 < words.size() && words[last + 1].end - begin <= max_chars) ++last;
        end = words[last].end;
        while (end < text.size() && std::string_view(".,;:!?\"'”’)").find(text[end]) != std::string_view::npos) ++end;
    }
    Snippet s;
    const std::string prefix = begin > 0 ? "… " : "";
    s.text = prefix + text.substr(begin, end - begin) + (end < text.size() ? " …" : "");
    const std::size_t shift = text::count_code_points(prefix);
    for (const auto& w : words) {
        if (!w.hit || w.begin < begin || w.end > end) continue;
        Span span = to_code_points(text.substr(begin, end - begin), w.begin - begin, w.end - begin);
        s.highlights.push_back({span.start + shift, span.end + shift});
    }
    const std::size_t window_start = text::count_code_points(std::string_view(text).substr(0, begin));
    const std::size_t window_end = window_start + text::count_code_points(std::string_view(text).substr(begin, end - begin));
    for (const Span& q : quotes) {
        const std::size_t b = std::max(q.start, window_start), e = std::min(q.end, window_end);
        if (b < e) s.quotes.push_back({b - window_start + shift, e - window_start + shift});
    }
    return s;
}

}  // namespace verbatim::search
