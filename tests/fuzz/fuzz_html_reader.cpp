// libFuzzer target: read_html_file (format 5, saved web pages parsed with Gumbo).

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace verbatim;
    const std::string path = "news/2024-06-27/fuzz.html";
    corpus::read_html_file(
        path, fuzz::as_view(data, size), [&](corpus::RawDocument&& doc) { fuzz::check_document(doc, path); },
        [&](const corpus::Problem& p) { fuzz::check_problem(p, path); });
    return 0;
}
