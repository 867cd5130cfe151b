#pragma once
// read → segment → attribute: the chain both `extract` and `build` run.

#include <verbatim/attribute/attributor.hpp>
#include <verbatim/corpus/walk.hpp>

#include <functional>

namespace verbatim {

// The statements of one document, in document order.
std::vector<Statement> statements_of(const corpus::RawDocument& document, const attribute::Attributor& attributor);

using StatementsSink = std::function<void(const corpus::RawDocument&, std::vector<Statement>&&)>;

void for_each_document(const std::vector<std::string>& paths, const corpus::ReadOptions& options,
                       const attribute::Attributor& attributor, const StatementsSink& sink,
                       const corpus::ProblemSink& problems);

}  // namespace verbatim
