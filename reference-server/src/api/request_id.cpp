// X-Request-Id acceptance and generation (see request_id.hpp).
#include "scim/server/api/request_id.hpp"

#include <algorithm>

#include "scim/protocol/uuid.hpp"

namespace scim::server {
namespace {

constexpr std::size_t kMaxRequestIdLength = 128;

}  // namespace

bool usable_request_id(const std::string& id) {
  if (id.empty() || id.size() > kMaxRequestIdLength) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
  });
}

std::string accept_or_make_request_id(const Request& request) {
  const std::string* given = request.header("x-request-id");
  return given && usable_request_id(*given) ? *given : new_uuid_v4();
}

std::string accept_or_make_request_id(const Request& request, UuidPool& pool) {
  const std::string* given = request.header("x-request-id");
  return given && usable_request_id(*given) ? *given : pool.next();
}

}  // namespace scim::server
