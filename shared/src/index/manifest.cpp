#include <verbatim/index/manifest.hpp>

#include <verbatim/schema.hpp>
#include <verbatim/text/unicode.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include <sys/stat.h>

namespace verbatim::index {

namespace fs = std::filesystem;

namespace {

// FNV-1a over a stream of blocks: the same digits text::stable_hash gives for the whole.
class Fnv1a {
public:
    void add(std::string_view bytes) {
        for (unsigned char c : bytes) {
            m_h ^= c;
            m_h *= 1099511628211ULL;
        }
    }
    std::string hex() const {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(m_h));
        return buf;
    }

private:
    std::uint64_t m_h = 14695981039346656037ULL;
};

}  // namespace

std::string manifest_key(const std::string& normal_path) {
    const std::string prefix(schema::kSourceManifestPrefix);
    // Xapian keys are at most 245 bytes.
    if (normal_path.size() <= 180) return prefix + normal_path;
    return prefix + normal_path.substr(0, 160) + "#" + text::stable_hash(normal_path);
}

std::string encode(const ManifestEntry& e) {
    const nlohmann::json j = {{"path", e.path},         {"size", e.size},         {"mtime_ns", e.mtime_ns},
                              {"hash", e.hash},         {"settings", e.settings}, {"statements", e.statements},
                              {"problems", e.problems}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<ManifestEntry> decode(std::string_view value) {
    const auto j = nlohmann::json::parse(value, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    try {
        ManifestEntry e;
        e.path = j.at("path").get<std::string>();
        e.size = j.at("size").get<std::uint64_t>();
        e.mtime_ns = j.at("mtime_ns").get<std::int64_t>();
        e.hash = j.at("hash").get<std::string>();
        e.settings = j.at("settings").get<std::string>();
        e.statements = j.value("statements", std::size_t{0});
        e.problems = j.value("problems", std::size_t{0});
        return e;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

std::map<std::string, ManifestEntry> read_manifest(const Xapian::Database& db) {
    std::map<std::string, ManifestEntry> out;
    const std::string prefix(schema::kSourceManifestPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        if (auto e = decode(db.get_metadata(*it))) out.emplace(e->path, std::move(*e));
    return out;
}

std::optional<FileState> file_state(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileState{static_cast<std::uint64_t>(st.st_size),
                     static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

std::string content_hash(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "";
    Fnv1a h;
    std::vector<char> block(1 << 20);
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        h.add(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())));
    }
    return in.bad() ? "" : h.hex();
}

std::string extraction_settings(const std::string& version, const std::string& data_folder,
                                const std::map<std::string, std::string>& csv_columns) {
    Fnv1a h;
    h.add(version);
    h.add("\n");
    for (const auto& [field, column] : csv_columns) {
        h.add(field + "=" + column);
        h.add("\n");
    }
    fs::path gazetteer = fs::path(data_folder) / "gazetteer";
    if (!fs::is_directory(gazetteer)) gazetteer = data_folder;
    std::vector<fs::path> tables;
    std::error_code ec;
    for (fs::directory_iterator it(gazetteer, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".tsv") tables.push_back(it->path());
    std::sort(tables.begin(), tables.end());
    for (const auto& table : tables) {
        h.add(table.filename().string());
        h.add("\n");
        h.add(content_hash(table.string()));
        h.add("\n");
    }
    return h.hex();
}

Change compare(const ManifestEntry* entry, const FileState& now, const std::string& settings,
               const std::function<std::string()>& hash) {
    if (!entry) return Change::added;
    if (entry->settings != settings) return Change::changed;
    if (entry->size != now.size) return Change::changed;
    if (entry->mtime_ns == now.mtime_ns) return Change::unchanged;
    return hash() == entry->hash ? Change::touched : Change::changed;
}

}  // namespace verbatim::index
