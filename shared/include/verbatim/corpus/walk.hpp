#pragma once
// Files and folders given on the command line → documents, each file read by its format.

#include <verbatim/corpus/readers.hpp>

#include <string>
#include <vector>

namespace verbatim::corpus {

enum class Format { text, jsonl, csv, html, skip };

struct ReadOptions {
    CsvColumns csv_columns;
};

// Format of one file from its name and its first bytes; `why` says why a file is skipped.
Format detect_format(const std::string& path, std::string_view head, std::string& why);

// Every file of `paths` (folders recursively, in sorted order, symbolic links to folders
// not followed) read and streamed to `sink`; skipped files and bad input go to `problems`.
void read_paths(const std::vector<std::string>& paths, const ReadOptions& options,
                const DocumentSink& sink, const ProblemSink& problems);

}  // namespace verbatim::corpus
