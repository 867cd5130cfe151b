#include <verbatim/index/compaction.hpp>

#include <verbatim/error.hpp>
#include <verbatim/index/index_writer.hpp>
#include <verbatim/index/name_keys.hpp>
#include <verbatim/text/analysis.hpp>

#include <xapian.h>

#include <filesystem>

namespace verbatim::index {

namespace fs = std::filesystem;

namespace {

class Compactor : public Xapian::Compactor {
public:
    explicit Compactor(const CompactionStatus& status) : m_status(status) {}

    void set_status(const std::string& table, const std::string& status) override {
        if (m_status) m_status(table, status);
    }

    // Glass passes the key as its table stores it: the user's key after a two-byte marker.
    std::string resolve_duplicate_metadata(const std::string& key, size_t count, const std::string tags[]) override {
        const std::string_view user_key = key.size() >= 2 && key[0] == '\0' ? std::string_view(key).substr(2) : key;
        if (user_key.starts_with(text::kNameKeyMetadata))
            return merge_name_spellings(std::vector<std::string>(tags, tags + count));
        return tags[0];
    }

private:
    const CompactionStatus& m_status;
};

}  // namespace

void merge_databases(const std::vector<std::string>& sources, const std::string& destination,
                     const CompactionStatus& status) {
    try {
        Xapian::Database all;
        for (const auto& source : sources) all.add_database(Xapian::Database(source));
        Compactor compactor(status);
        all.compact(destination, Xapian::Compactor::FULL, kBlockSize, compactor);
    } catch (const Xapian::Error& e) {
        throw IndexError(destination + ": cannot merge the databases: " + e.get_description());
    }
}

std::uint64_t disk_usage(const std::string& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
    std::uint64_t bytes = 0;
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) bytes += it->file_size(ec);
    return bytes;
}

CompactionResult compact_index(const std::string& dir, const CompactionStatus& status) {
    CompactionResult result;
    result.before = read_layout(dir);
    if (result.before.kind == Layout::Kind::none) throw IndexError(dir + ": no index here to compact");
    remove_unused(result.before);
    Xapian::doccount statements = 0;
    for (const auto& database : result.before.databases) {
        statements += Xapian::Database(database).get_doccount();
        result.bytes_before += disk_usage(database);
    }
    const unsigned generation = next_generation(dir);
    const std::string destination = generation_databases(dir, generation, 1).front();
    fs::create_directories(generation_folder(dir, generation));
    try {
        merge_databases(result.before.databases, destination, status);
        const Xapian::doccount merged = Xapian::Database(destination).get_doccount();
        if (merged != statements)
            throw IndexError(destination + ": the merged database holds " + std::to_string(merged) + " statements, not " +
                             std::to_string(statements));
    } catch (...) {
        std::error_code ec;
        fs::remove_all(generation_folder(dir, generation), ec);
        throw;
    }
    write_stub(dir, generation, 1, 1);
    retire(result.before);
    result.after = read_layout(dir);
    result.statements = statements;
    result.bytes_after = disk_usage(destination);
    return result;
}

}  // namespace verbatim::index
