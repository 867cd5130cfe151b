#include <verbatim/format/json.hpp>

namespace verbatim::format {

nlohmann::json to_json(const Statement& s) {
    nlohmann::json quotes = nlohmann::json::array();
    for (const Span& q : s.quotes) quotes.push_back({q.start, q.end});
    return {
        {"id", s.id},           {"source", s.source},
        {"doc", s.doc},         {"paragraph", s.paragraph},
        {"start", s.start},     {"end", s.end},
        {"text", s.text},       {"kind", std::string(to_string(s.kind))},
        {"speaker", s.speaker}, {"role", s.role},
        {"organisation", s.organisation}, {"region", s.region},
        {"country", s.country}, {"date", s.date},
        {"title", s.title},     {"url", s.url},
        {"quotes", quotes},     {"mentions", s.mentions},
        {"evidence", s.evidence}, {"confidence", s.confidence},
    };
}

Statement statement_from_json(const nlohmann::json& j) {
    Statement s;
    auto str = [&](const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string(); };
    auto num = [&](const char* key) { return j.contains(key) && j[key].is_number() ? j[key].get<std::size_t>() : std::size_t{0}; };
    s.id = str("id");
    s.source = str("source");
    s.doc = str("doc");
    s.paragraph = num("paragraph");
    s.start = num("start");
    s.end = num("end");
    s.text = str("text");
    s.kind = parse_kind(str("kind")).value_or(Kind::narrative);
    s.speaker = str("speaker");
    s.role = str("role");
    s.organisation = str("organisation");
    s.region = str("region");
    s.country = str("country");
    s.date = str("date");
    s.title = str("title");
    s.url = str("url");
    if (j.contains("quotes") && j["quotes"].is_array())
        for (const auto& q : j["quotes"])
            if (q.is_array() && q.size() == 2) s.quotes.push_back({q[0].get<std::size_t>(), q[1].get<std::size_t>()});
    if (j.contains("mentions") && j["mentions"].is_array())
        for (const auto& m : j["mentions"])
            if (m.is_string()) s.mentions.push_back(m.get<std::string>());
    s.evidence = str("evidence");
    if (j.contains("confidence") && j["confidence"].is_number()) s.confidence = j["confidence"].get<double>();
    return s;
}

std::string to_json_line(const nlohmann::json& object) {
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace verbatim::format
