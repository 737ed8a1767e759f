// Private to src/http (and the HTTP fuzzer, fuzz/http_request_fuzzer.cpp): turning a request
// Beast has parsed into what the rest of the server sees. The head's fields as plain strings for
// the head rules, and the plain server::Request (method upper-cased, header names lower-cased,
// repeated fields joined) that the middleware chain takes.
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

}  // namespace scim::http::detail
