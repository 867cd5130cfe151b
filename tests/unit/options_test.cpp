// cli:: option groups and parse(): results and errors (PISA tools/tests/test_app.cpp idea).

#include <verbatim/cli/options.hpp>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

namespace po = cli::po;

struct Parsed {
    cli::CommonOptions common;
    cli::DataOptions data;
    std::vector<std::string> positional;
};

// argv[0] is the program name, as in main().
Parsed parse(std::vector<const char*> args) {
    args.insert(args.begin(), "verbatim-test");
    Parsed p;
    po::options_description description("test");
    p.common.add_to(description);
    p.data.add_to(description);
    p.positional = cli::parse(static_cast<int>(args.size()), args.data(), description, "path");
    return p;
}

using Strings = std::vector<std::string>;

TEST(Options, Defaults) {
    const auto p = parse({});
    EXPECT_FALSE(p.common.help);
    EXPECT_FALSE(p.common.version);
    EXPECT_FALSE(p.common.quiet);
    EXPECT_EQ(p.common.verbose, 0);
    EXPECT_EQ(p.data.data, "");
    EXPECT_TRUE(p.positional.empty());
}

TEST(Options, VerboseQuietHelpVersion) {
    EXPECT_EQ(parse({"-v"}).common.verbose, 1);
    EXPECT_EQ(parse({"--verbose"}).common.verbose, 1);
    EXPECT_TRUE(parse({"-q"}).common.quiet);
    EXPECT_TRUE(parse({"--quiet"}).common.quiet);
    EXPECT_TRUE(parse({"--help"}).common.help);
    EXPECT_TRUE(parse({"-h"}).common.help);
    EXPECT_TRUE(parse({"--version"}).common.version);
}

TEST(Options, PositionalValuesAreCollectedAroundOptions) {
    const auto p = parse({"a.txt", "--data", "/srv/data", "folder", "-v", "b.csv"});
    EXPECT_EQ(p.positional, (Strings{"a.txt", "folder", "b.csv"}));
    EXPECT_EQ(p.data.data, "/srv/data");
    EXPECT_EQ(p.common.verbose, 1);
    EXPECT_EQ(parse({"--data=/x"}).data.data, "/x");
}

TEST(Options, AfterDoubleDashEverythingIsPositional) {
    const auto p = parse({"first", "--", "-foo", "--help", "-v"});
    EXPECT_EQ(p.positional, (Strings{"first", "-foo", "--help", "-v"}));
    EXPECT_FALSE(p.common.help);
    EXPECT_EQ(p.common.verbose, 0);
}

TEST(Options, UnknownOptionsAndMissingValuesThrow) {
    EXPECT_THROW(parse({"--bogus"}), po::error);
    EXPECT_THROW(parse({"-x"}), po::error);
    EXPECT_THROW(parse({"-foo"}), po::error);
    EXPECT_THROW(parse({"--data"}), po::error);
    EXPECT_THROW(parse({"--quiet=yes"}), po::error);
}

TEST(Options, LoggingLevelFollowsTheFlags) {
    cli::CommonOptions quiet;
    quiet.quiet = true;
    cli::init_logging(quiet);
    EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::err);
    cli::CommonOptions verbose;
    verbose.verbose = 1;
    cli::init_logging(verbose);
    EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::debug);
    cli::init_logging({});
    EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::info);
}

TEST(Options, VersionTextNamesProgramAndXapian) {
    const std::string v = cli::version_text("verbatim-index");
    EXPECT_EQ(v.rfind("verbatim-index ", 0), 0u) << v;
    EXPECT_NE(v.find("Xapian"), std::string::npos) << v;
}

}  // namespace
}  // namespace verbatim
