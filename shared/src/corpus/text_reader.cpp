#include <verbatim/corpus/readers.hpp>

#include <verbatim/corpus/dates.hpp>
#include <verbatim/text/unicode.hpp>

#include <algorithm>
#include <array>
#include <filesystem>

namespace verbatim::corpus {

namespace {

constexpr std::array<std::string_view, 7> kHeaderKeys = {"title",    "date",     "url",     "source",
                                                          "event",    "location", "language"};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// The header ends at a line "---" and holds only "Key: value" lines with known keys.
// Returns the byte offset where the body starts (0 when there is no header).
std::size_t parse_header(std::string_view content, RawDocument& doc, std::size_t& body_line,
                         const std::string& path, const ProblemSink& problems) {
    RawDocument header;
    std::size_t at = 0, line_no = 0, date_line = 0;
    while (at < content.size()) {
        std::size_t nl = content.find('\n', at);
        if (nl == std::string_view::npos) nl = content.size();
        const std::string_view line = trim(content.substr(at, nl - at));
        ++line_no;
        at = nl + 1;
        if (line == "---") {
            if (!header.date.empty() && normalize_date(header.date).empty())
                problems({path, date_line, Severity::problem,
                          "impossible date '" + shorten(header.date) + "' in the header; date left empty"});
            doc.title = header.title;
            doc.date = normalize_date(header.date);
            doc.url = header.url;
            doc.publisher = header.publisher;
            doc.event = header.event;
            doc.location = header.location;
            doc.language = header.language;
            body_line = line_no + 1;
            return std::min(at, content.size());
        }
        if (line.empty()) continue;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) return 0;
        const std::string key = lower(trim(line.substr(0, colon)));
        if (std::find(kHeaderKeys.begin(), kHeaderKeys.end(), key) == kHeaderKeys.end()) return 0;
        const std::string value(trim(line.substr(colon + 1)));
        if (key == "title") header.title = value;
        else if (key == "date") {
            header.date = value;
            date_line = line_no;
        }
        else if (key == "url") header.url = value;
        else if (key == "source") header.publisher = value;
        else if (key == "event") header.event = value;
        else if (key == "location") header.location = value;
        else if (key == "language") header.language = value;
    }
    return 0;
}

}  // namespace

void read_text_file(const std::string& path, std::string_view content, const DocumentSink& sink,
                    const ProblemSink& problems) {
    content = text::strip_bom(content);
    if (auto bad = text::find_invalid_utf8(content)) {
        const std::size_t line = 1 + static_cast<std::size_t>(
                                         std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(*bad), '\n'));
        const std::size_t line_start = content.rfind('\n', *bad == 0 ? 0 : *bad - 1);
        content = content.substr(0, line_start == std::string_view::npos || *bad == 0 ? 0 : line_start);
        problems({path, line, Severity::problem,
                  "invalid UTF-8; indexed only the " + std::to_string(line - 1) +
                      " lines before it"});
    }
    RawDocument doc;
    doc.source = path;
    doc.line = 1;
    std::size_t body_line = 1;
    const std::size_t body_at = parse_header(content, doc, body_line, path, problems);
    doc.paragraphs = split_paragraphs(content.substr(body_at));
    if (doc.date.empty())
        doc.date = date_from_file_name(std::filesystem::path(path).filename().string());
    if (doc.paragraphs.empty()) {
        problems({path, body_line, Severity::problem, "no text after the header; nothing indexed"});
        return;
    }
    sink(std::move(doc));
}

}  // namespace verbatim::corpus
