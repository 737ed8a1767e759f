// Claim checks shared by the access-token validator and the token endpoint's assertion check
// (RFC 7519 §4.1, RFC 7523 §3): time claims with a leeway, audiences, scopes.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "scim/protocol/result.hpp"

namespace scim::http {

using SystemClock = std::chrono::system_clock;

// exp (required: RFC 7523 §3 item 4 and RFC 9068 §2.2), nbf and iat (when present) against `now`,
// each allowed `leeway` of clock skew. Errors name the claim and by how much it is off.
Status<std::string> check_times(const nlohmann::json& claims, SystemClock::time_point now,
                                std::chrono::seconds leeway);
// RFC 7519 §4.1.3: "aud" is a string or an array of strings; true when it names `audience`.
bool has_audience(const nlohmann::json& claims, std::string_view audience);
// RFC 9068 §2.2.3 / RFC 8693 §4.2: "scope" is a space-separated string; "scp" (an array of
// strings, as some authorization servers send it) is read too. True when `scope` is granted.
bool has_scope(const nlohmann::json& claims, std::string_view scope);
// A string claim, or "" when absent or not a string.
std::string string_claim(const nlohmann::json& claims, const char* name);

}  // namespace scim::http
