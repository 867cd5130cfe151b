#include <verbatim/api/search_api.hpp>

#include <verbatim/error.hpp>
#include <verbatim/format/json.hpp>
#include <verbatim/format/text.hpp>
#include <verbatim/schema.hpp>
#include <verbatim/search/verify.hpp>
#include <verbatim/text/analysis.hpp>
#include <verbatim/text/unicode.hpp>

#include <xapian.h>

#include <algorithm>
#include <charconv>

namespace verbatim::api {

namespace {

std::string param(const ApiRequest& r, const std::string& name, const std::string& fallback = "") {
    auto it = r.params.find(name);
    return it == r.params.end() ? fallback : it->second;
}

std::vector<std::string> params(const ApiRequest& r, const std::string& name) {
    std::vector<std::string> out;
    for (auto [it, end] = r.params.equal_range(name); it != end; ++it)
        if (!it->second.empty()) out.push_back(it->second);
    return out;
}

std::size_t number(const ApiRequest& r, const std::string& name, std::size_t fallback, std::size_t max) {
    const std::string value = param(r, name);
    if (value.empty()) return fallback;
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size())
        throw QueryError(name + " must be a whole number, not '" + value + "'");
    if (n > max) throw QueryError(name + " is at most " + std::to_string(max));
    return n;
}

bool flag(const ApiRequest& r, const std::string& name) {
    const std::string v = param(r, name);
    return v == "1" || v == "true" || v == "yes" || v == "on";
}

ApiResponse json_response(const nlohmann::json& body, int status = 200) {
    return {status, format::to_json_line(body) + "\n"};
}

// Reads the filters and paging every search-like endpoint shares.
search::SearchRequest request_from(const ApiRequest& r, const ApiLimits& limits) {
    search::SearchRequest q;
    q.query = param(r, "q");
    if (text::count_code_points(q.query) > limits.max_query_chars)
        throw QueryError("q is longer than " + std::to_string(limits.max_query_chars) + " characters");
    if (text::find_invalid_utf8(q.query)) throw QueryError("q is not valid UTF-8");
    q.speakers = params(r, "speaker");
    q.regions = params(r, "region");
    q.countries = params(r, "country");
    q.kinds = params(r, "kind");
    q.from = param(r, "from");
    q.to = param(r, "to");
    q.limit = number(r, "limit", 10, limits.max_limit);
    q.offset = number(r, "offset", 0, limits.max_offset);
    q.exact = flag(r, "exact");
    q.collapse = !flag(r, "no_collapse");
    q.like = param(r, "like");
    q.time_limit = limits.seconds_per_request;
    const std::string sort = param(r, "sort", "relevance");
    if (sort == "date") q.sort = search::SortOrder::date_ascending;
    else if (sort == "-date") q.sort = search::SortOrder::date_descending;
    else if (sort != "relevance") throw QueryError("sort is relevance, date or -date, not '" + sort + "'");
    const std::string facets = param(r, "facets");
    for (std::size_t at = 0; at < facets.size();) {
        std::size_t comma = facets.find(',', at);
        if (comma == std::string::npos) comma = facets.size();
        if (comma > at) q.facets.push_back(facets.substr(at, comma - at));
        at = comma + 1;
    }
    return q;
}

}  // namespace

ApiResponse error_response(int status, const std::string& message) {
    return json_response({{"error", {{"status", status}, {"message", message}}}}, status);
}

int status_of(const std::exception& e) {
    if (dynamic_cast<const QueryError*>(&e)) return 400;
    if (dynamic_cast<const IndexError*>(&e)) return 503;
    return 500;
}

SearchApi::SearchApi(SearcherSource searchers, ApiLimits limits) : m_searchers(std::move(searchers)), m_limits(limits) {}

const std::vector<SearchApi::Route>& SearchApi::routes() {
    static const std::vector<Route> table = {
        {"GET", "/api/search", "ranked statements: q, speaker, region, country, kind, from, to, sort, limit, offset, facets, exact, like"},
        {"GET", "/api/statements/{id}", "one statement with its document's neighbouring statements"},
        {"GET", "/api/verify", "did someone really say this: text (+ the search filters)"},
        {"GET", "/api/suggest", "completions of the last word of q: speakers, places, words"},
        {"GET", "/healthz", "the index is open: statement count and schema version"},
    };
    return table;
}

ApiResponse SearchApi::handle(const ApiRequest& request) const {
    try {
        const std::string& path = request.path;
        const bool get = request.method == "GET" || request.method == "HEAD";
        const std::string statements = "/api/statements/";
        if (path == "/api/search" || path == "/api/verify" || path == "/api/suggest" || path == "/healthz" ||
            path.starts_with(statements)) {
            if (!get) return error_response(405, "only GET is allowed on " + path);
        }
        if (path == "/api/search") return search(request);
        if (path == "/api/verify") return verify(request);
        if (path == "/api/suggest") return suggest(request);
        if (path == "/healthz") return health();
        if (path.starts_with(statements) && path.size() > statements.size())
            return statement(request, path.substr(statements.size()));
        return error_response(404, "no such endpoint: " + path);
    } catch (const Xapian::Error& e) {
        return error_response(503, "index: " + e.get_description());
    } catch (const std::exception& e) {
        return error_response(status_of(e), e.what());
    }
}

