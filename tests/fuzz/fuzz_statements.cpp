// libFuzzer target: the statement extractor. The input is the body of one document:
// split_paragraphs → segment (sentences, quotations) → Attributor::attribute, then each
// statement as the JSON that `extract` prints. The readers hand on valid UTF-8 only, so other
// input is not a document and is left out.

#include "fuzz_support.hpp"

#include <verbatim/attribute/attributor.hpp>
#include <verbatim/attribute/gazetteer.hpp>
#include <verbatim/format/json.hpp>
#include <verbatim/segment/segments.hpp>

namespace {

const verbatim::attribute::Gazetteer& gazetteer() {
    static const verbatim::attribute::Gazetteer g =
        verbatim::attribute::Gazetteer::load(verbatim::attribute::find_data_folder(VERBATIM_FUZZ_DATA_DIR));
    return g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace verbatim;
    static const attribute::Attributor attributor(gazetteer());
    const std::string_view input = fuzz::as_view(data, size);
    if (text::find_invalid_utf8(input)) return -1;  // not a document any reader hands on

    corpus::RawDocument doc;
    doc.source = "fuzz.txt";
    doc.line = 1;
    doc.paragraphs = corpus::split_paragraphs(input);
    if (doc.paragraphs.empty()) return 0;
    for (const auto& p : doc.paragraphs) VERBATIM_FUZZ_CHECK(!text::find_invalid_utf8(p));

    const auto paragraphs = segment::segment(doc);
    VERBATIM_FUZZ_CHECK(paragraphs.size() == doc.paragraphs.size());
    for (const auto& p : paragraphs) {
        for (const auto& s : p.sentences) VERBATIM_FUZZ_CHECK(s.begin <= s.end && s.end <= p.text.size());
        for (const auto& q : p.quotes) {
            VERBATIM_FUZZ_CHECK(q.outer.begin <= q.inner.begin && q.inner.begin <= q.inner.end);
            VERBATIM_FUZZ_CHECK(q.inner.end <= q.outer.end && q.outer.end <= p.text.size());
        }
    }

    const auto statements = attributor.attribute(doc, paragraphs);
    const std::size_t body_length = text::count_code_points(doc.body());
    for (const auto& s : statements) {
        VERBATIM_FUZZ_CHECK(s.start <= s.end && s.end <= body_length);
        VERBATIM_FUZZ_CHECK(!text::find_invalid_utf8(s.text));
        VERBATIM_FUZZ_CHECK(!text::find_invalid_utf8(s.speaker));
        for (const auto& q : s.quotes) VERBATIM_FUZZ_CHECK(s.start <= q.start && q.start <= q.end && q.end <= s.end);
        (void)format::to_json_line(format::to_json(s));
    }
    return 0;
}
