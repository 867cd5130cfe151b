// libFuzzer target: the query translator (no database): QueryBuilder::build and parse, and
// the helpers that cut a query into fields and words. A bad query may be refused with a
// QueryError (the programs print it and exit 2); anything else escaping is a finding.

#include "fuzz_support.hpp"

#include <verbatim/error.hpp>
#include <verbatim/search/query_builder.hpp>

#include <array>
#include <cstdlib>
#include <string_view>

namespace {

// Known bug (tests/fuzz/regressions/fuzz_query-crash-signed-refused-field.txt): a field value
// our FieldProcessors refuse, right after a leading + or - ("-kind:nope", "+date:2024-13-45"),
// corrupts Xapian's parser state: free(): invalid pointer / SIGSEGV. With
// VERBATIM_FUZZ_SKIP_KNOWN_BUGS=1 such inputs are left out so the fuzzer can look for others;
// CI runs without it, so the target fails until the bug is fixed.
bool known_bug(std::string_view query) {
    static const bool skip = [] {
        const char* e = std::getenv("VERBATIM_FUZZ_SKIP_KNOWN_BUGS");
        return e && *e && *e != '0';
    }();
    if (!skip) return false;
    for (std::string_view field : std::array<std::string_view, 4>{"kind:", "date:", "after:", "before:"})
        for (std::size_t at = query.find(field); at != std::string_view::npos; at = query.find(field, at + 1))
            if (at > 0 && (query[at - 1] == '-' || query[at - 1] == '+')) return true;
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace verbatim;
    static const search::QueryBuilder builder;
    const std::string query(fuzz::as_view(data, size));
    if (known_bug(query)) return -1;
    try {
        search::SearchRequest request;
        request.query = query;
        const search::BuiltQuery built = builder.build(request);
        (void)built.strict.get_description();
        (void)built.relaxed.get_description();
        (void)built.ranked.get_description();
        (void)built.positional.get_description();
        for (const auto& [name, part] : built.parts) (void)part.get_description();
    } catch (const QueryError&) {
    }
    try {
        (void)builder.parse(query).get_description();
    } catch (const QueryError&) {
    }
    try {
        search::SearchRequest exact;
        exact.query = query;
        exact.exact = true;
        (void)builder.build(exact).strict.get_description();
    } catch (const QueryError&) {
    }
    (void)search::split_fields(query);
    (void)search::plain_words(query);
    (void)search::rewrite_for_parser(query);
    return 0;
}
