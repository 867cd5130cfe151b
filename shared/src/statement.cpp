#include <verbatim/statement.hpp>

namespace verbatim {

std::string_view to_string(Kind kind) {
    switch (kind) {
    case Kind::quote: return "quote";
    case Kind::reported: return "reported";
    case Kind::narrative: return "narrative";
    }
    return "narrative";
}

std::optional<Kind> parse_kind(std::string_view text) {
    if (text == "quote") return Kind::quote;
    if (text == "reported") return Kind::reported;
    if (text == "narrative") return Kind::narrative;
    return std::nullopt;
}

}  // namespace verbatim
