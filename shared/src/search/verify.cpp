#include <verbatim/search/verify.hpp>

#include <verbatim/search/query_builder.hpp>

#include <verbatim/attribute/tokens.hpp>
#include <verbatim/text/analysis.hpp>
#include <verbatim/text/unicode.hpp>

#include <algorithm>
#include <set>

namespace verbatim::search {

namespace {

struct Word {
    std::string folded;
    std::size_t begin = 0, end = 0;  // bytes in the source text
};

std::vector<Word> words_of(const std::string& text) {
    std::vector<Word> out;
    for (const auto& t : attribute::tokenize(text))
        if (t.word) out.push_back({t.lower, t.begin, t.end});
    return out;
}

}  // namespace

std::string_view to_string(Verdict v) {
    switch (v) {
    case Verdict::exact: return "exact";
    case Verdict::near: return "near";
    case Verdict::partial: return "partial";
    case Verdict::none: return "none";
    }
    return "none";
}

Verification compare(const std::string& quotation, const Statement& statement) {
    Verification v;
    v.hit.statement = statement;
    const auto q = words_of(quotation);
    const auto c = words_of(statement.text);
    if (q.empty() || c.empty()) return v;
    // Local alignment (Smith-Waterman) of the quotation's words against the statement's:
    // the passage of the statement that best matches what the user remembers.
    constexpr int kMatch = 2, kMismatch = -1, kGap = -1;
    const std::size_t n = q.size(), m = c.size();
    std::vector<int> score((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> int& { return score[i * (m + 1) + j]; };
    int best = 0;
    std::size_t bi = 0, bj = 0;
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            const int diag = at(i - 1, j - 1) + (q[i - 1].folded == c[j - 1].folded ? kMatch : kMismatch);
            const int value = std::max({0, diag, at(i - 1, j) + kGap, at(i, j - 1) + kGap});
            at(i, j) = value;
            if (value > best) best = value, bi = i, bj = j;
        }
    // Trace back into a diff.
    std::vector<DiffOp> ops;
    std::size_t i = bi, j = bj, matched = 0;
    while (i > 0 && j > 0 && at(i, j) > 0) {
        if (q[i - 1].folded == c[j - 1].folded && at(i, j) == at(i - 1, j - 1) + kMatch) {
            ops.push_back({DiffOp::Type::same, c[j - 1].folded});
            ++matched, --i, --j;
        } else if (at(i, j) == at(i - 1, j - 1) + kMismatch) {
            ops.push_back({DiffOp::Type::added, c[j - 1].folded});
            ops.push_back({DiffOp::Type::removed, q[i - 1].folded});
            --i, --j;
        } else if (at(i, j) == at(i - 1, j) + kGap) {
            ops.push_back({DiffOp::Type::removed, q[i - 1].folded});
            --i;
        } else {
            ops.push_back({DiffOp::Type::added, c[j - 1].folded});
            --j;
        }
    }
    // Quotation words outside the aligned passage were not found there.
    for (std::size_t k = i; k-- > 0;) ops.push_back({DiffOp::Type::removed, q[k].folded});
    std::reverse(ops.begin(), ops.end());
    // Quotation words after the aligned passage, and the statement's words in their place
    // (a changed last word shows as a substitution, not only a removal).
    for (std::size_t k = bi; k < n; ++k) ops.push_back({DiffOp::Type::removed, q[k].folded});
    for (std::size_t k = bj; k < m && k < bj + (n - bi); ++k) ops.push_back({DiffOp::Type::added, c[k].folded});
    v.diff = std::move(ops);
    v.similarity = static_cast<double>(matched) / static_cast<double>(n);
    if (bj > j) {
        const std::size_t b = c[j].begin, e = c[bj - 1].end;
        const std::size_t cb = text::count_code_points(std::string_view(statement.text).substr(0, b));
        v.matched = {cb, cb + text::count_code_points(std::string_view(statement.text).substr(b, e - b))};
    }
    // Content words anywhere, in any order: reordered or paraphrased quotations.
    const Xapian::Stem stem = text::stemmer();
    std::set<std::string> there;
    for (const auto& w : c) there.insert(stem(w.folded));
    std::size_t content = 0, found = 0;
    for (const auto& w : q) {
        if (text::is_stopword(w.folded)) continue;
        ++content;
        found += there.count(stem(w.folded));
    }
    v.overlap = content ? static_cast<double>(found) / static_cast<double>(content) : v.similarity;
    const bool contiguous = std::all_of(v.diff.begin(), v.diff.end(), [](const DiffOp& d) { return d.type == DiffOp::Type::same; });
    if (matched == n && contiguous) v.verdict = Verdict::exact;
    else if (v.similarity >= 0.75) v.verdict = Verdict::near;
    else if (v.overlap >= 0.5 || v.similarity >= 0.4) v.verdict = Verdict::partial;
    else v.verdict = Verdict::none;
    return v;
}

std::vector<Verification> verify(const Searcher& searcher, const std::string& quotation, SearchRequest request,
                                 std::size_t candidates) {
    request.query = quotation;
    request.exact = false;
    request.offset = 0;
    request.limit = candidates;
    // Quotation marks and operators in the quotation are words here, not query syntax.
    std::string words;
    for (const auto& w : plain_words(quotation)) words += w + " ";
    request.query = words;
    const SearchResults results = searcher.search(request);
    std::vector<Verification> out;
    for (const Hit& hit : results.hits) {
        Verification v = compare(quotation, hit.statement);
        v.hit = hit;
        if (v.verdict != Verdict::none) out.push_back(std::move(v));
    }
    std::stable_sort(out.begin(), out.end(), [](const Verification& a, const Verification& b) {
        if (a.verdict != b.verdict) return static_cast<int>(a.verdict) < static_cast<int>(b.verdict);
        return a.similarity + a.overlap > b.similarity + b.overlap;
    });
    return out;
}

}  // namespace verbatim::search
