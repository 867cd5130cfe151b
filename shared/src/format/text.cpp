#include <verbatim/format/text.hpp>

#include <verbatim/format/json.hpp>
#include <verbatim/search/highlight.hpp>
#include <verbatim/text/unicode.hpp>

#include <csv.h>

#include <unicode/utf8.h>

namespace verbatim::format {

namespace {

struct Colours {
    const char *bold, *dim, *hit, *quote, *reset, *added, *removed;
    explicit Colours(bool on)
        : bold(on ? "\x1b[1m" : ""), dim(on ? "\x1b[2m" : ""), hit(on ? "\x1b[1;33m" : ""),
          quote(on ? "\x1b[32m" : ""), reset(on ? "\x1b[0m" : ""), added(on ? "\x1b[32m" : ""),
          removed(on ? "\x1b[31m" : "") {}
};

std::string join_nonempty(std::initializer_list<std::string> parts, const char* separator) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

// The snippet with matched words highlighted and verbatim quoted words in colour on a
// terminal; unchanged otherwise (the quotation marks show the verbatim words anyway).
std::string marked(const search::Snippet& snippet, const Colours& c) {
    const std::string& text = snippet.text;
    if (!*c.hit) return text;
    std::vector<std::pair<std::size_t, const char*>> switches;  // byte → colour to switch to
    const std::size_t n = text::count_code_points(text);
    std::vector<int> state(n, 0);  // 0 plain, 1 quoted, 2 matched
    for (const Span& q : snippet.quotes)
        for (std::size_t k = q.start; k < q.end && k < n; ++k) state[k] = 1;
    for (const Span& h : snippet.highlights)
        for (std::size_t k = h.start; k < h.end && k < n; ++k) state[k] = 2;
    std::string out;
    int current = 0;
    std::size_t cp = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t next = i + 1;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
        const int want = cp < n ? state[cp] : 0;
        if (want != current) {
            out += c.reset;
            if (want == 1) out += c.quote;
            if (want == 2) out += c.hit;
            current = want;
        }
        out.append(text, i, next - i);
        i = next;
        ++cp;
    }
    if (current) out += c.reset;
    return out;
}

std::string people_line(const Statement& s) {
    const std::string who = s.speaker.empty() ? "(no speaker)" : s.speaker;
    const std::string about = join_nonempty({s.role, s.region, s.country}, ", ");
    return about.empty() ? who : who + " — " + about;
}

}  // namespace

nlohmann::json hit_to_json(const search::Hit& hit, const std::vector<std::string>& query_words) {
    nlohmann::json j = to_json(hit.statement);
    j["rank"] = hit.rank;
    j["score"] = hit.score;
    const search::Snippet snippet = search::make_snippet(hit.statement.text, query_words);
    j["snippet"] = snippet.text;
    nlohmann::json spans = nlohmann::json::array();
    for (const Span& h : snippet.highlights) spans.push_back({h.start, h.end});
    j["highlights"] = spans;
    nlohmann::json also = nlohmann::json::array();
    for (const auto& o : hit.also_in)
        also.push_back({{"id", o.id}, {"source", o.source}, {"title", o.title}, {"date", o.date}, {"url", o.url}});
    j["also_in"] = also;
    return j;
}

nlohmann::json verification_to_json(const search::Verification& v) {
    nlohmann::json j = hit_to_json(v.hit, {});
    j["verdict"] = std::string(search::to_string(v.verdict));
    j["similarity"] = v.similarity;
    j["overlap"] = v.overlap;
    j["matched"] = {v.matched.start, v.matched.end};
    nlohmann::json diff = nlohmann::json::array();
    for (const auto& d : v.diff)
        diff.push_back({{"op", d.type == search::DiffOp::Type::same ? "=" : d.type == search::DiffOp::Type::added ? "+" : "-"},
                        {"word", d.word}});
    j["diff"] = diff;
    return j;
}

nlohmann::json facets_to_json(const search::SearchResults& results) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [name, values] : results.facets) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& v : values) list.push_back({{"value", v.value}, {"count", v.count}});
        j[name] = list;
    }
    return j;
}

