// Signed JWTs for OAuth (RFC 7519 over compact JWS, RFC 7515): RS256 and ES256 (RFC 7518 §3.3,
// §3.4) only. The runner signs RFC 7523 client assertions with it; the reference server verifies
// them and the access tokens it validates. The cryptography is Debian's cjose over OpenSSL (JWK
// import, JWS sign and verify); cjose types never appear in this header.
//
// Verification refuses everything but RS256/ES256 before any key is touched ("none" and HMAC
// algorithms included, so a public key can never be used as an HMAC secret), requires the key's
// type to match the header's alg, and bounds every input (token, key set, key count).
#pragma once

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/result.hpp"

namespace scim::jose {

enum class Alg { RS256, ES256 };
std::string_view to_string(Alg alg);

// Largest compact JWS verify() looks at; access tokens and assertions are well below 2 KiB.
inline constexpr std::size_t kMaxTokenBytes = 8 * 1024;
// Largest JWKS document and number of keys a key set accepts.
inline constexpr std::size_t kMaxKeySetBytes = 64 * 1024;
inline constexpr std::size_t kMaxKeys = 32;
// RFC 7518 §3.3: RSA keys of 2048 bits or larger MUST be used with RS256.
inline constexpr int kMinRsaBits = 2048;

// An RSA (RS256) or P-256 EC (ES256) key; with or without its private part. Immutable and cheap
// to copy (the key material is shared).
class Key {
 public:
  // A private key in PEM (PKCS#8 or the traditional RSA/EC forms, unencrypted), as written by
  // `openssl genpkey`. `kid` becomes the JWS "kid" header (RFC 7515 §4.1.4).
  static Result<Key, std::string> from_pem(std::string_view pem, std::string kid);
  // One JWK (RFC 7517 §4): kty RSA or EC (crv P-256). An "alg" member other than the key type's
  // algorithm, or "use" other than "sig", is refused.
  static Result<Key, std::string> from_jwk(const nlohmann::json& jwk);
  // A fresh random key (RSA 2048 bits or P-256): for tests and throw-away test servers.
  static Result<Key, std::string> generate(Alg alg, std::string kid);

  const std::string& kid() const { return kid_; }
  Alg alg() const { return alg_; }
  // The public half as a JWK with kid, alg and "use": "sig" (what a JWKS publishes).
  nlohmann::json public_jwk() const;

  // cjose's key object (cjose_jwk_t); for the implementation only.
  const void* native() const { return jwk_.get(); }

 private:
  friend struct KeyAccess;  // the implementation's factory (jose_key.cpp)
  Key(std::shared_ptr<void> jwk, Alg alg, std::string kid)
      : jwk_(std::move(jwk)), alg_(alg), kid_(std::move(kid)) {}
  std::shared_ptr<void> jwk_;
  Alg alg_;
  std::string kid_;
};

// A JWK Set (RFC 7517 §5).
class KeySet {
 public:
  // {"keys": [...]} of at most kMaxKeys signing keys, at most kMaxKeySetBytes of text. Every key
  // must parse; key ids must be unique.
  static Result<KeySet, std::string> parse(std::string_view json_text);
  Status<std::string> add(Key key);

  // The key for a JWS header's "kid"; without a kid, the only key when the set has exactly one.
  const Key* find(const std::string* kid) const;
  bool empty() const { return keys_.empty(); }
  nlohmann::json public_json() const;  // {"keys": [public JWKs]}

 private:
  std::vector<Key> keys_;
};

// The compact serialisation of a JWS over `claims`, header {"alg", "kid", "typ"}.
Result<std::string, std::string> sign(const Key& key, const nlohmann::json& claims,
                                      std::string_view typ = "JWT");

struct Verified {
  nlohmann::json header;
  nlohmann::json claims;  // always a JSON object
};

// Verifies a compact JWS against `keys` and returns its header and claims. Only the signature is
// checked here: iss, aud, exp and the rest are the caller's (RFC 7519 §7.2 steps 9-10).
Result<Verified, std::string> verify(std::string_view compact, const KeySet& keys);

}  // namespace scim::jose
