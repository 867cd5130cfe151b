#pragma once
// Statements and search hits as JSON: the schema of `extract`, of jsonl results and of the
// document data stored in the index (docs/schema.md).

#include <verbatim/statement.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace verbatim::format {

nlohmann::json to_json(const Statement& statement);
Statement statement_from_json(const nlohmann::json& object);

// One line of JSON Lines (no trailing newline); invalid UTF-8 is replaced, never thrown.
std::string to_json_line(const nlohmann::json& object);

}  // namespace verbatim::format
