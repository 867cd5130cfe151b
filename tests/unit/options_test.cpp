// cli:: option groups and parse(): results and errors (PISA tools/tests/test_app.cpp idea).

#include <verbatim/cli/options.hpp>
#include <verbatim/index/index_writer.hpp>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <map>
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

namespace verbatim {
namespace {

// The option groups of verbatim-index build, parsed as main() parses them.
struct IndexerParsed {
    cli::IndexOptions index;
    cli::CorpusOptions corpus;
    cli::BuildOptions build;
    std::vector<std::string> positional;
};

IndexerParsed parse_build(std::vector<const char*> args) {
    args.insert(args.begin(), "build");
    IndexerParsed p;
    cli::po::options_description description("build");
    p.index.add_to(description);
    p.corpus.add_to(description);
    p.build.add_to(description);
    p.positional = cli::parse(static_cast<int>(args.size()), args.data(), description, "path");
    p.build.check();
    return p;
}

TEST(BuildOptions, Defaults) {
    const auto p = parse_build({"corpus"});
    EXPECT_EQ(p.index.index, "");
    EXPECT_EQ(p.build.batch, index::kDefaultBatch);
    EXPECT_GE(p.build.jobs, 1u);
    EXPECT_EQ(p.build.shards, 0u);
    EXPECT_FALSE(p.build.prune);
    EXPECT_FALSE(p.build.force);
    EXPECT_FALSE(p.build.no_progress);
    EXPECT_FALSE(p.corpus.strict);
    EXPECT_TRUE(p.corpus.csv_columns().empty());
}

TEST(BuildOptions, EveryOption) {
    const auto p = parse_build({"--index", "idx", "--batch", "5000", "-j", "3", "--shards", "2", "--prune", "--force",
                                "--no-progress", "--strict", "--csv-column", "text=body", "--csv-column", "date=when",
                                "a", "b"});
    EXPECT_EQ(p.index.index, "idx");
    EXPECT_EQ(p.build.batch, 5000u);
    EXPECT_EQ(p.build.jobs, 3u);
    EXPECT_EQ(p.build.shards, 2u);
    EXPECT_TRUE(p.build.prune);
    EXPECT_TRUE(p.build.force);
    EXPECT_TRUE(p.build.no_progress);
    EXPECT_TRUE(p.corpus.strict);
    EXPECT_EQ(p.corpus.csv_columns(), (std::map<std::string, std::string>{{"date", "when"}, {"text", "body"}}));
    EXPECT_EQ(p.positional, (Strings{"a", "b"}));
    EXPECT_EQ(parse_build({"--jobs=4"}).build.jobs, 4u);
}

TEST(BuildOptions, ValuesThatCannotWorkAreRefused) {
    EXPECT_THROW(parse_build({"--jobs", "0"}), po::error);
    EXPECT_THROW(parse_build({"--batch", "0"}), po::error);
    EXPECT_THROW(parse_build({"--batch", "many"}), po::error);
    EXPECT_THROW(parse_build({"--shards", "-1"}), po::error);
    EXPECT_THROW(parse_build({"--jobs", "-2"}), po::error);
    EXPECT_THROW(parse_build({"--prune=yes"}), po::error);
    EXPECT_THROW(parse_build({"--index"}), po::error);
}

TEST(CorpusOptions, CsvColumnsNeedFieldAndColumn) {
    for (const char* bad : {"text", "=body", "text="}) {
        cli::CorpusOptions o;
        o.csv_column_specs = {bad};
        EXPECT_THROW(o.csv_columns(), po::error) << bad;
    }
    cli::CorpusOptions o;
    o.csv_column_specs = {"url=link=x"};
    EXPECT_EQ(o.csv_columns().at("url"), "link=x");
}

}  // namespace
}  // namespace verbatim
