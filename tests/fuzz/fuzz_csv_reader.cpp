// libFuzzer target: read_csv_file (format 4, a header row, then one document per record).
// The reader streams from a path, so the input is written to a scratch file first.

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace verbatim;
    static const corpus::CsvColumns columns;  // the default column names
    const std::string& path = fuzz::write_scratch(".csv", fuzz::as_view(data, size));
    corpus::read_csv_file(
        path, columns, [&](corpus::RawDocument&& doc) { fuzz::check_document(doc, path); },
        [&](const corpus::Problem& p) { fuzz::check_problem(p, path); });
    return 0;
}
