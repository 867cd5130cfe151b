#include <verbatim/index/name_keys.hpp>

#include <verbatim/schema.hpp>
#include <verbatim/text/analysis.hpp>

#include <algorithm>

namespace verbatim::index {

namespace {

constexpr std::size_t kMaxSpellings = 8;

std::vector<std::string> split_spellings(const std::string& value) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < value.size()) {
        std::size_t bar = value.find('|', at);
        if (bar == std::string::npos) bar = value.size();
        if (bar > at) out.push_back(value.substr(at, bar - at));
        at = bar + 1;
    }
    return out;
}

std::string join_spellings(const std::vector<std::string>& spellings) {
    std::string value;
    for (const auto& w : spellings) value += (value.empty() ? "" : "|") + w;
    return value;
}

}  // namespace

void NameKeys::count(const std::string& folded_word) {
    std::string key = text::name_key(folded_word);
    if (key.size() >= 3) ++m_counts[std::move(key)][folded_word];
}

void NameKeys::merge(NameKeys&& other) {
    if (m_counts.empty()) {
        m_counts = std::move(other.m_counts);
    } else {
        for (auto& [key, words] : other.m_counts) {
            auto& mine = m_counts[key];
            for (const auto& [word, n] : words) mine[word] += n;
        }
    }
    other.m_counts.clear();
}

void NameKeys::write_to(Xapian::WritableDatabase& db) {
    for (const auto& [key, words] : m_counts) {
        const std::string meta = std::string(text::kNameKeyMetadata) + key;
        std::vector<std::pair<std::size_t, std::string>> counted;
        for (const auto& [word, n] : words) counted.emplace_back(n, word);
        std::sort(counted.rbegin(), counted.rend());
        std::vector<std::string> spellings;
        for (const auto& [n, word] : counted) spellings.push_back(word);
        for (const auto& known : split_spellings(db.get_metadata(meta)))
            if (!words.count(known)) spellings.push_back(known);
        if (spellings.size() > kMaxSpellings) spellings.resize(kMaxSpellings);
        db.set_metadata(meta, join_spellings(spellings));
        if (key.size() < 4) continue;
        for (const auto& a : spellings)
            for (const auto& b : spellings)
                if (a != b) add_spelling_synonym(db, a, b);
    }
    m_counts.clear();
}

void add_spelling_synonym(Xapian::WritableDatabase& db, const std::string& word, const std::string& other) {
    if (word.empty() || other.empty() || word.find(' ') != std::string::npos || other.find(' ') != std::string::npos) return;
    for (std::string_view prefix : {std::string_view(""), schema::prefix::speaker, schema::prefix::region})
        db.add_synonym(word, text::stemmed_term(prefix, other));
}

std::string merge_name_spellings(const std::vector<std::string>& values) {
    std::vector<std::string> spellings;
    for (const auto& value : values)
        for (auto& w : split_spellings(value))
            if (spellings.size() < kMaxSpellings && std::find(spellings.begin(), spellings.end(), w) == spellings.end())
                spellings.push_back(std::move(w));
    return join_spellings(spellings);
}

}  // namespace verbatim::index
