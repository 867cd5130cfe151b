#pragma once
// Dates as the corpus writes them → YYYY-MM-DD.

#include <string>
#include <string_view>

namespace verbatim::corpus {

// "2024-06-27", "2024-06-27T17:30:00Z", "2024/06/27", "27 June 2024", "June 27, 2024",
// → "2024-06-27"; a year alone ("2024") stays "2024". Returns "" when the text is no valid date.
std::string normalize_date(std::string_view text);

// A date written in a file name: "2021_10_21.xml", "5Mar2008Wyden18.txt", "2024-06-27-forum".
std::string date_from_file_name(std::string_view name);

bool is_valid_date(int year, int month, int day);

}  // namespace verbatim::corpus
