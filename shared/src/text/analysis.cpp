#include <verbatim/text/analysis.hpp>

#include <verbatim/text/unicode.hpp>

namespace verbatim::text {

Xapian::Stem stemmer() { return Xapian::Stem("english"); }

std::string analysable(std::string_view text) { return fold_keep_case(text); }

}  // namespace verbatim::text
