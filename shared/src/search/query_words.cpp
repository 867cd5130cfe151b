#include <verbatim/search/query_words.hpp>

#include <verbatim/text/unicode.hpp>

#include <cctype>

namespace verbatim::search {

namespace {

bool is_field_token(const std::string& token) {
    const std::size_t colon = token.find(':'), quote = token.find('"');
    std::size_t start = token.find_first_not_of("+-(");
    return colon != std::string::npos && start != std::string::npos && colon > start &&
           (quote == std::string::npos || colon < quote) && std::isalpha(static_cast<unsigned char>(token[start]));
}

}  // namespace

std::vector<std::string> query_tokens(const std::string& query) {
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < query.size()) {
        while (i < query.size() && std::isspace(static_cast<unsigned char>(query[i]))) ++i;
        const std::size_t start = i;
        bool quoted = false;
        while (i < query.size() && (quoted || !std::isspace(static_cast<unsigned char>(query[i])))) {
            if (query[i] == '"') quoted = !quoted;
            ++i;
        }
        if (i > start) tokens.push_back(query.substr(start, i - start));
    }
    return tokens;
}

std::pair<std::string, std::string> split_fields(const std::string& query) {
    std::string fields, words;
    for (const auto& token : query_tokens(query)) (is_field_token(token) ? fields : words) += token + " ";
    return {fields, words};
}

std::vector<std::string> folded_words(const std::string& folded) {
    std::vector<std::string> words;
    std::string word;
    for (char c : folded) {
        if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || (c == '\'' && !word.empty())) {
            word.push_back(c);
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(word);
    for (auto& w : words)
        while (!w.empty() && w.back() == '\'') w.pop_back();
    return words;
}

std::vector<std::string> plain_words(const std::string& query) {
    std::vector<std::string> words;
    for (const auto& token : query_tokens(query)) {
        if (token[0] == '-' || is_field_token(token)) continue;
        if (token == "AND" || token == "OR" || token == "NOT" || token == "NEAR" || token == "XOR") continue;
        for (auto& w : folded_words(text::fold(token))) words.push_back(std::move(w));
    }
    return words;
}

}  // namespace verbatim::search
