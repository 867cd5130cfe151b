#pragma once
// How deep a saved web page nests its elements, read from the markup before it is parsed.
// Gumbo builds its tree in time that grows with the square of the depth (100,000 nested <div>
// take ~17 s) while real pages stay below a few hundred levels, so the HTML reader parses a
// copy whose tags past a limit are left out (their text stays), as browsers flatten too-deep
// trees.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace verbatim::corpus {

inline constexpr std::size_t kMaxHtmlDepth = 1000;

struct FlattenedHtml {
    std::string html;            // the page without the start and end tags nested too deep
    std::size_t first_line = 0;  // line (1-based) of the first tag left out
    std::size_t tags_left_out = 0;
};

// The depth counts the elements a start tag opens and its end tag closes: not void elements
// (<br>, <img>), not those whose end tag may be left out (<p>, <li>, <td>: the next one closes
// them, so unclosed ones do not nest), not self-closing tags inside <svg> or <math>; comments
// and the contents of <script>, <style>, <textarea> and the like are skipped. Empty when the
// page stays within `max_depth`.
std::optional<FlattenedHtml> flatten_html_nesting(std::string_view html, std::size_t max_depth = kMaxHtmlDepth);

}  // namespace verbatim::corpus
