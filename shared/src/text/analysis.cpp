#include <verbatim/text/analysis.hpp>

#include <verbatim/text/unicode.hpp>

namespace verbatim::text {

Xapian::Stem stemmer() { return Xapian::Stem("english"); }

std::string stemmed_term(std::string_view prefix, const std::string& folded_word) {
    static thread_local const Xapian::Stem stem = stemmer();
    return "Z" + std::string(prefix) + stem(folded_word);
}

const Xapian::Stopper& stopper() {
    static const Xapian::SimpleStopper* instance = [] {
        auto* s = new Xapian::SimpleStopper;  // lives for the whole process
        for (const char* w : {"a", "about", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for",
                              "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is",
                              "it", "its", "of", "on", "or", "our", "she", "so", "that", "the", "their", "them",
                              "there", "these", "they", "this", "those", "to", "was", "we", "were", "which",
                              "will", "with", "would", "you", "your"})
            s->add(w);
        return s;
    }();
    return *instance;
}

std::string name_key(const std::string& word) {
    if (word.empty()) return "";
    std::string w;  // "ks" is "x" (Aleksey/Alexei)
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word[i] == 'k' && i + 1 < word.size() && word[i + 1] == 's') {
            w.push_back('x');
            ++i;
        } else {
            w.push_back(word[i]);
        }
    }
    std::string key(1, w[0]);
    for (std::size_t i = 1; i < w.size(); ++i) {
        const char c = w[i];
        if (std::string_view("aeiouy'-").find(c) != std::string_view::npos) continue;
        const char k = c == 'w' ? 'v' : c == 'j' ? 'i' : c;  // Vladimir/Wladimir; Yuri/Juri
        if (k == 'i') continue;
        if (key.back() != k) key.push_back(k);
    }
    return key;
}

std::string person_key(std::string_view full_name) {
    std::string key, word;
    const std::string folded = fold(full_name) + " ";
    for (char c : folded) {
        if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
            word.push_back(c);
        } else if (!word.empty()) {
            key += (key.empty() ? "" : " ") + name_key(word);
            word.clear();
        }
    }
    return key;
}

bool is_stopword(const std::string& folded_word) { return stopper()(folded_word); }

std::string analysable(std::string_view text) { return fold_keep_case(text); }

}  // namespace verbatim::text
