#pragma once
// A temporary directory that removes itself, unless VERBATIM_KEEP_TEST_DIRS is set.

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

namespace verbatim::test {

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        const auto base = std::filesystem::temp_directory_path();
        do {
            m_path = base / ("verbatim-test-" + std::to_string(rd()) + std::to_string(rd()));
        } while (std::filesystem::exists(m_path));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        if (std::getenv("VERBATIM_KEEP_TEST_DIRS")) return;
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

}  // namespace verbatim::test
