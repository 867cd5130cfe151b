#include <verbatim/corpus/readers.hpp>

#include <verbatim/corpus/dates.hpp>
#include <verbatim/text/unicode.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include <zlib.h>

namespace verbatim::corpus {

namespace {

constexpr int kMaxDepth = 32;
constexpr std::size_t kStatementsPerDocument = 1000;

struct FieldError {
    std::string message;
};

// A string field: absent or null → "", number → its text, anything else is an error.
std::string field(const nlohmann::json& object, const char* name) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
    throw FieldError{std::string("field '") + name + "' must be a string, not " + it->type_name()};
}

std::string first_field(const nlohmann::json& object, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        std::string value = field(object, name);
        if (!value.empty()) return value;
    }
    return "";
}

Statement statement_from(const nlohmann::json& object) {
    Statement s;
    s.text = text::squeeze_spaces(field(object, "text"));
    s.speaker = field(object, "speaker");
    s.role = field(object, "role");
    s.organisation = field(object, "organisation");
    if (s.organisation.empty()) s.organisation = field(object, "organization");
    s.region = field(object, "region");
    s.country = field(object, "country");
    s.date = normalize_date(field(object, "date"));
    s.title = first_field(object, {"title", "source"});
    s.url = field(object, "url");
    s.id = field(object, "id");
    const std::string kind = field(object, "kind");
    s.kind = parse_kind(kind).value_or(s.speaker.empty() ? Kind::narrative : Kind::quote);
    s.evidence = "given in the input";
    s.confidence = 1.0;
    return s;
}

// Lines of a file, gzip-compressed (.gz) or not, without holding the file in memory.
class LineSource {
public:
    explicit LineSource(const std::string& path) {
        if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0) {
            m_gz = gzopen(path.c_str(), "rb");
            if (m_gz) gzbuffer(m_gz, 1 << 17);
        } else {
            m_file.open(path, std::ios::binary);
        }
    }
    ~LineSource() {
        if (m_gz) gzclose(m_gz);
    }
    LineSource(const LineSource&) = delete;
    LineSource& operator=(const LineSource&) = delete;
    bool ok() const { return m_gz != nullptr || m_file.is_open(); }
    bool next(std::string& line) {
        if (!m_gz) return static_cast<bool>(std::getline(m_file, line));
        line.clear();
        char buffer[1 << 16];
        while (gzgets(m_gz, buffer, sizeof buffer)) {
            line += buffer;
            if (!line.empty() && line.back() == '\n') {
                line.pop_back();
                return true;
            }
        }
        return !line.empty();
    }
    // Bytes of the file consumed so far.
    std::uint64_t position() {
        if (m_gz) return static_cast<std::uint64_t>(std::max<z_off_t>(0, gzoffset(m_gz)));
        const auto at = m_file.tellg();
        return at < 0 ? 0 : static_cast<std::uint64_t>(at);
    }
    bool failed() const {
        int code = Z_OK;
        if (m_gz) gzerror(m_gz, &code);
        return code != Z_OK && code != Z_STREAM_END;
    }

private:
    std::ifstream m_file;
    gzFile m_gz = nullptr;
};

}  // namespace

void read_jsonl_file(const std::string& path, const DocumentSink& sink, const ProblemSink& problems,
                     const std::function<void(std::uint64_t)>& on_bytes_read) {
    LineSource in(path);
    if (!in.ok()) {
        problems({path, 0, Severity::problem, "cannot open the file"});
        return;
    }
    RawDocument statements;  // format 3 lines, handed on in chunks
    auto flush_statements = [&](std::size_t next_line) {
        if (statements.preset.empty()) return;
        sink(std::move(statements));
        statements = RawDocument{};
        statements.line = next_line;
    };
    std::string line;
    std::size_t line_no = 0;
    while (in.next(line)) {
        ++line_no;
        if (on_bytes_read && line_no % 512 == 0) on_bytes_read(in.position());
        std::string_view view = line;
        if (line_no == 1) view = text::strip_bom(view);
        if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
        if (text::squeeze_spaces(view).empty()) continue;
        if (text::find_invalid_utf8(view)) {
            problems({path, line_no, Severity::problem, "invalid UTF-8; line skipped"});
            continue;
        }
        nlohmann::json object;
        try {
            object = nlohmann::json::parse(view, [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
                if (depth > kMaxDepth) throw FieldError{"JSON nested deeper than " + std::to_string(kMaxDepth) + " levels"};
                return true;
            });
        } catch (const nlohmann::json::exception& e) {
            problems({path, line_no, Severity::problem, "malformed JSON (" + shorten(e.what(), 200) + "); line skipped"});
            continue;
        } catch (const FieldError& e) {
            problems({path, line_no, Severity::problem, e.message + "; line skipped"});
            continue;
        }
        if (!object.is_object()) {
            problems({path, line_no, Severity::problem,
                      std::string("expected a JSON object, found ") + object.type_name() + "; line skipped"});
            continue;
        }
        try {
            if (object.contains("speaker") || object.contains("kind")) {
                Statement s = statement_from(object);
                if (s.text.empty()) throw FieldError{"statement without text"};
                if (statements.preset.empty()) {
                    statements.source = path;
                    statements.line = line_no;
                    statements.key = "line" + std::to_string(line_no);
                }
                statements.paragraphs.push_back(s.text);
                statements.preset.push_back(std::move(s));
                if (statements.preset.size() >= kStatementsPerDocument) flush_statements(line_no + 1);
                continue;
            }
            RawDocument doc;
            doc.source = path;
            doc.line = line_no;
            doc.key = field(object, "id");
            if (doc.key.empty()) doc.key = "line" + std::to_string(line_no);
            doc.title = first_field(object, {"title", "headline"});
            const std::string date = field(object, "date");
            doc.date = normalize_date(date);
            if (!date.empty() && doc.date.empty())
                problems({path, line_no, Severity::problem, "impossible date '" + shorten(date) + "'; date left empty"});
            doc.url = first_field(object, {"url", "link"});
            doc.publisher = field(object, "source");
            doc.location = field(object, "location");
            doc.language = field(object, "language");
            doc.paragraphs = split_paragraphs(first_field(object, {"text", "body", "content"}));
            if (doc.paragraphs.empty()) throw FieldError{"article without text"};
            sink(std::move(doc));
        } catch (const FieldError& e) {
            problems({path, line_no, Severity::problem, e.message + "; line skipped"});
        }
    }
    if (in.failed()) problems({path, line_no + 1, Severity::problem, "the gzip stream is damaged; lines after this one lost"});
    flush_statements(line_no + 1);
    std::error_code ec;
    if (on_bytes_read) on_bytes_read(std::filesystem::file_size(path, ec));
}

}  // namespace verbatim::corpus
