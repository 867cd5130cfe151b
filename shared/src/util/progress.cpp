#include <verbatim/util/progress.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include <sys/ioctl.h>
#include <unistd.h>

namespace verbatim::util {

std::string format_count(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

std::string format_duration(double seconds) {
    const auto total = static_cast<std::uint64_t>(std::max(0.0, std::round(seconds)));
    char buf[32];
    if (total >= 3600)
        std::snprintf(buf, sizeof buf, "%llu:%02llu:%02llu", static_cast<unsigned long long>(total / 3600),
                      static_cast<unsigned long long>(total / 60 % 60), static_cast<unsigned long long>(total % 60));
    else
        std::snprintf(buf, sizeof buf, "%llu:%02llu", static_cast<unsigned long long>(total / 60),
                      static_cast<unsigned long long>(total % 60));
    return buf;
}

std::string format_progress(const ProgressSnapshot& s, std::size_t width) {
    const double fraction =
        s.bytes_total ? std::clamp(static_cast<double>(s.bytes_done) / static_cast<double>(s.bytes_total), 0.0, 1.0) : 0.0;
    std::string tail;
    if (s.statements || s.documents) {
        tail = "  " + format_count(s.statements) + " statements  " + format_count(s.documents) + " documents";
        if (s.seconds > 0) tail += "  " + format_count(static_cast<std::uint64_t>(s.statements / s.seconds)) + "/s";
    }
    if (!s.phase.empty()) {
        tail += "  " + s.phase;
    } else if (s.seconds >= 1 && s.bytes_done > 0 && s.bytes_total > s.bytes_done) {
        const double left = static_cast<double>(s.bytes_total - s.bytes_done) * s.seconds / static_cast<double>(s.bytes_done);
        tail += "  ETA " + format_duration(left);
    }
    char percent[8];
    std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(fraction * 100));
    const std::size_t fixed = tail.size() + 2 + 1 + 4;  // the brackets, a space, the percentage
    const std::size_t bar = width > fixed + 10 ? std::min<std::size_t>(width - fixed, 30) : 10;
    const auto filled = static_cast<std::size_t>(fraction * static_cast<double>(bar));
    std::string line(1, '[');
    line.append(filled, '#').append(bar - filled, '.').append("] ").append(percent).append(tail);
    if (line.size() > width) line.resize(width);
    return line;
}

ProgressBar::ProgressBar(int fd, Sample sample) : m_fd(fd), m_sample(std::move(sample)) {
    m_thread = std::thread([this] {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            lock.unlock();
            winsize ws{};
            const std::size_t width = ::ioctl(m_fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20 ? ws.ws_col - 1u : 79u;
            draw(format_progress(m_sample(), width));
            lock.lock();
            m_wake.wait_for(lock, std::chrono::milliseconds(200), [this] { return m_stopping; });
        }
    });
}

ProgressBar::~ProgressBar() { stop(); }

void ProgressBar::stop() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) return;
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
    draw("");
}

bool ProgressBar::wanted(int fd) { return ::isatty(fd) == 1; }

// One write: the line cleared and drawn again, the cursor left at its end.
void ProgressBar::draw(const std::string& text) const {
    std::string out("\r\033[K");
    out += text;
    [[maybe_unused]] const ssize_t n = ::write(m_fd, out.data(), out.size());
}

}  // namespace verbatim::util
