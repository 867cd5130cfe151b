#pragma once
// What a corpus reader handed on: its documents and its problems, for assertions.

#include <verbatim/corpus/readers.hpp>

#include <string>
#include <vector>

namespace verbatim::test {

using Paragraphs = std::vector<std::string>;

struct Read {
    std::vector<corpus::RawDocument> documents;
    std::vector<corpus::Problem> problems;

    corpus::DocumentSink documents_sink() {
        return [this](corpus::RawDocument&& d) { documents.push_back(std::move(d)); };
    }
    corpus::ProblemSink problems_sink() {
        return [this](const corpus::Problem& p) { problems.push_back(p); };
    }
};

}  // namespace verbatim::test
