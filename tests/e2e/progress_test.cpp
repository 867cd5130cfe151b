// The progress bar of verbatim-index build: drawn on a terminal (a pseudo-terminal made by
// script(1) from util-linux), never into a file or a pipe, not with --no-progress or -q.

#include "e2e_support.hpp"

#include <cstdlib>

namespace verbatim {
namespace {

using test::shell_quote;

constexpr const char* kRedraw = "\r\033[K";  // how the bar redraws its line

class Progress : public ::testing::Test {
protected:
    void SetUp() override {
        if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "script (util-linux) is not installed";
    }
    std::string index() const { return (m_dir / "index").string(); }
    // verbatim-index build with stderr on a pseudo-terminal; what the terminal showed.
    std::string on_terminal(const std::string& options) const {
        const std::string command = shell_quote(std::string(test::kBinDir) + "/verbatim-index") + " build " + options +
                                    " --index " + shell_quote(index()) + " " +
                                    shell_quote(std::string(test::kSourceDir) + "/corpus/sample");
        const std::string out = (m_dir / "terminal.txt").string();
        const std::string run = "script -qec " + shell_quote(command) + " /dev/null > " + shell_quote(out) + " 2>&1";
        EXPECT_EQ(std::system(run.c_str()), 0) << run;
        return test::slurp(out);
    }
    test::TempDir m_dir;
};

TEST_F(Progress, ABarOnATerminal) {
    const std::string shown = on_terminal("");
    EXPECT_NE(shown.find(kRedraw + std::string("[")), std::string::npos) << shown;
    EXPECT_NE(shown.find("%"), std::string::npos) << shown;
    EXPECT_NE(shown.find("216 statements"), std::string::npos) << "the summary follows the bar: " << shown;
}

TEST_F(Progress, NoBarWhenAskedOrQuiet) {
    EXPECT_EQ(on_terminal("--no-progress").find(kRedraw), std::string::npos);
    EXPECT_EQ(on_terminal("--force -q").find(kRedraw), std::string::npos);
}

TEST_F(Progress, NoBarIntoAFile) {
    const auto r = test::run_program("verbatim-index", {"build", "--index", index(), std::string(test::kSourceDir) + "/corpus/sample"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err.find('\r'), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("216 statements"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace verbatim
