// Random identifiers for SETs and transactions: RFC 4122 §4.4 version-4 UUIDs from OpenSSL's
// CSPRNG (RAND_bytes). Used for "jti" (RFC 7519 §4.1.7), "txn" (RFC 8417 §2.2) and Set-Txn.
#pragma once

#include <string>

namespace scim::events {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" in lower-case hex.
std::string uuid_v4();
// The same 122 random bits as 32 hex digits without dashes (the draft's examples use this form).
std::string random_hex_id();

}  // namespace scim::events
