#include <verbatim/text/analysis.hpp>

#include <verbatim/text/unicode.hpp>

namespace verbatim::text {

Xapian::Stem stemmer() { return Xapian::Stem("english"); }

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

std::string name_key(const std::string& w) {
    if (w.empty()) return "";
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

bool is_stopword(const std::string& folded_word) { return stopper()(folded_word); }

std::string analysable(std::string_view text) { return fold_keep_case(text); }

}  // namespace verbatim::text
