#pragma once
// Helpers shared by the end-to-end tests: JSON Lines output parsed, contract fields.

#include "run_program.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace verbatim::test {

// Every statement `extract` prints and every jsonl hit carries these keys (docs/schema.md).
inline constexpr std::array<std::string_view, 20> kStatementKeys = {
    "id",       "source",  "doc",     "paragraph", "start",    "end",      "text",
    "kind",     "speaker", "role",    "organisation", "region", "country", "date",
    "title",    "url",     "quotes",  "mentions",  "evidence", "confidence"};

// stdout as JSON objects, one per non-empty line; a line that is no JSON object fails the test.
inline std::vector<nlohmann::json> json_lines(const ProgramResult& r) {
    std::vector<nlohmann::json> out;
    for (const auto& line : r.lines()) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        EXPECT_TRUE(j.is_object()) << "not a JSON object: " << line.substr(0, 200);
        if (j.is_object()) out.push_back(std::move(j));
    }
    return out;
}

// Hit ids, counts and facets of a few queries on the sample corpus: what must not change when an
// index is sharded or compacted.
inline std::string sample_answers(const std::string& index) {
    std::string out;
    for (const char* q : {"governor", "border crossing", "speaker:drozdova", "kind:quote region", "\"the region\""}) {
        const auto hits = run_program("verbatim-search", {"--index", index, "--format", "jsonl", "--limit", "20", q});
        for (const auto& line : hits.lines()) out += nlohmann::json::parse(line).at("id").get<std::string>() + " ";
        out += "| count " + run_program("verbatim-search", {"--index", index, "--count", q}).out;
        out += run_program("verbatim-search", {"--index", index, "--format", "jsonl", "--limit", "0", "--facets",
                                                "speaker,kind,year", q})
                   .out +
               "\n";
    }
    return out;
}

inline std::string dump_for_failure(const ProgramResult& r) {
    return "exit " + std::to_string(r.status) + "\n--- stderr:\n" + r.err.substr(0, 4000) + "\n--- stdout (start):\n" +
           r.out.substr(0, 2000);
}

}  // namespace verbatim::test
