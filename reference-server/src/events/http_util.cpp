// Response construction and header lookup helpers (see http_util.hpp).
#include "scim/server/events/http_util.hpp"

#include "scim/protocol/strings.hpp"

namespace scim::events {

server::Response json_response(int status, const nlohmann::json& body,
                               std::string_view content_type) {
  server::Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", std::string(content_type));
  r.body = body.dump();
  return r;
}

server::Response error_response(const ScimError& error) {
  return json_response(error.status, error.to_json());
}

const std::string* response_header(const server::Response& response, std::string_view name) {
  for (const auto& [k, v] : response.headers) {
    if (iequals(k, name)) return &v;
  }
  return nullptr;
}

const std::string* request_header(const server::Request& request, std::string_view lower_name) {
  auto it = request.headers.find(std::string(lower_name));
  return it == request.headers.end() ? nullptr : &it->second;
}

ScimError error_of(const server::Response& response) {
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_discarded()) {
    if (auto parsed = ScimError::from_json(body)) return *parsed;
  }
  return http_error(response.status, "HTTP " + std::to_string(response.status));
}

}  // namespace scim::events