ApiResponse SearchApi::search(const ApiRequest& request) const {
    const search::SearchRequest q = request_from(request, m_limits);
    const auto searcher = m_searchers();
    const search::SearchResults results = searcher->search(q);
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : results.hits) hits.push_back(format::hit_to_json(hit, results.words));
    nlohmann::json body = {{"query", q.query},         {"total", results.estimated_total},
                           {"exact_total", results.exact_total}, {"relaxed", results.relaxed},
                           {"corrected", results.corrected},     {"offset", q.offset},
                           {"limit", q.limit},                   {"hits", hits}};
    if (!results.facets.empty()) body["facets"] = format::facets_to_json(results);
    return json_response(body);
}

ApiResponse SearchApi::statement(const ApiRequest& request, const std::string& id) const {
    const auto searcher = m_searchers();
    const auto found = searcher->statement(id);
    if (!found) return error_response(404, "no statement with id '" + id + "'");
    const std::size_t around = number(request, "context", 3, 50);
    const auto all = searcher->document_statements(found->doc);
    std::size_t at = 0;
    while (at < all.size() && all[at].id != id) ++at;
    nlohmann::json before = nlohmann::json::array(), after = nlohmann::json::array();
    for (std::size_t k = at >= around ? at - around : 0; k < at; ++k) before.push_back(format::to_json(all[k]));
    for (std::size_t k = at + 1; k < all.size() && k <= at + around; ++k) after.push_back(format::to_json(all[k]));
    return json_response({{"statement", format::to_json(*found)}, {"before", before}, {"after", after}});
}

ApiResponse SearchApi::verify(const ApiRequest& request) const {
    const std::string text = param(request, "text");
    if (text.empty()) return error_response(400, "text is required: the quotation to check");
    if (text::count_code_points(text) > m_limits.max_query_chars)
        return error_response(400, "text is longer than " + std::to_string(m_limits.max_query_chars) + " characters");
    search::SearchRequest q = request_from(request, m_limits);
    const auto searcher = m_searchers();
    const auto found = search::verify(*searcher, text, q);
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t k = 0; k < found.size() && k < q.limit; ++k) list.push_back(format::verification_to_json(found[k]));
    return json_response({{"text", text}, {"matches", list}});
}

ApiResponse SearchApi::suggest(const ApiRequest& request) const {
    const std::string q = param(request, "q");
    if (q.size() > 200) return error_response(400, "q is longer than 200 characters");
    // Complete the last word: speakers' names first, then regions, then words of statements.
    std::string last = q.substr(q.find_last_of(' ') == std::string::npos ? 0 : q.find_last_of(' ') + 1);
    last = text::fold(last);
    nlohmann::json out = nlohmann::json::array();
    if (last.size() >= 2) {
        const auto searcher = m_searchers();
        const Xapian::Database& db = searcher->database();
        struct Candidate {
            std::string word;
            Xapian::doccount freq;
            std::string kind;
        };
        std::vector<Candidate> found;
        // Whole words come from the spelling table (names, places, titles and capitalised words of
        // the statements: the index's terms are stems); what a word is, from the terms it gives.
        std::size_t n = 0;
        for (auto t = db.spellings_begin(); n < 200 && t != db.spellings_end(); ++n) {
            if (n == 0) t.skip_to(last);
            if (t == db.spellings_end() || !(*t).starts_with(last)) break;
            const std::string word = *t;
            ++t;
            for (const auto& [prefix, kind] : {std::pair{schema::prefix::speaker, "speaker"}, std::pair{schema::prefix::region, "region"},
                                               std::pair{std::string_view(""), "word"}}) {
                if (const Xapian::doccount freq = db.get_termfreq(text::stemmed_term(prefix, word))) {
                    found.push_back({word, freq, kind});
                    break;
                }
            }
        }
        std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
            if (a.kind != b.kind) return a.kind == "speaker" || (a.kind == "region" && b.kind == "word");
            return a.freq > b.freq;
        });
        std::vector<std::string> seen;
        for (const auto& c : found) {
            if (std::find(seen.begin(), seen.end(), c.word) != seen.end()) continue;
            seen.push_back(c.word);
            out.push_back({{"text", c.word}, {"kind", c.kind}, {"count", c.freq}});
            if (out.size() >= 10) break;
        }
    }
    return json_response({{"q", q}, {"suggestions", out}});
}

ApiResponse SearchApi::health() const {
    const auto searcher = m_searchers();
    const Xapian::Database& db = searcher->database();
    return json_response({{"status", "ok"},
                          {"statements", db.get_doccount()},
                          {"schema_version", db.get_metadata(std::string(schema::kVersionKey))}});
}

}  // namespace verbatim::api
