#pragma once
// Which files a build reads: the files of the command line compared with the manifest of the
// index. New and changed files are read; unchanged ones are not; files whose time changed but
// not their content only get their entry updated; entries under the given paths whose files
// are gone are listed for --prune.

#include <verbatim/index/manifest.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace verbatim::index {

struct PlannedFile {
    std::string path;     // as listed
    ManifestEntry entry;  // the file as it is now (size, time, hash, settings); recorded when read
    Change change = Change::added;
    bool recordable = true;  // false when the file could not be looked at (the reader reports why)
};

struct BuildPlan {
    std::vector<PlannedFile> to_read;  // added and changed files, in the order listed
    std::vector<PlannedFile> touched;  // entries to update; the files are not read again
    std::vector<ManifestEntry> unchanged;
    std::vector<ManifestEntry> gone;  // entries under the given paths whose files no longer exist
};

// How the plan looks at files; tests give their own.
struct FileProbe {
    std::function<std::optional<FileState>(const std::string&)> state = file_state;
    std::function<std::string(const std::string&)> hash = content_hash;
    std::function<bool(const std::string&)> exists;  // default: std::filesystem::exists
};

// `files`: the files listed from `roots` (the PATHs of the command line). `force`: read every
// file, changed or not.
BuildPlan plan_build(const std::vector<std::string>& files, const std::vector<std::string>& roots,
                     const std::map<std::string, ManifestEntry>& manifest, const std::string& settings, bool force,
                     const FileProbe& probe = {});

// Whether a normalised path is `root` or lies inside it ("." holds every relative path).
bool is_under(const std::string& normal_path, const std::string& root);

}  // namespace verbatim::index
