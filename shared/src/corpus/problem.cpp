#include <verbatim/corpus/problem.hpp>

namespace verbatim::corpus {

std::string Problem::to_string() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    return out + ": " + message;
}

}  // namespace verbatim::corpus
