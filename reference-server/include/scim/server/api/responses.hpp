// Building SCIM responses and reading SCIM requests: JSON bodies with application/scim+json
// (RFC 7644 §3.1, §8.1), SCIM error bodies (§3.12), content negotiation and body parsing.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/api/request.hpp"

namespace scim::server {

class JsonParsers;  // api/json_parsers.hpp

Response json_response(int status, const nlohmann::json& body);
// The same for a body already written as JSON text (application/scim+json).
Response json_text_response(int status, std::string body);
Response error_response(const ScimError& error);
Response no_content(int status);  // 204 / 304: no body, no Content-Type
// JSON with another media type (e.g. application/json for non-SCIM documents).
Response json_response(int status, const nlohmann::json& body, std::string_view content_type);

// The ScimError a response carries: parsed from its body when it is an RFC 7644 §3.12 error,
// otherwise synthesised from the status.
ScimError error_of(const Response& response);

// 406 when Accept names neither application/scim+json nor application/json (nor a wildcard that
// covers them); a missing Accept accepts anything.
std::optional<ScimError> check_accept(const Request& request);
// Request bodies: Content-Type must be absent, application/scim+json or application/json (415
// otherwise); the body must be one JSON value under the rules of json_text.hpp (UTF-8, no
// duplicate member names, nested at most `max_depth`), else 400 invalidSyntax. A body given
// parsed (Request::json_body, a /Bulk operation's data) is taken from the request, not copied:
// a request's body is read once. `parsers`: see parse_json_text (json_text.hpp).
Result<nlohmann::json> parse_body(const Request& request, std::size_t max_depth,
                                  const JsonParsers* parsers = nullptr);

}  // namespace scim::server
