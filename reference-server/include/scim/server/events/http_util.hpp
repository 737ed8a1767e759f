// Small helpers for building and reading the plain server::Response values the events endpoints
// exchange with the Service (endpoints/http_types.hpp), using only its data members.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "scim/server/api/request.hpp"
#include "scim/protocol/error.hpp"

namespace scim::events {

server::Response json_response(int status, const nlohmann::json& body,
                               std::string_view content_type = "application/scim+json");
// RFC 7644 §3.12 error body with its status.
server::Response error_response(const ScimError& error);
// Case-insensitive header lookup on a Response; nullptr when absent.
const std::string* response_header(const server::Response& response, std::string_view name);
// Request header lookup; names in Request::headers are lower-case by contract.
const std::string* request_header(const server::Request& request, std::string_view lower_name);
// The ScimError a response carries: parsed from its body when it is an RFC 7644 §3.12 error,
// otherwise synthesised from the status.
ScimError error_of(const server::Response& response);

}  // namespace scim::events
