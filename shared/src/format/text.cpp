#include <verbatim/format/text.hpp>

#include <verbatim/format/json.hpp>

namespace verbatim::format {

namespace {

std::string join_nonempty(std::initializer_list<std::string> parts, const char* separator) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

}  // namespace

nlohmann::json hit_to_json(const search::Hit& hit) {
    nlohmann::json j = to_json(hit.statement);
    j["rank"] = hit.rank;
    j["score"] = hit.score;
    return j;
}

void write_text(std::ostream& out, const search::SearchResults& results, const TextStyle& style) {
    const char* bold = style.colour ? "\x1b[1m" : "";
    const char* dim = style.colour ? "\x1b[2m" : "";
    const char* reset = style.colour ? "\x1b[0m" : "";
    for (const auto& hit : results.hits) {
        const Statement& s = hit.statement;
        out << bold << hit.rank << ". " << reset << s.text << "\n";
        const std::string who = s.speaker.empty() ? "(no speaker)" : s.speaker;
        out << "   " << bold << who << reset;
        const std::string about = join_nonempty({s.role, s.region, s.country}, ", ");
        if (!about.empty()) out << " — " << about;
        out << "\n   " << dim << join_nonempty({std::string(to_string(s.kind)), s.date, s.title}, " · ");
        out << "\n   " << join_nonempty({s.url, s.source}, "  ") << reset << "\n\n";
    }
}

}  // namespace verbatim::format
