// libFuzzer target: read_csv_file (format 4, a header row, then one document per record).
// The reader streams from a path, so the input is written to a scratch file first. Each input
// is read twice: as a normal run reads it, and as --strict does, whose problem sink throws at
// the first problem (from inside libcsv's callbacks: that once leaked the parser's buffer,
// tests/fuzz/regressions/fuzz_csv_reader-leak-strict-problem.csv).

#include "fuzz_support.hpp"

#include <stdexcept>

namespace {

struct StrictStop : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace verbatim;
    static const corpus::CsvColumns columns;  // the default column names
    const std::string& path = fuzz::write_scratch(".csv", fuzz::as_view(data, size));
    corpus::read_csv_file(
        path, columns, [&](corpus::RawDocument&& doc) { fuzz::check_document(doc, path); },
        [&](const corpus::Problem& p) { fuzz::check_problem(p, path); });
    try {
        corpus::read_csv_file(
            path, columns, [&](corpus::RawDocument&& doc) { fuzz::check_document(doc, path); },
            [&](const corpus::Problem& p) {
                fuzz::check_problem(p, path);
                throw StrictStop(p.to_string());
            });
    } catch (const StrictStop&) {
    }
    return 0;
}
