#include <verbatim/corpus/readers.hpp>

#include <verbatim/corpus/dates.hpp>
#include <verbatim/text/unicode.hpp>

#include <csv.h>

#include <algorithm>
#include <exception>
#include <fstream>
#include <optional>
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
    std::size_t first_line = 1; // line where the current pass over the file started
    std::size_t line = 1;       // line where the current row starts
    std::size_t newlines = 0;   // newlines inside the current row's fields
    std::exception_ptr error;   // an exception from the sink, rethrown outside libcsv's C frames
};

// A problem met inside libcsv's callbacks. The sink may throw (--strict): the exception must
// not unwind through libcsv's C frames (it leaked the parser's buffer), so it is kept and
// thrown again once libcsv has returned.
void report(Parse& p, std::size_t line, std::string message) {
    try {
        (*p.problems)({*p.path, line, Severity::problem, std::move(message)});
    } catch (...) {
        if (!p.error) p.error = std::current_exception();
    }
}

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
        report(p, 1, "no text column (text, body or content; map one with --csv-column text=NAME); file skipped");
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
            report(p, row_line, "invalid UTF-8; row skipped");
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
        report(p, row_line, "impossible date '" + shorten(date) + "'; date left empty");
    doc.url = get("url");
    doc.location = get("location");
    doc.paragraphs = split_paragraphs(repair_run_together(get("text")));
    if (doc.paragraphs.empty()) {
        report(p, row_line, "row without text; skipped");
        return;
    }
    if (p.error) return;  // --strict: the problem above ends the file
    try {
        (*p.sink)(std::move(doc));
    } catch (...) {
        p.error = std::current_exception();
    }
}

// How one pass of libcsv over the file ended.
enum class PassEnd { done, unclosed_quote, stopped };

// A libcsv parser freed however the pass ends.
struct CsvParser {
    csv_parser parser{};
    bool started = csv_init(&parser, CSV_APPEND_NULL | CSV_REPALL_NL) == 0;
    CsvParser() = default;
    CsvParser(const CsvParser&) = delete;
    CsvParser& operator=(const CsvParser&) = delete;
    ~CsvParser() {
        if (started) csv_free(&parser);
    }
};

// libcsv over the file from byte `from` (the start of line p.line) to its end, rows to on_row.
PassEnd parse_pass(std::ifstream& in, std::streamoff from, Parse& p) {
    CsvParser csv;
    csv_parser& parser = csv.parser;
    if (!csv.started) {
        (*p.problems)({*p.path, 0, Severity::problem, "cannot start the CSV parser"});
        return PassEnd::stopped;
    }
    in.clear();
    in.seekg(from);
    std::vector<char> buffer(1 << 16);
    while (in && !p.error) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        if (csv_parse(&parser, buffer.data(), got, on_field, on_row, &p) != got) {
            (*p.problems)({*p.path, p.line + p.newlines, Severity::problem,
                           std::string("CSV error: ") + csv_strerror(csv_error(&parser)) + "; rest of file skipped"});
            return PassEnd::stopped;
        }
    }
    PassEnd end = PassEnd::done;
    if (!p.error) {
        // Lenient while parsing, strict at the end: a quoted field still open when the file
        // ends has swallowed every later record, and must not become one.
        csv_set_opts(&parser, static_cast<unsigned char>(csv_get_opts(&parser) | CSV_STRICT | CSV_STRICT_FINI));
        if (csv_fini(&parser, on_field, on_row, &p) != 0) end = PassEnd::unclosed_quote;
    }
    return end;
}

// Byte offset of the start of the line `lines` lines after the one starting at `from`.
std::optional<std::streamoff> skip_lines(std::ifstream& in, std::streamoff from, std::size_t lines) {
    in.clear();
    in.seekg(from);
    std::streamoff at = from;
    std::vector<char> buffer(1 << 16);
    while (lines > 0 && in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        for (std::size_t i = 0; i < got; ++i)
            if (buffer[i] == '\n' && --lines == 0) return at + static_cast<std::streamoff>(i) + 1;
        at += static_cast<std::streamoff>(got);
    }
    return std::nullopt;
}

// Each unclosed quote costs a pass over the rest of the file; past this many, the rest is skipped.
constexpr int kMaxUnclosedQuotes = 20;

}  // namespace

void read_csv_file(const std::string& path, const CsvColumns& columns, const DocumentSink& sink,
                   const ProblemSink& problems) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problems({path, 0, Severity::problem, "cannot open the file"});
        return;
    }
    Parse p;
    p.path = &path;
    p.overrides = &columns;
    p.sink = &sink;
    p.problems = &problems;
    std::streamoff from = 0;
    for (int unclosed = 1; parse_pass(in, from, p) == PassEnd::unclosed_quote; ++unclosed) {
        // The quote opened in the field after the row's complete ones: on the row's first line
        // plus the line ends inside those fields. The record is dropped; the next line starts anew.
        const std::size_t quote_line = p.line + p.newlines;
        if (p.header.empty()) {
            problems({path, quote_line, Severity::problem, "a quote in the header row is never closed; file skipped"});
            break;
        }
        if (unclosed > kMaxUnclosedQuotes) {
            problems({path, quote_line, Severity::problem,
                      "a quote opened on this line is never closed (more than " +
                          std::to_string(kMaxUnclosedQuotes) + " in this file); rest of file skipped"});
            break;
        }
        problems({path, quote_line, Severity::problem,
                  "a quote opened on this line is never closed; that record skipped, reading goes on at the next line"});
        const auto next = skip_lines(in, from, quote_line - p.first_line + 1);
        if (!next) break;
        from = *next;
        p.first_line = p.line = quote_line + 1;
        p.row.clear();
        p.newlines = 0;
    }
    if (p.error) std::rethrow_exception(p.error);
}

}  // namespace verbatim::corpus
