#include <verbatim/corpus/problem.hpp>

namespace verbatim::corpus {

std::string Problem::to_string() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    return out + ": " + message;
}

std::string shorten(std::string_view value, std::size_t max) {
    if (value.size() <= max) return std::string(value);
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    return std::string(value.substr(0, cut)) + "… (" + std::to_string(value.size()) + " bytes)";
}

}  // namespace verbatim::corpus