void write_text(std::ostream& out, const search::SearchResults& results, const TextStyle& style,
                const ContextLookup& context) {
    const Colours c(style.colour);
    if (!results.corrected.empty()) out << c.dim << "Searched for: " << results.corrected << c.reset << "\n";
    if (results.relaxed)
        out << c.dim << "No statement holds all the words; showing statements that hold most of them." << c.reset << "\n";
    if (!results.corrected.empty() || results.relaxed) out << "\n";
    for (const auto& hit : results.hits) {
        const Statement& s = hit.statement;
        if (style.context > 0 && context) {
            const auto around = context(s.doc);
            std::size_t at = 0;
            while (at < around.size() && around[at].id != s.id) ++at;
            for (std::size_t k = at >= style.context ? at - style.context : 0; k < at && at < around.size(); ++k)
                out << "   " << c.dim << around[k].text << c.reset << "\n";
        }
        std::vector<Span> quotes;
        for (const Span& q : s.quotes)
            if (q.start >= s.start) quotes.push_back({q.start - s.start, q.end - s.start});
        const search::Snippet snippet =
            search::make_snippet(s.text, results.words, style.context > 0 ? 100000 : 480, quotes);
        out << c.bold << hit.rank << ". " << c.reset << marked(snippet, c) << "\n";
        if (style.context > 0 && context) {
            const auto around = context(s.doc);
            std::size_t at = 0;
            while (at < around.size() && around[at].id != s.id) ++at;
            for (std::size_t k = at + 1; k < around.size() && k <= at + style.context; ++k)
                out << "   " << c.dim << around[k].text << c.reset << "\n";
        }
        out << "   " << c.bold << people_line(s) << c.reset << "\n";
        out << "   " << c.dim << join_nonempty({std::string(to_string(s.kind)), s.date, s.title}, " · ") << c.reset << "\n";
        out << "   " << c.dim << join_nonempty({s.url, s.source}, "  ") << c.reset << "\n";
        if (!hit.also_in.empty()) {
            out << "   " << c.dim << "also in " << hit.also_in.size() << " other release(s):";
            for (const auto& o : hit.also_in) out << "\n     " << join_nonempty({o.date, o.title, o.url.empty() ? o.source : o.url}, " · ");
            out << c.reset << "\n";
        }
        out << "\n";
    }
    for (const auto& [name, values] : results.facets) {
        out << c.bold << name << c.reset << ":";
        for (const auto& v : values) out << "  " << v.value << " (" << v.count << ")";
        out << "\n";
    }
}

void write_verification_text(std::ostream& out, const std::vector<search::Verification>& found, const TextStyle& style) {
    const Colours c(style.colour);
    if (found.empty()) out << "No statement in the index is close to this quotation.\n";
    std::size_t n = 0;
    for (const auto& v : found) {
        const Statement& s = v.hit.statement;
        out << c.bold << ++n << ". " << search::to_string(v.verdict) << c.reset << " (" << static_cast<int>(v.similarity * 100)
            << "% of the words in order, " << static_cast<int>(v.overlap * 100) << "% of the content words)\n";
        out << "   " << s.text << "\n";
        if (v.verdict != search::Verdict::exact) {
            out << "   diff: ";
            for (const auto& d : v.diff) {
                if (d.type == search::DiffOp::Type::same) out << d.word << " ";
                else if (d.type == search::DiffOp::Type::removed) out << c.removed << "[-" << d.word << "-]" << c.reset << " ";
                else out << c.added << "{+" << d.word << "+}" << c.reset << " ";
            }
            out << "\n";
        }
        out << "   " << c.bold << people_line(s) << c.reset << "\n";
        out << "   " << c.dim << join_nonempty({std::string(to_string(s.kind)), s.date, s.title}, " · ") << c.reset << "\n";
        out << "   " << c.dim << join_nonempty({s.url, s.source}, "  ") << c.reset << "\n\n";
    }
}

void write_csv_header(std::ostream& out) {
    out << "rank,score,id,speaker,role,organisation,region,country,kind,date,title,url,source,text\n";
}

void write_csv_row(std::ostream& out, const search::Hit& hit) {
    const Statement& s = hit.statement;
    auto field = [&](const std::string& value) {
        std::string quoted(value.size() * 2 + 2, '\0');
        quoted.resize(csv_write(quoted.data(), quoted.size(), value.data(), value.size()));
        out << quoted;
    };
    out << hit.rank << ',' << hit.score << ',';
    for (const std::string* f : {&s.id, &s.speaker, &s.role, &s.organisation, &s.region, &s.country}) {
        field(*f);
        out << ',';
    }
    field(std::string(to_string(s.kind)));
    for (const std::string* f : {&s.date, &s.title, &s.url, &s.source, &s.text}) {
        out << ',';
        field(*f);
    }
    out << '\n';
}

}  // namespace verbatim::format
