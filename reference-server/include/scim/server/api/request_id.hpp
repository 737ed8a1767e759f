// X-Request-Id: the id that correlates a request with its access-log line and journal entry.
// The client's value is kept when it is usable (1-128 of A-Z a-z 0-9 - _ . :, so it can be
// logged and echoed as it is); otherwise the server makes a UUID.
#pragma once

#include <string>

#include "scim/protocol/uuid.hpp"
#include "scim/server/api/request.hpp"

namespace scim::server {

bool usable_request_id(const std::string& id);
// The client's X-Request-Id when usable, else a new UUID v4.
std::string accept_or_make_request_id(const Request& request);
// The same, with a new id from `pool` (the layers that mint one per request hold a pool).
std::string accept_or_make_request_id(const Request& request, UuidPool& pool);

}  // namespace scim::server
