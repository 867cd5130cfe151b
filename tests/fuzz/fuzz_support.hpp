#pragma once
// Shared by the fuzz targets: a per-process scratch file for the readers that take a path, and
// the checks every reader's output must pass whatever the input.

#include <verbatim/corpus/readers.hpp>
#include <verbatim/text/unicode.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace verbatim::fuzz {

// A violated invariant is a crash for libFuzzer: it keeps the input and stops.
#define VERBATIM_FUZZ_CHECK(condition)                                                           \
    do {                                                                                         \
        if (!(condition)) {                                                                      \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
            std::abort();                                                                        \
        }                                                                                        \
    } while (0)

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The readers of JSON Lines and CSV stream from a path: the input goes to a file of this process.
inline const std::string& scratch_file(const std::string& extension) {
    static const std::string path = [&] {
        const char* dir = std::getenv("TMPDIR");
        std::filesystem::path base = dir && *dir ? dir : "/tmp";
        return (base / ("verbatim-fuzz-" + std::to_string(getpid()) + extension)).string();
    }();
    return path;
}

inline const std::string& write_scratch(const std::string& extension, std::string_view bytes) {
    const std::string& path = scratch_file(extension);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

// What every reader promises about a document it hands on, whatever the input was.
inline void check_document(const corpus::RawDocument& doc, const std::string& path) {
    VERBATIM_FUZZ_CHECK(doc.source == path);
    VERBATIM_FUZZ_CHECK(!doc.paragraphs.empty());
    for (const auto& p : doc.paragraphs) {
        VERBATIM_FUZZ_CHECK(!text::find_invalid_utf8(p));
    }
    VERBATIM_FUZZ_CHECK(!text::find_invalid_utf8(doc.title));
    VERBATIM_FUZZ_CHECK(doc.date.empty() || doc.date.size() == 4 || doc.date.size() == 10);
    (void)doc.id();
    (void)doc.body();
}

inline void check_problem(const corpus::Problem& p, const std::string& path) {
    VERBATIM_FUZZ_CHECK(p.file == path);
    VERBATIM_FUZZ_CHECK(!p.message.empty());
    (void)p.to_string();
}

}  // namespace verbatim::fuzz
