#pragma once
// Problems met while reading a corpus: collected, logged once each, summarised at the end.

#include <cstddef>
#include <functional>
#include <string>

namespace verbatim::corpus {

enum class Severity {
    skipped,  // not a corpus file (image, SOURCE.md, ...): a one-line note, not a problem
    note,     // good input read in an unusual way (a huge document in parts): said once, not a problem
    problem,  // bad input: part or all of a file was not indexed
};

struct Problem {
    std::string file;
    std::size_t line = 0;  // 1-based, 0 when the whole file is concerned
    Severity severity = Severity::problem;
    std::string message;

    std::string to_string() const;
};

using ProblemSink = std::function<void(const Problem&)>;

// A value from the input quoted in a message, cut to a readable length.
std::string shorten(std::string_view value, std::size_t max = 60);

}  // namespace verbatim::corpus
