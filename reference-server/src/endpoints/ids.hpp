// Resource ids: random (version 4) UUIDs from OpenSSL's CSPRNG (RFC 4122 §4.4), so ids are
// unguessable and never reused (RFC 7643 §3.1 "id").
#pragma once

#include <string>

namespace scim::server {

std::string new_uuid();

}  // namespace scim::server
