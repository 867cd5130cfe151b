// corpus::normalize_date and date_from_file_name: the date forms the corpus writes.

#include <verbatim/corpus/dates.hpp>

#include <gtest/gtest.h>

#include <string>

namespace verbatim {
namespace {

struct DateCase {
    const char* input;
    const char* expected;
};

class NormalizeDate : public ::testing::TestWithParam<DateCase> {};

TEST_P(NormalizeDate, GivesIsoOrEmpty) {
    EXPECT_EQ(corpus::normalize_date(GetParam().input), GetParam().expected) << "input: " << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, NormalizeDate,
    ::testing::Values(DateCase{"2024-06-27", "2024-06-27"},            //
                      DateCase{"2024-06-27T17:30:00Z", "2024-06-27"},  // ISO with time
                      DateCase{"2024-06-27 17:30", "2024-06-27"},      //
                      DateCase{"2024/6/7", "2024-06-07"},              // slashes, one-digit parts
                      DateCase{"  2024-06-27  ", "2024-06-27"},        // white space around
                      DateCase{"27 June 2024", "2024-06-27"},          //
                      DateCase{"7 Jun. 2024", "2024-06-07"},           //
                      DateCase{"June 27, 2024", "2024-06-27"},         //
                      DateCase{"Sept 3 2023", "2023-09-03"},           //
                      DateCase{"2024", "2024"},                        // a year alone stays a year
                      DateCase{"2024-02-29", "2024-02-29"},            // leap year
                      DateCase{"2000-02-29", "2000-02-29"},            // divisible by 400
                      DateCase{"1900-02-29", ""},                      // divisible by 100 only
                      DateCase{"2023-02-29", ""},                      // impossible: no leap year
                      DateCase{"2024-13-01", ""},                      // month 13
                      DateCase{"2024-04-31", ""},                      // April has 30 days
                      DateCase{"2024-00-10", ""},                      //
                      DateCase{"31 Foo 2024", ""},                     // no month name
                      DateCase{"yesterday", ""},                       //
                      DateCase{"", ""}));

TEST(DateFromFileName, DayMonthNameYear) {
    EXPECT_EQ(corpus::date_from_file_name("5Mar2008Wyden18.txt"), "2008-03-05");
    EXPECT_EQ(corpus::date_from_file_name("12Oct2005Kennedy3.txt"), "2005-10-12");
}

TEST(DateFromFileName, IsoLikeWithSeparators) {
    EXPECT_EQ(corpus::date_from_file_name("2021_10_21.xml"), "2021-10-21");
    EXPECT_EQ(corpus::date_from_file_name("2024-06-27-forum.txt"), "2024-06-27");
    EXPECT_EQ(corpus::date_from_file_name("report-20240627.txt"), "2024-06-27");
}

TEST(DateFromFileName, NoDateGivesEmpty) {
    EXPECT_EQ(corpus::date_from_file_name("01-forum-regions-speakers.txt"), "");
    EXPECT_EQ(corpus::date_from_file_name("17125.html"), "");
    EXPECT_EQ(corpus::date_from_file_name("2021_13_45.xml"), "");  // impossible month and day
}

TEST(IsValidDate, Boundaries) {
    EXPECT_TRUE(corpus::is_valid_date(2024, 12, 31));
    EXPECT_FALSE(corpus::is_valid_date(2024, 12, 32));
    EXPECT_FALSE(corpus::is_valid_date(2024, 6, 0));
    EXPECT_TRUE(corpus::is_valid_date(2024, 2, 29));
    EXPECT_FALSE(corpus::is_valid_date(2023, 2, 29));
}

}  // namespace
}  // namespace verbatim
