#pragma once
// The HTTP API without sockets: a request (method, path, parameters) → a response (status,
// JSON body). The transport (searcher/http_server.cpp) only adapts; tests call handle().

#include <verbatim/search/searcher.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace verbatim::api {

struct ApiRequest {
    std::string method = "GET";
    std::string path;                              // "/api/search"
    std::multimap<std::string, std::string> params; // decoded query parameters
};

struct ApiResponse {
    int status = 200;
    std::string body;                              // JSON
    std::string content_type = "application/json; charset=utf-8";
};

struct ApiLimits {
    std::size_t max_query_chars = 2000;
    std::size_t max_limit = 100;
    std::size_t max_offset = 10000;
    double seconds_per_request = 2.0;  // Xapian's match time limit; then the best found so far
};

// Gives the handlers a Searcher on the current index: re-opened when the index changed.
using SearcherSource = std::function<std::shared_ptr<const search::Searcher>()>;

class SearchApi {
public:
    SearchApi(SearcherSource searchers, ApiLimits limits = {});
    ApiResponse handle(const ApiRequest& request) const;

    // The route table, in one place: method, path pattern (with {id}), description.
    struct Route {
        std::string method;
        std::string pattern;
        std::string description;
    };
    static const std::vector<Route>& routes();

private:
    ApiResponse search(const ApiRequest& request) const;
    ApiResponse statement(const ApiRequest& request, const std::string& id) const;
    ApiResponse verify(const ApiRequest& request) const;
    ApiResponse suggest(const ApiRequest& request) const;
    ApiResponse health() const;

    SearcherSource m_searchers;
    ApiLimits m_limits;
};

// Errors as JSON with their status: {"error": {"status": 400, "message": "…"}}.
ApiResponse error_response(int status, const std::string& message);
// The HTTP status of an exception: QueryError 400, IndexError 503, others 500.
int status_of(const std::exception& e);

}  // namespace verbatim::api
