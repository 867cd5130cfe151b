#include <verbatim/index/layout.hpp>

#include <verbatim/error.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace verbatim::index {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStub = "XAPIANDB";
constexpr const char* kTemporaryStub = "XAPIANDB.tmp";
constexpr const char* kLayoutTag = "# verbatim ";  // the machine-readable comment of our stubs

// "gen-12" → 12, "shard-3" → 3; -1 for any other name.
long numbered(const std::string& name, const std::string& stem) {
    if (name.size() <= stem.size() || name.compare(0, stem.size(), stem) != 0) return -1;
    long n = 0;
    for (std::size_t i = stem.size(); i < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9' || n > 100000000) return -1;
        n = n * 10 + (name[i] - '0');
    }
    return n;
}

bool is_legacy_database_file(const std::string& name) {
    return name == "flintlock" || (name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0);
}

void remove_quietly(const fs::path& p) {
    std::error_code ec;
    fs::remove_all(p, ec);
}

void write_all(int fd, const std::string& text, const std::string& what) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw IndexError(what + ": cannot write: " + std::strerror(errno));
        done += static_cast<std::size_t>(n);
    }
}

void sync_folder(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

Layout read_layout(const std::string& dir) {
    Layout layout;
    layout.dir = dir;
    std::error_code ec;
    const fs::file_status status = fs::status(dir, ec);
    if (ec || !fs::exists(status)) return layout;
    if (!fs::is_directory(status))
        throw IndexError(dir + " is a file, not an index folder (a stub file of remote shards is for verbatim-search only)");
    const fs::path root(dir);
    if (fs::exists(root / "iamglass")) {
        layout.kind = Layout::Kind::database;
        layout.databases = {dir};
        layout.shards = 1;
        return layout;
    }
    if (fs::exists(root / "iamchert") || fs::exists(root / "iamhoney"))
        throw IndexError(dir + " holds a database of another Xapian backend; rebuild it into a new folder");
    if (!fs::exists(root / kStub)) return layout;

    std::ifstream in(root / kStub);
    bool tagged = false;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind(kLayoutTag, 0) == 0) {
            std::istringstream fields(line.substr(std::strlen(kLayoutTag)));
            for (std::string field; fields >> field;) {
                const auto eq = field.find('=');
                if (eq == std::string::npos) continue;
                const std::string name = field.substr(0, eq), value = field.substr(eq + 1);
                try {
                    if (name == "generation") layout.generation = static_cast<unsigned>(std::stoul(value));
                    if (name == "shards") layout.shards = std::stoul(value);
                } catch (const std::exception&) {
                    throw IndexError((root / kStub).string() + ": unreadable line '" + line + "'");
                }
            }
            tagged = layout.generation > 0;
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string type, path;
        words >> type >> path;
        if ((type != "auto" && type != "glass") || path.empty())
            throw IndexError((root / kStub).string() + " lists '" + line +
                             "'; verbatim-index writes to local databases only (search remote shards with verbatim-search)");
        const fs::path database = fs::path(path).is_absolute() ? fs::path(path) : root / path;
        if (!fs::exists(database / "iamglass"))
            throw IndexError((root / kStub).string() + " lists " + path + ", which is not a database; the index is damaged");
        layout.databases.push_back(database.string());
    }
    if (layout.databases.empty()) throw IndexError((root / kStub).string() + " lists no database");
    layout.kind = tagged ? Layout::Kind::generation : Layout::Kind::shards;
    if (!tagged || layout.shards == 0) layout.shards = layout.databases.size();
    return layout;
}

std::string generation_folder(const std::string& dir, unsigned generation) {
    return (fs::path(dir) / ("gen-" + std::to_string(generation))).string();
}

std::vector<std::string> generation_databases(const std::string& dir, unsigned generation, std::size_t count) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i)
        out.push_back((fs::path(generation_folder(dir, generation)) / ("shard-" + std::to_string(i))).string());
    return out;
}

unsigned next_generation(const std::string& dir) {
    long highest = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        highest = std::max(highest, numbered(it->path().filename().string(), "gen-"));
    return static_cast<unsigned>(highest + 1);
}

void write_stub(const std::string& dir, unsigned generation, std::size_t count, std::size_t shards) {
    fs::create_directories(dir);
    const fs::path root(dir);
    std::string text = "# A Verbatim index: Xapian opens this folder as one database through this file.\n";
    text += std::string(kLayoutTag) + "generation=" + std::to_string(generation) + " shards=" + std::to_string(shards) + "\n";
    for (std::size_t i = 0; i < count; ++i)
        text += "auto gen-" + std::to_string(generation) + "/shard-" + std::to_string(i) + "\n";
    const fs::path temporary = root / kTemporaryStub;
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw IndexError(temporary.string() + ": cannot write: " + std::strerror(errno));
    try {
        write_all(fd, text, temporary.string());
        if (::fsync(fd) != 0) throw IndexError(temporary.string() + ": cannot sync: " + std::strerror(errno));
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
    fs::rename(temporary, root / kStub);
    // Over a database at DIR itself the stub is not live while iamglass is there (Xapian opens a
    // database folder before a stub); removing that one file makes the switch.
    std::error_code ec;
    fs::remove(root / "iamglass", ec);
    sync_folder(root);
}

void retire(const Layout& old) {
    const fs::path root(old.dir);
    switch (old.kind) {
    case Layout::Kind::none:
        return;
    case Layout::Kind::generation:
        remove_quietly(generation_folder(old.dir, old.generation));
        return;
    case Layout::Kind::shards:
        for (const auto& database : old.databases)
            if (fs::path(database).parent_path() == root && numbered(fs::path(database).filename().string(), "shard-") >= 0)
                remove_quietly(database);
        return;
    case Layout::Kind::database: {
        std::error_code ec;
        for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file() && is_legacy_database_file(it->path().filename().string())) remove_quietly(it->path());
        return;
    }
    }
}

void remove_unused(const Layout& live) {
    std::error_code ec;
    const fs::path root(live.dir);
    std::vector<fs::path> unused;
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const long generation = numbered(name, "gen-");
        if (generation >= 0 && !(live.kind == Layout::Kind::generation && static_cast<unsigned>(generation) == live.generation))
            unused.push_back(it->path());
        else if (name == kTemporaryStub)
            unused.push_back(it->path());
        else if (live.kind == Layout::Kind::database && name == kStub)
            unused.push_back(it->path());  // written by a compaction killed before it went live
        else if (live.kind == Layout::Kind::generation &&
                 (numbered(name, "shard-") >= 0 || (it->is_regular_file() && is_legacy_database_file(name))))
            unused.push_back(it->path());  // the legacy layout this generation replaced
    }
    for (const auto& p : unused) remove_quietly(p);
}

std::size_t database_of(const std::string& id_term, std::size_t count) {
    if (count <= 1) return 0;
    std::uint64_t h = 14695981039346656037ULL;  // FNV-1a, as text::stable_hash
    for (unsigned char c : id_term) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return static_cast<std::size_t>(h % count);
}

}  // namespace verbatim::index
