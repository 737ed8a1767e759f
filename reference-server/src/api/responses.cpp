// SCIM response construction and request body/negotiation checks (see responses.hpp).
#include "scim/server/api/responses.hpp"

#include <string_view>

#include "scim/protocol/http_syntax.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/api/json_text.hpp"

namespace scim::server {
namespace {

// The media type of a Content-Type or one Accept element, without parameters.
std::string_view media_type(std::string_view value) {
  return trim_ows(value.substr(0, value.find(';')));
}

bool is_json_type(std::string_view type) {
  return iequals(type, urn::kScimMediaType) || iequals(type, urn::kJsonMediaType);
}

}  // namespace

Response json_response(int status, const nlohmann::json& body) {
  // Replacement of invalid UTF-8 keeps a response possible whatever a client stored.
  return json_text_response(status,
                            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response json_text_response(int status, std::string body) {
  Response r;
  r.status = status;
  r.set_header("Content-Type", std::string(urn::kScimMediaType));
  r.body = std::move(body);
  return r;
}

Response json_response(int status, const nlohmann::json& body, std::string_view content_type) {
  Response r = json_response(status, body);
  r.set_header("Content-Type", std::string(content_type));
  return r;
}

ScimError error_of(const Response& response) {
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_discarded()) {
    if (auto parsed = ScimError::from_json(body)) return *parsed;
  }
  return http_error(response.status, "HTTP " + std::to_string(response.status));
}

Response error_response(const ScimError& error) {
  return json_response(error.status, error.to_json());
}

Response no_content(int status) {
  Response r;
  r.status = status;
  return r;
}

std::optional<ScimError> check_accept(const Request& request) {
  const std::string* accept = request.header("accept");
  if (!accept || trim_ows(*accept).empty()) return std::nullopt;
  std::string_view rest = *accept;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const auto type = media_type(rest.substr(0, comma));
    if (is_json_type(type) || type == "*/*" || iequals(type, "application/*")) return std::nullopt;
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return http_error(406, "Accept must allow application/scim+json or application/json");
}

Result<nlohmann::json> parse_body(const Request& request, std::size_t max_depth,
                                  const JsonParsers* parsers) {
  if (const std::string* ct = request.header("content-type")) {
    if (!trim_ows(*ct).empty() && !is_json_type(media_type(*ct))) {
      return http_error(415, "Content-Type must be application/scim+json or application/json");
    }
  }
  if (request.json_body) {
    if (auto deep = check_nesting(*request.json_body, max_depth)) return *deep;
    // Taken, not copied (request.hpp): a 1,000-operation /Bulk copied every operation's data.
    nlohmann::json taken = std::move(*request.json_body);
    request.json_body.reset();
    return taken;
  }
  if (trim_ows(request.body).empty()) return invalid_syntax("the request body is empty");
  return parse_json_text(request.body, max_depth, parsers, request.body.capacity());
}

}  // namespace scim::server
