#pragma once
// One writer per index folder: `build` and `compact` hold DIR/verbatim.lock (an flock, released
// by the kernel when the process ends, however it ends) while they change the index.

#include <string>

namespace verbatim::index {

class IndexLock {
public:
    // Creates DIR when needed; IndexError when another process holds the lock.
    explicit IndexLock(const std::string& dir);
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

private:
    int m_fd = -1;
};

}  // namespace verbatim::index
