#include <verbatim/corpus/readers.hpp>

#include <verbatim/corpus/dates.hpp>
#include <verbatim/text/unicode.hpp>

#include <csv.h>

#include <algorithm>
#include <exception>
#include <fstream>
#include <regex>

namespace verbatim::corpus {

namespace {

// Default column names per field, first match wins; CsvColumns overrides them.
const std::map<std::string, std::vector<std::string>>& default_columns() {
    static const std::map<std::string, std::vector<std::string>> columns = {
        {"title", {"title", "headline"}},
        {"date", {"date", "published", "published_at"}},
        {"url", {"url", "link"}},
        {"text", {"text", "body", "content"}},
        {"location", {"location", "place"}},
        {"id", {"id"}},
    };
    return columns;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Scraped bodies often run sentences together ("ended.The next"): put the space back.
std::string repair_run_together(const std::string& body) {
    static const std::regex joined(R"(([a-z]{2}[.!?]["”]?)([A-Z][a-z]))");
    return std::regex_replace(body, joined, "$1 $2");
}

struct Parse {
    const std::string* path = nullptr;
    const CsvColumns* overrides = nullptr;
    const DocumentSink* sink = nullptr;
    const ProblemSink* problems = nullptr;
    std::vector<std::string> header;
    std::map<std::string, std::size_t> index;  // field → column
    std::vector<std::string> row;
    std::size_t line = 1;       // line where the current row starts
    std::size_t newlines = 0;   // newlines inside the current row's fields
    std::exception_ptr error;   // an exception from the sink, rethrown outside libcsv's C frames
};

void on_field(void* data, std::size_t length, void* parse_ptr) {
    auto& p = *static_cast<Parse*>(parse_ptr);
    std::string value(static_cast<const char*>(data), length);
    p.newlines += static_cast<std::size_t>(std::count(value.begin(), value.end(), '\n'));
    p.row.push_back(std::move(value));
}

void map_header(Parse& p) {
    std::map<std::string, std::size_t> by_name;
    for (std::size_t i = 0; i < p.header.size(); ++i)
        by_name.emplace(lower(std::string(text::strip_bom(p.header[i]))), i);
    for (const auto& [field, names] : default_columns()) {
        auto chosen = names;
        if (auto o = p.overrides->find(field); o != p.overrides->end()) chosen = {lower(o->second)};
        for (const auto& name : chosen) {
            if (auto it = by_name.find(name); it != by_name.end()) {
                p.index[field] = it->second;
                break;
            }
        }
    }
    if (!p.index.count("text"))
        (*p.problems)({*p.path, 1, Severity::problem,
                       "no text column (text, body or content; map one with --csv-column text=NAME); file skipped"});
}

void on_row(int terminator, void* parse_ptr) {
    auto& p = *static_cast<Parse*>(parse_ptr);
    if (p.error) return;
    const std::size_t row_line = p.line;
    // With CSV_REPALL_NL every line end is reported, blank lines as empty rows; a CRLF is a CR
    // row end followed by an empty LF row, so only LF (or the end of the file) counts a line.
    p.line += p.newlines + (terminator == '\n' || terminator == -1 ? 1 : 0);
    p.newlines = 0;
    if (p.row.empty()) return;
    std::vector<std::string> row = std::move(p.row);
    p.row.clear();
    if (p.header.empty()) {
        p.header = std::move(row);
        map_header(p);
        return;
    }
    if (!p.index.count("text")) return;
    auto get = [&](const char* field) -> std::string {
        auto it = p.index.find(field);
        return it == p.index.end() || it->second >= row.size() ? "" : row[it->second];
    };
    for (const auto& value : row) {
        if (text::find_invalid_utf8(value)) {
            (*p.problems)({*p.path, row_line, Severity::problem, "invalid UTF-8; row skipped"});
            return;
        }
    }
    RawDocument doc;
    doc.source = *p.path;
    doc.line = row_line;
    doc.key = get("id");
    if (doc.key.empty()) doc.key = "row" + std::to_string(row_line);
    doc.title = text::squeeze_spaces(get("title"));
    const std::string date = get("date");
    doc.date = normalize_date(date);
    if (!date.empty() && doc.date.empty())
        (*p.problems)({*p.path, row_line, Severity::problem, "impossible date '" + shorten(date) + "'; date left empty"});
    doc.url = get("url");
    doc.location = get("location");
    doc.paragraphs = split_paragraphs(repair_run_together(get("text")));
    if (doc.paragraphs.empty()) {
        (*p.problems)({*p.path, row_line, Severity::problem, "row without text; skipped"});
        return;
    }
    try {
        (*p.sink)(std::move(doc));
    } catch (...) {
        p.error = std::current_exception();
    }
}

}  // namespace

void read_csv_file(const std::string& path, const CsvColumns& columns, const DocumentSink& sink,
                   const ProblemSink& problems) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problems({path, 0, Severity::problem, "cannot open the file"});
        return;
    }
    csv_parser parser;
    if (csv_init(&parser, CSV_APPEND_NULL | CSV_REPALL_NL) != 0) {
        problems({path, 0, Severity::problem, "cannot start the CSV parser"});
        return;
    }
    Parse p;
    p.path = &path;
    p.overrides = &columns;
    p.sink = &sink;
    p.problems = &problems;
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        if (csv_parse(&parser, buffer.data(), got, on_field, on_row, &p) != got) {
            problems({path, p.line + p.newlines, Severity::problem,
                      std::string("CSV error: ") + csv_strerror(csv_error(&parser)) + "; rest of file skipped"});
            csv_free(&parser);
            return;
        }
        if (p.error) break;
    }
    if (!p.error) csv_fini(&parser, on_field, on_row, &p);
    csv_free(&parser);
    if (p.error) std::rethrow_exception(p.error);
}

}  // namespace verbatim::corpus
