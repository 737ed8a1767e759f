// Private to src/http (and the HTTP fuzzer, fuzz/http_request_fuzzer.cpp): turning a request
// Beast has parsed into what the rest of the server sees. The head's fields as plain strings for
// the head rules, and the plain server::Request (method upper-cased, header names lower-cased,
// repeated fields joined) that the middleware chain takes; and back, its answer as a Beast
// response.
#pragma once

#include <utility>  // GCC 12 + Boost 1.74 in C++20: must precede Asio/Beast headers

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <vector>

#include "scim/server/api/request.hpp"
#include "scim/server/http/head_rules.hpp"

namespace scim::http::detail {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// The head's fields in order; stops after max_fields + 1 (enough to refuse the head).
std::vector<HeadField> head_fields(const BeastRequest& request, std::size_t max_fields);

// Moves the body out of `request`.
server::Request to_request(BeastRequest&& request, const server::Connection& connection);

using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

// The answer as the session writes it (the body moved out of `response`): a status outside
// 200-599 becomes a 500, 204 and 304 lose their body, a body without Content-Type is
// application/scim+json, HEAD keeps Content-Length without the body. `response` keeps its
// delivery, except that a 500 made here has the default one.
void to_beast_response(server::Response& response, bool keep_alive, unsigned version, bool head,
                       BeastResponse& out);

}  // namespace scim::http::detail
