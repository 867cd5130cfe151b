#pragma once
// Errors carry their context; exit codes and (later) HTTP statuses are mapped in one place.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace verbatim {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A problem in one corpus file: names the file and, where known, the line (1-based; 0 = unknown).
class CorpusError : public Error {
public:
    CorpusError(std::string file, std::size_t line, const std::string& what);
    const std::string& file() const { return m_file; }
    std::size_t line() const { return m_line; }

private:
    std::string m_file;
    std::size_t m_line;
};

class ConfigError : public Error {
public:
    using Error::Error;
};

class IndexError : public Error {
public:
    using Error::Error;
};

class QueryError : public Error {
public:
    using Error::Error;
};

// Exit statuses shared by both programs (like grep: 0 found, 1 nothing found, 2 trouble).
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int no_match = 1;
inline constexpr int error = 2;
inline constexpr int usage = 2;
// verbatim-index: the good input was processed, but some input had problems (on stderr).
inline constexpr int partial = 1;
}  // namespace exit_code

}  // namespace verbatim
