#include <verbatim/pipeline.hpp>

#include <verbatim/segment/segments.hpp>
#include <verbatim/text/unicode.hpp>

namespace verbatim {

std::vector<Statement> statements_of(const corpus::RawDocument& document, const attribute::Attributor& attributor) {
    std::vector<Statement> statements;
    const std::string doc_id = document.id();
    if (!document.preset.empty()) {
        std::size_t offset = 0;
        for (std::size_t i = 0; i < document.preset.size(); ++i) {
            Statement s = document.preset[i];
            // Ids given in the input are unique within their file only.
            s.id = s.id.empty() ? doc_id + "-" + std::to_string(i) + "-0" : text::stable_hash(corpus::normal_path(document.source)) + "-" + s.id;
            s.paragraph = i;
            s.start = offset;
            s.end = offset + text::count_code_points(s.text);
            offset = s.end + 1;
            statements.push_back(std::move(s));
        }
    } else {
        statements = attributor.attribute(document, segment::segment(document));
    }
    for (Statement& s : statements) {
        s.source = document.source;
        s.doc = doc_id;
        if (s.date.empty()) s.date = document.date;
        if (s.title.empty()) s.title = document.title;
        if (s.url.empty()) s.url = document.url;
    }
    return statements;
}

void for_each_document(const std::vector<std::string>& paths, const corpus::ReadOptions& options,
                       const attribute::Attributor& attributor, const StatementsSink& sink,
                       const corpus::ProblemSink& problems) {
    corpus::read_paths(
        paths, options,
        [&](corpus::RawDocument&& document) { sink(document, statements_of(document, attributor)); },
        problems);
}

}  // namespace verbatim
