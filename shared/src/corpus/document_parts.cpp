#include <verbatim/corpus/document_parts.hpp>

#include <utility>
#include <vector>

namespace verbatim::corpus {

namespace {

// Where each part starts: indices into the paragraphs; the last part runs to the end.
std::vector<std::size_t> part_starts(const std::vector<std::string>& paragraphs) {
    std::vector<std::size_t> starts = {0};
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const bool full = i - starts.back() == kMaxPartParagraphs || (bytes > 0 && bytes + paragraphs[i].size() > kMaxPartBytes);
        if (full) {
            starts.push_back(i);
            bytes = 0;
        }
        bytes += paragraphs[i].size() + 1;
    }
    return starts;
}

}  // namespace

std::string part_key(const std::string& key, std::size_t number) {
    if (number <= 1) return key;
    return (key.empty() ? "" : key + "/") + "part" + std::to_string(number);
}

void hand_on_in_parts(RawDocument&& document, const DocumentSink& sink, const ProblemSink& problems) {
    const std::vector<std::size_t> starts = part_starts(document.paragraphs);
    if (starts.size() == 1) {
        sink(std::move(document));
        return;
    }
    problems({document.source, document.line, Severity::note,
              std::to_string(document.paragraphs.size()) + " paragraphs: read as " + std::to_string(starts.size()) +
                  " documents of at most " + std::to_string(kMaxPartParagraphs) + " paragraphs or " +
                  std::to_string(kMaxPartBytes >> 20) + " MB; who speaks is not carried from one to the next"});
    std::vector<std::string> paragraphs = std::move(document.paragraphs);
    for (std::size_t part = 0; part < starts.size(); ++part) {
        RawDocument piece = document;  // the metadata; the paragraphs were moved out
        piece.key = part_key(document.key, part + 1);
        const std::size_t end = part + 1 < starts.size() ? starts[part + 1] : paragraphs.size();
        piece.paragraphs.assign(std::make_move_iterator(paragraphs.begin() + static_cast<std::ptrdiff_t>(starts[part])),
                                std::make_move_iterator(paragraphs.begin() + static_cast<std::ptrdiff_t>(end)));
        sink(std::move(piece));
    }
}

}  // namespace verbatim::corpus
