#include <verbatim/corpus/dates.hpp>

#include <array>
#include <cctype>
#include <cstdio>
#include <regex>

namespace verbatim::corpus {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

int month_number(std::string_view word) {
    if (word.size() < 3) return 0;
    std::string lower;
    for (char c : word.substr(0, 3)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (kMonths[i] == lower) return static_cast<int>(i) + 1;
    return 0;
}

std::string format(int year, int month, int day) {
    if (!is_valid_date(year, month, day)) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

}  // namespace

bool is_valid_date(int year, int month, int day) {
    if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string normalize_date(std::string_view text) {
    if (text.size() > 64) return "";  // no date is that long (and std::regex recurses per character)
    static const std::regex iso(R"(^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?\s*$)");
    static const std::regex day_month_year(R"(^\s*(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})\s*$)");
    static const std::regex month_day_year(R"(^\s*([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\s*$)");
    static const std::regex year_only(R"(^\s*(\d{4})\s*$)");
    const std::string s(text);
    std::smatch m;
    if (std::regex_match(s, m, iso))
        return format(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
    if (std::regex_match(s, m, day_month_year))
        return format(std::stoi(m[3]), month_number(m[2].str()), std::stoi(m[1]));
    if (std::regex_match(s, m, month_day_year))
        return format(std::stoi(m[3]), month_number(m[1].str()), std::stoi(m[2]));
    if (std::regex_match(s, m, year_only)) return m[1].str();  // a year alone stays a year
    return "";
}

std::string date_from_file_name(std::string_view name) {
    if (name.size() > 255) return "";
    static const std::regex iso(R"((?:^|[^0-9])((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?:[^0-9]|$))");
    static const std::regex dmy(R"((?:^|[^0-9])(\d{1,2})([A-Za-z]{3})((?:19|20)\d{2}))");
    const std::string s(name);
    std::smatch m;
    if (std::regex_search(s, m, iso)) {
        auto d = format(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
        if (!d.empty()) return d;
    }
    if (std::regex_search(s, m, dmy)) {
        return format(std::stoi(m[3]), month_number(m[2].str()), std::stoi(m[1]));
    }
    return "";
}

}  // namespace verbatim::corpus
