// Random (version 4) UUIDs from OpenSSL's CSPRNG (RFC 4122 §4.4): resource ids, SET "jti"/"txn",
// and the random GUIDs some provider profiles send.
#pragma once

#include <string>

namespace scim {

// "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx" in lower-case hex. Throws std::runtime_error if
// RAND_bytes fails: a CSPRNG outage is a broken process, not an input error.
std::string new_uuid_v4();

}  // namespace scim
