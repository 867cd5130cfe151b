// libFuzzer target: the query translator (no database): QueryBuilder::build and parse, and
// the helpers that cut a query into fields and words. A bad query may be refused with a
// QueryError (the programs print it and exit 2); anything else escaping is a finding.

#include "fuzz_support.hpp"

#include <verbatim/error.hpp>
#include <verbatim/search/query_builder.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace verbatim;
    static const search::QueryBuilder builder;
    const std::string query(fuzz::as_view(data, size));
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
