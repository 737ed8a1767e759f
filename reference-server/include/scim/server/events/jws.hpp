// Compact JWS (RFC 7515 §7.1) for Security Event Tokens: HS256 (RFC 7518 §3.2, HMAC via OpenSSL)
// or the unsecured "none" algorithm (RFC 7519 §6) for local development. The protected header
// always carries "typ": "secevent+jwt" (RFC 8417 §2.3).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "scim/protocol/result.hpp"

namespace scim::events {

enum class JwsAlg { None, HS256 };

std::string_view to_string(JwsAlg alg);

struct DecodedJws {
  nlohmann::json header;
  nlohmann::json claims;
};

class JwsSigner {
 public:
  // Largest token verify() accepts; SETs are small, anything bigger is hostile.
  static constexpr std::size_t kMaxTokenBytes = 256 * 1024;

  // An unsecured signer (alg "none").
  static JwsSigner unsecured();
  // HS256 with a shared secret. RFC 7518 §3.2: the key MUST be at least as long as the hash
  // output (32 bytes); shorter keys are rejected with a message.
  static Result<JwsSigner, std::string> hs256(std::string key);

  JwsAlg alg() const { return alg_; }

  // header.payload.signature, with header {"alg":..,"typ":"secevent+jwt"}.
  std::string sign(const nlohmann::json& claims) const;
  // Signs an already-encoded signing input ("b64(header).b64(payload)"); returns the raw MAC
  // (empty for "none"). Exposed for the RFC 7515 Appendix A.1 test vector.
  std::string signature(std::string_view signing_input) const;
  // Verifies a compact token against this signer's algorithm and key. A token whose "alg" differs
  // from this signer's (e.g. "none" presented to an HS256 verifier) is rejected, so a receiver
  // cannot be downgraded.
  Result<DecodedJws, std::string> verify(std::string_view token) const;

 private:
  JwsSigner(JwsAlg alg, std::string key) : alg_(alg), key_(std::move(key)) {}
  JwsAlg alg_;
  std::string key_;
};

}  // namespace scim::events
