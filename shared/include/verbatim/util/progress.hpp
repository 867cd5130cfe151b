#pragma once
// A progress line for long builds on a terminal: a bar of the input read, the documents and
// statements so far, statements per second and the time left. Nothing is drawn when the output
// is not a terminal.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace verbatim::util {

struct ProgressSnapshot {
    std::uint64_t bytes_done = 0, bytes_total = 0;
    std::uint64_t documents = 0, statements = 0;
    double seconds = 0;
    std::string phase;  // "" while reading; else what runs now ("merging postlist")
};

// 1234567 → "1,234,567".
std::string format_count(std::uint64_t n);
// Seconds as "0:09", "1:09", "1:02:05".
std::string format_duration(double seconds);
// One line of at most `width` columns, e.g.
// "[#########.........]  48%  480,000 statements  480 documents  7,512/s  ETA 1:09".
// No ETA before a second has passed or before any input is read.
std::string format_progress(const ProgressSnapshot& s, std::size_t width);

// Redraws the line five times a second from its own thread until stopped; stop() (and the
// destructor) clears it.
class ProgressBar {
public:
    using Sample = std::function<ProgressSnapshot()>;
    ProgressBar(int fd, Sample sample);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    void stop();

    // Whether a bar belongs on `fd`: a terminal.
    static bool wanted(int fd);

private:
    void draw(const std::string& text) const;

    int m_fd;
    Sample m_sample;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace verbatim::util
