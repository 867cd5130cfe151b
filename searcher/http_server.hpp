#pragma once
// The HTTP transport: cpp-httplib serving the transport-free API and the web page.

#include <verbatim/api/search_api.hpp>

#include <string>

namespace verbatim::server {

struct ServerOptions {
    std::string index;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string web;         // folder of the web page ("" = no page)
    std::size_t threads = 64;      // connections served at once (each kept-alive one holds a thread)
    std::size_t max_searches = 0;  // API requests answered at once; 0: twice the number of cores
    api::ApiLimits limits;
};

// "127.0.0.1:8080", "[::1]:8080", ":8080" → host and port; throws ConfigError.
void parse_listen(const std::string& listen, ServerOptions& options);

// Serves until SIGINT/SIGTERM; returns the exit status.
int serve(const ServerOptions& options);

}  // namespace verbatim::server
