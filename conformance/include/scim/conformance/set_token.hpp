// Decoding and verifying Security Event Tokens (RFC 8417) in JWS compact serialization
// (RFC 7515 §7.1): three base64url segments. Decoding never trusts the token; verification of
// HS256 (RFC 7518 §3.2) uses OpenSSL HMAC with a constant-time comparison.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace scim::conf {

inline constexpr std::size_t kMaxSetBytes = 64 * 1024;

struct DecodedSet {
  nlohmann::json header;
  nlohmann::json claims;
  std::string signing_input;  // "<header>.<payload>" as received
  std::string signature;      // decoded signature bytes (empty for alg "none")
};

std::optional<DecodedSet> decode_set(std::string_view token);
// True when the token's alg is HS256 and its signature matches `key`.
bool verify_hs256(std::string_view token, std::string_view key);

}  // namespace scim::conf
