// libFuzzer target: read_text_file (format 1, "Key: value" header, "---", paragraphs).

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace verbatim;
    const std::string path = "fuzz.txt";
    corpus::read_text_file(
        path, fuzz::as_view(data, size), [&](corpus::RawDocument&& doc) { fuzz::check_document(doc, path); },
        [&](const corpus::Problem& p) { fuzz::check_problem(p, path); });
    return 0;
}
