// util::format_progress and its parts: what the progress line of a build says.

#include <verbatim/util/progress.hpp>

#include <gtest/gtest.h>

namespace verbatim {
namespace {

TEST(Progress, Counts) {
    EXPECT_EQ(util::format_count(0), "0");
    EXPECT_EQ(util::format_count(999), "999");
    EXPECT_EQ(util::format_count(1000), "1,000");
    EXPECT_EQ(util::format_count(1234567), "1,234,567");
}

TEST(Progress, Durations) {
    EXPECT_EQ(util::format_duration(0), "0:00");
    EXPECT_EQ(util::format_duration(9.4), "0:09");
    EXPECT_EQ(util::format_duration(69), "1:09");
    EXPECT_EQ(util::format_duration(3725), "1:02:05");
    EXPECT_EQ(util::format_duration(-3), "0:00");
}

util::ProgressSnapshot halfway() {
    util::ProgressSnapshot s;
    s.bytes_done = 50;
    s.bytes_total = 100;
    s.documents = 480;
    s.statements = 480000;
    s.seconds = 60;
    return s;
}

TEST(Progress, LineWithBarCountsRateAndEta) {
    const std::string line = util::format_progress(halfway(), 200);
    EXPECT_EQ(line, "[###############...............]  50%  480,000 statements  480 documents  8,000/s  ETA 1:00");
}

TEST(Progress, FitsTheWidth) {
    for (std::size_t width : {40u, 60u, 80u, 120u}) EXPECT_LE(util::format_progress(halfway(), width).size(), width);
    EXPECT_NE(util::format_progress(halfway(), 80).find("ETA 1:00"), std::string::npos);
}

TEST(Progress, NoEtaTooEarlyOrWhenDone) {
    auto s = halfway();
    s.seconds = 0.5;
    EXPECT_EQ(util::format_progress(s, 200).find("ETA"), std::string::npos);
    s = halfway();
    s.bytes_done = 0;
    EXPECT_EQ(util::format_progress(s, 200).find("ETA"), std::string::npos);
    s = halfway();
    s.bytes_done = s.bytes_total;
    EXPECT_NE(util::format_progress(s, 200).find("100%"), std::string::npos);
    EXPECT_EQ(util::format_progress(s, 200).find("ETA"), std::string::npos);
}

TEST(Progress, APhaseReplacesTheEta) {
    auto s = halfway();
    s.phase = "merging the parts: postlist";
    const std::string line = util::format_progress(s, 200);
    EXPECT_NE(line.find("merging the parts: postlist"), std::string::npos);
    EXPECT_EQ(line.find("ETA"), std::string::npos);
}

TEST(Progress, NoCountsWhenThereAreNone) {
    util::ProgressSnapshot s;
    s.bytes_done = 2;
    s.bytes_total = 6;
    s.seconds = 3;
    s.phase = "compacting termlist";
    EXPECT_EQ(util::format_progress(s, 200), "[##########....................]  33%  compacting termlist");
}

}  // namespace
}  // namespace verbatim
