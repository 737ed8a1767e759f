// Private to src/http: an answer's head written as the bytes Beast's serializer would write for
// it (to_beast_response's message, beast_request.hpp), into one reused string, without Beast's
// field list (one allocation per field) and its buffer sequence. Free of Beast headers, so that
// the unit tests compare the two writers byte for byte (answer_wire_test.cpp).
#pragma once

#include <string>

#include "scim/server/api/request.hpp"

namespace scim::http::detail {

// Makes `response` what the session writes, as to_beast_response does: a status outside 200-599
// becomes a 500, 204 and 304 lose their body (RFC 9110 §15.3.5, §15.4.5).
void settle_answer(server::Response& response);

// Writes into `out` (cleared first) the status line and the fields of the settled `response`, up
// to and including the empty line: "Server", the handler's headers in order, "Content-Type"
// (application/scim+json) for a body without one, "Connection" as keep-alive and the version
// ask, "Content-Length" (the body's size; a HEAD answer keeps it and sends no body). The
// body is written after it, as it is. Returns false, writing nothing, when the handler set a
// field Beast rewrites (Content-Length, Transfer-Encoding, Connection) or the version is not
// HTTP/1.0 or 1.1: the session then writes the Beast message.
bool answer_head(const server::Response& response, bool keep_alive, unsigned version,
                 std::string& out);

// The whole answer as Beast's serializer writes it (to_beast_response, then the message's
// bytes): the reference answer_head is pinned against, and the bytes of a truncated delivery.
std::string beast_answer_bytes(server::Response response, bool keep_alive, unsigned version,
                               bool head);

}  // namespace scim::http::detail
