#include <verbatim/index/shards.hpp>

#include <verbatim/corpus/document.hpp>
#include <verbatim/error.hpp>
#include <verbatim/text/unicode.hpp>

#include <filesystem>
#include <fstream>

namespace verbatim::index {

namespace fs = std::filesystem;

std::size_t existing_shard_count(const std::string& dir) {
    const fs::path stub = fs::path(dir) / "XAPIANDB";
    if (fs::exists(stub)) {
        std::ifstream in(stub);
        std::size_t n = 0;
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line[0] != '#') ++n;
        return n;
    }
    return fs::exists(fs::path(dir) / "iamglass") ? 1 : 0;
}

std::vector<std::string> shard_paths(const std::string& dir, std::size_t count) {
    if (count <= 1) return {dir};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) out.push_back((fs::path(dir) / ("shard-" + std::to_string(i))).string());
    return out;
}

void write_stub(const std::string& dir, std::size_t count) {
    fs::create_directories(dir);
    const fs::path stub = fs::path(dir) / "XAPIANDB";
    const fs::path temporary = fs::path(dir) / "XAPIANDB.tmp";
    {
        std::ofstream out(temporary);
        out << "# Verbatim index of " << count << " shards; Xapian opens this folder as one database.\n";
        for (std::size_t i = 0; i < count; ++i) out << "auto shard-" << i << "\n";
        if (!out) throw IndexError(dir + ": cannot write the shard list");
    }
    fs::rename(temporary, stub);
}

std::size_t shard_of(const std::string& source, std::size_t count) {
    if (count <= 1) return 0;
    return std::stoull(text::stable_hash(corpus::normal_path(source)).substr(0, 15), nullptr, 16) % count;
}

}  // namespace verbatim::index
