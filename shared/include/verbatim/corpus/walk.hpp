#pragma once
// Files and folders given on the command line → documents, each file read by its format.

#include <verbatim/corpus/readers.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace verbatim::corpus {

enum class Format { text, jsonl, csv, html, skip };

struct ReadOptions {
    CsvColumns csv_columns;
    // Told now and then how many bytes of the file being read are read so far (of the
    // compressed file for .gz), and the file's size when it is done. May be empty.
    std::function<void(std::uint64_t)> on_bytes_read;
};

// Format of one file from its name and its first bytes; `why` says why a file is skipped.
Format detect_format(const std::string& path, std::string_view head, std::string& why);

// The files `paths` name: folders walked recursively, in sorted order, symbolic links to folders
// not followed. Missing paths, unlistable folders and entries that are no regular files go to
// `problems`.
std::vector<std::string> list_files(const std::vector<std::string>& paths, const ProblemSink& problems);

// One file read by its format and streamed to `sink`; a skipped file and bad input go to `problems`.
void read_file(const std::string& path, const ReadOptions& options, const DocumentSink& sink,
               const ProblemSink& problems);

// Every file of `paths` (list_files) read and streamed to `sink` (read_file).
void read_paths(const std::vector<std::string>& paths, const ReadOptions& options,
                const DocumentSink& sink, const ProblemSink& problems);

}  // namespace verbatim::corpus
