// Random identifiers for SETs and transactions: the 122 random bits of an RFC 4122 §4.4 version-4
// UUID (scim::new_uuid_v4) as plain hex. Used for "jti" (RFC 7519 §4.1.7), "txn" (RFC 8417 §2.2)
// and Set-Txn.
#pragma once

#include <string>

#include "scim/protocol/uuid.hpp"

namespace scim::events {

// 32 lower-case hex digits without dashes (RFC 9967's examples use this form).
std::string random_hex_id();
// The same from a pool (one RAND_bytes call per 256 ids).
std::string random_hex_id(UuidPool& pool);

}  // namespace scim::events
