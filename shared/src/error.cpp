#include <verbatim/error.hpp>

namespace verbatim {

namespace {
std::string locate(const std::string& file, std::size_t line, const std::string& what) {
    std::string where = file;
    if (line > 0) where += ":" + std::to_string(line);
    return where + ": " + what;
}
}  // namespace

CorpusError::CorpusError(std::string file, std::size_t line, const std::string& what)
    : Error(locate(file, line, what)), m_file(std::move(file)), m_line(line) {}

}  // namespace verbatim
