#pragma once
// One function per corpus format. Each streams the documents of one file to a sink and
// reports bad parts of the file as problems (file and line) without throwing.

#include <verbatim/corpus/document.hpp>
#include <verbatim/corpus/problem.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace verbatim::corpus {

using DocumentSink = std::function<void(RawDocument&&)>;

// Which CSV column fills which document field; keys: title, date, url, text, location, id.
using CsvColumns = std::map<std::string, std::string>;

// Format 1: header of "Key: value" lines ended by "---", then paragraphs (one per line, or
// separated by blank lines). Files without a header work as they are.
void read_text_file(const std::string& path, std::string_view content, const DocumentSink& sink,
                    const ProblemSink& problems);

// Formats 2 and 3: JSON Lines of articles ({"text" | "body", "title", ...}) or of statements
// already attributed ({"text", "speaker", ...}); decided line by line. `on_bytes_read`, when
// given, hears now and then how far into the file (the compressed file for .gz) reading is.
void read_jsonl_file(const std::string& path, const DocumentSink& sink, const ProblemSink& problems,
                     const std::function<void(std::uint64_t)>& on_bytes_read = {});

// Format 4: CSV with a header row; columns mapped by name, `columns` overrides the mapping.
void read_csv_file(const std::string& path, const CsvColumns& columns, const DocumentSink& sink,
                   const ProblemSink& problems);

// Format 5: an HTML page saved from the web: the article's text, without navigation,
// scripts and captions.
void read_html_file(const std::string& path, std::string_view content, const DocumentSink& sink,
                    const ProblemSink& problems);

// Body text → paragraphs: one per line, or blocks separated by blank lines when the lines
// inside blocks are wrapped prose. CRLF and stray white space are normalised.
std::vector<std::string> split_paragraphs(std::string_view body);

}  // namespace verbatim::corpus
