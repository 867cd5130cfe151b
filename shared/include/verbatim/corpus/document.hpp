#pragma once
// What a corpus reader hands on: one document with its metadata and paragraphs.

#include <verbatim/statement.hpp>

#include <string>
#include <vector>

namespace verbatim::corpus {

struct RawDocument {
    std::string source;     // the path as given
    std::string key;        // the item inside a multi-document file ("" for a whole file)
    std::size_t line = 0;   // line of the file where the document starts (1-based)
    std::string title;
    std::string date;       // YYYY-MM-DD or ""
    std::string url;
    std::string publisher;  // the "Source:" header or the JSON "source" field
    std::string event;
    std::string location;
    std::string language;
    std::vector<std::string> paragraphs;
    // Format 3 (statements already attributed): indexed as they are, not segmented.
    std::vector<Statement> preset;

    // Stable document id: a hash of the source path and item key.
    std::string id() const;
    // The body as the offsets count it: paragraphs joined by '\n'.
    std::string body() const;
};

// A path in one spelling: "dir/./a.txt" and "dir/b/../a.txt" → "dir/a.txt".
std::string normal_path(const std::string& path);

}  // namespace verbatim::corpus
