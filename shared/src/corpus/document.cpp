#include <verbatim/corpus/document.hpp>

#include <verbatim/text/unicode.hpp>

namespace verbatim::corpus {

std::string RawDocument::id() const {
    return text::stable_hash(key.empty() ? source : source + "#" + key);
}

std::string RawDocument::body() const {
    std::string out;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (i) out.push_back('\n');
        out += paragraphs[i];
    }
    return out;
}

}  // namespace verbatim::corpus
