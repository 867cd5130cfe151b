// libFuzzer target: read_jsonl_file (formats 2 and 3: articles or statements, one JSON a line).
// The reader streams from a path, so the input is written to a scratch file first.

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace verbatim;
    const std::string& path = fuzz::write_scratch(".jsonl", fuzz::as_view(data, size));
    corpus::read_jsonl_file(
        path,
        [&](corpus::RawDocument&& doc) {
            fuzz::check_document(doc, path);
            for (const auto& s : doc.preset) VERBATIM_FUZZ_CHECK(!s.text.empty());
        },
        [&](const corpus::Problem& p) {
            fuzz::check_problem(p, path);
            VERBATIM_FUZZ_CHECK(p.line >= 1);  // every JSON Lines problem names its line
        });
    return 0;
}
