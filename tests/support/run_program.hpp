#pragma once
// Runs one of the built programs and captures its exit status, stdout and stderr.

#include "temp_dir.hpp"
#include "test_config.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace verbatim::test {

struct ProgramResult {
    int status = -1;
    std::string out;
    std::string err;
    std::vector<std::string> lines() const {
        std::vector<std::string> result;
        std::istringstream in(out);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) result.push_back(line);
        return result;
    }
};

inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// `program` is "verbatim-index" or "verbatim-search"; arguments are passed quoted.
inline ProgramResult run_program(const std::string& program, const std::vector<std::string>& args,
                                 const std::string& stdin_text = "") {
    TempDir io;
    std::string command = shell_quote(std::string(kBinDir) + "/" + program);
    for (const auto& a : args) command += " " + shell_quote(a);
    const auto in_path = io / "stdin";
    std::ofstream(in_path) << stdin_text;
    command += " <" + shell_quote(in_path.string()) + " >" + shell_quote((io / "out").string()) + " 2>" +
               shell_quote((io / "err").string());
    const int raw = std::system(command.c_str());
    ProgramResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(io / "out");
    r.err = slurp(io / "err");
    return r;
}

#define VERBATIM_REQUIRE_SHARED()                                                                  \
    do {                                                                                           \
        if (!::verbatim::test::kHaveShared)                                                        \
            GTEST_SKIP() << "the team folder (" << ::verbatim::test::kSharedDir                     \
                         << ") is absent; set -DVERBATIM_SHARED_DIR to run tests on real documents"; \
    } while (0)

// Tests of big inputs whose point is time and peak memory: in a sanitizer build they take
// minutes each (7 and 9 for the 20 MB inputs on the 2-core CI machine) and neither figure is
// the program's own; the same code runs sanitized on smaller inputs and in the fuzzers.
#define VERBATIM_SKIP_UNDER_SANITIZERS(why)                                                        \
    do {                                                                                           \
        if (::verbatim::test::kSanitized) GTEST_SKIP() << "skipped in the sanitizer build: " << why; \
    } while (0)

}  // namespace verbatim::test
