// Header and query-parameter accessors of the plain request/response values (http_types.hpp).
#include "scim/server/api/request.hpp"

#include "scim/protocol/strings.hpp"

namespace scim::server {

const std::string* Request::header(std::string_view lower_name) const {
  auto it = headers.find(std::string(lower_name));
  if (it != headers.end()) return &it->second;
  // Tolerate callers that stored a header without lower-casing it.
  for (const auto& [name, value] : headers) {
    if (iequals(name, lower_name)) return &value;
  }
  return nullptr;
}

const std::string* Request::query_param(std::string_view name) const {
  auto it = query.find(std::string(name));
  if (it != query.end()) return &it->second;
  // RFC 7644 §3.4.2: parameter names such as "startIndex" are case-insensitive in practice.
  for (const auto& [key, value] : query) {
    if (iequals(key, name)) return &value;
  }
  return nullptr;
}

std::optional<std::string> Request::query_value(std::string_view name) const {
  const std::string* v = query_param(name);
  return v ? std::optional<std::string>(*v) : std::nullopt;
}

void Response::set_header(std::string name, std::string value) {
  for (auto& [n, v] : headers) {
    if (iequals(n, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

const std::string* Response::header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (iequals(n, name)) return &v;
  }
  return nullptr;
}

}  // namespace scim::server
