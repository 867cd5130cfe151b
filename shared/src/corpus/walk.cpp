#include <verbatim/corpus/walk.hpp>

#include <verbatim/corpus/document_parts.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace verbatim::corpus {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string read_head(const std::string& path, std::size_t bytes) {
    std::ifstream in(path, std::ios::binary);
    std::string head(bytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(bytes));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

bool read_all(const std::string& path, std::string& content) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    content = std::move(buffer).str();
    return true;
}

}  // namespace

Format detect_format(const std::string& path, std::string_view head, std::string& why) {
    const fs::path p(path);
    const std::string name = lower(p.filename().string());
    const std::string ext = lower(p.extension().string());
    if (name.ends_with(".gold.jsonl")) {
        why = "attribution gold annotations, not corpus text; skipped";
        return Format::skip;
    }
    if (head.find('\0') != std::string_view::npos && !name.ends_with(".jsonl.gz") && !name.ends_with(".ndjson.gz")) {
        why = "binary file; skipped";
        return Format::skip;
    }
    if (ext == ".txt" || ext == ".text") return Format::text;
    if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return Format::jsonl;
    if (name.ends_with(".jsonl.gz") || name.ends_with(".ndjson.gz")) return Format::jsonl;  // gzip, streamed
    if (ext == ".csv") return Format::csv;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::html;
    if (ext.empty()) {
        std::size_t i = head.find_first_not_of(" \t\r\n");
        if (head.substr(0, 3) == "\xEF\xBB\xBF") i = head.find_first_not_of(" \t\r\n", 3);
        if (i == std::string_view::npos) return Format::text;
        const std::string start = lower(std::string(head.substr(i, 64)));
        if (start.starts_with("<!doctype html") || start.starts_with("<html")) return Format::html;
        if (start.starts_with("{")) return Format::jsonl;
        return Format::text;
    }
    why = "not a corpus format (" + ext + "); skipped";
    return Format::skip;
}

std::vector<std::string> list_files(const std::vector<std::string>& paths, const ProblemSink& problems) {
    std::vector<std::string> out;
    for (const std::string& path : paths) {
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (ec && ec != std::errc::no_such_file_or_directory) {  // a link loop, no permission, ...
            const bool loop = ec == std::errc::too_many_symbolic_link_levels;
            problems({path, 0, Severity::problem,
                      loop ? "a loop of symbolic links (too many levels); nothing read" : ec.message() + "; nothing read"});
            continue;
        }
        if (!fs::exists(status)) {
            problems({path, 0, Severity::problem, "no such file or folder"});
            continue;
        }
        if (!fs::is_directory(status)) {
            out.push_back(path);
            continue;
        }
        std::vector<std::string> files;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            const fs::directory_entry& entry = *it;
            if (entry.is_symlink(ec) && entry.is_directory(ec)) {
                problems({entry.path().string(), 0, Severity::skipped, "symbolic link to a folder; not followed"});
                continue;
            }
            if (entry.is_regular_file(ec)) files.push_back(entry.path().string());
            else if (!entry.is_directory(ec))
                problems({entry.path().string(), 0, Severity::skipped, "not a regular file; skipped"});
        }
        if (ec) problems({path, 0, Severity::problem, "cannot list the folder: " + ec.message()});
        std::sort(files.begin(), files.end());
        out.insert(out.end(), files.begin(), files.end());
    }
    return out;
}

void read_file(const std::string& path, const ReadOptions& options, const DocumentSink& whole_sink,
               const ProblemSink& problems) {
    // Very large documents go on in parts (document_parts.hpp): memory stays bounded.
    const DocumentSink sink = [&](RawDocument&& document) { hand_on_in_parts(std::move(document), whole_sink, problems); };
    std::string why;
    const Format format = detect_format(path, read_head(path, 4096), why);
    if (format == Format::skip) {
        problems({path, 0, Severity::skipped, why});
        return;
    }
    std::error_code ec;
    if (fs::file_size(path, ec) == 0 && !ec) {
        problems({path, 0, Severity::problem, "empty file; nothing indexed"});
        return;
    }
    if (format == Format::jsonl) return read_jsonl_file(path, sink, problems, options.on_bytes_read);
    if (format == Format::csv) {
        read_csv_file(path, options.csv_columns, sink, problems);
        if (options.on_bytes_read && !ec) options.on_bytes_read(fs::file_size(path, ec));
        return;
    }
    std::string content;
    if (!read_all(path, content)) {
        problems({path, 0, Severity::problem, "cannot read the file"});
        return;
    }
    if (content.empty()) {
        problems({path, 0, Severity::problem, "empty file; nothing indexed"});
        return;
    }
    if (format == Format::html) read_html_file(path, content, sink, problems);
    else read_text_file(path, content, sink, problems);
    if (options.on_bytes_read) options.on_bytes_read(content.size());
}

void read_paths(const std::vector<std::string>& paths, const ReadOptions& options,
                const DocumentSink& sink, const ProblemSink& problems) {
    for (const std::string& path : paths)
        for (const auto& file : list_files({path}, problems)) read_file(file, options, sink, problems);
}

}  // namespace verbatim::corpus
