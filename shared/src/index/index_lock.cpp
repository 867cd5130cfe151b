#include <verbatim/index/index_lock.hpp>

#include <verbatim/error.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace verbatim::index {

IndexLock::IndexLock(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw IndexError(dir + ": cannot create the index folder: " + ec.message());
    const std::string path = (std::filesystem::path(dir) / "verbatim.lock").string();
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) throw IndexError(path + ": cannot open the lock file: " + std::strerror(errno));
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(m_fd);
        m_fd = -1;
        if (error == EWOULDBLOCK) throw IndexError(dir + ": another verbatim-index is writing this index; try again when it is done");
        throw IndexError(path + ": cannot lock: " + std::strerror(error));
    }
}

IndexLock::~IndexLock() {
    if (m_fd >= 0) ::close(m_fd);
}

}  // namespace verbatim::index
