#include <verbatim/corpus/document.hpp>

#include <verbatim/text/unicode.hpp>

#include <filesystem>

namespace verbatim::corpus {

std::string normal_path(const std::string& path) {
    return std::filesystem::path(path).lexically_normal().generic_string();
}

// The same file named two ways ("dir/./a.txt", "dir/b/../a.txt") is one document.
std::string RawDocument::id() const {
    const std::string path = normal_path(source);
    return text::stable_hash(key.empty() ? path : path + "#" + key);
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
