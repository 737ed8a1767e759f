// Random RFC 4122 version 4 UUIDs from OpenSSL RAND_bytes, for provider profiles that send random
// GUIDs (e.g. Microsoft Entra's test-connection filter).
#pragma once

#include <string>

namespace scim::suites {

// "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx"; throws std::runtime_error if the CSPRNG fails.
std::string random_uuid();

}  // namespace scim::suites
