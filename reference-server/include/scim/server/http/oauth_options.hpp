// Options of OAuth for IPSIE AL1 (docs/server.md "OAuth"): JWT access tokens validated against a
// JWKS, and a minimal token endpoint that accepts RFC 7523 private_key_jwt client assertions.
// Everything is off unless --oauth-issuer is given; the strict default is unchanged.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace scim::http {

// A client of the token endpoint: its id (the assertion's iss and sub, RFC 7523 §3), the JWKS
// file of its public keys and the tenant its access tokens are bound to.
struct OAuthClient {
  std::string id;
  std::string jwks_file;
  std::string tenant = "default";
};

struct OAuthOptions {
  // The authorization server's issuer (RFC 8414 §2), compared with the tokens' "iss". "auto": this
  // server's own origin (scheme://address:port of the listening socket), for tests on port 0.
  // Empty: no JWT access tokens.
  std::string issuer;
  std::string audience;             // the "aud" access tokens must carry; empty: the issuer
  std::string jwks_file;            // keys of access tokens issued elsewhere (RFC 7517 §5 JWKS)
  std::string tenant_claim;         // claim that names the tenant; empty: every token is "default"
  std::string scope = "scim";       // IPSIE AL1 §3.1: the token MUST include "scim"
  std::chrono::seconds leeway{60};  // clock skew allowed on exp, nbf and iat
  static constexpr std::chrono::seconds kMaxLeeway{300};

  // The token endpoint (POST /oauth/token, GET /oauth/jwks, RFC 8414 metadata): on when a
  // signing key is given. Its access tokens are also accepted by the validation above.
  std::string signing_key_file;  // PEM private key (RSA >= 2048 bits or EC P-256)
  std::string signing_kid = "scim-as-1";
  std::vector<OAuthClient> clients;
  std::chrono::seconds token_lifetime{300};  // "expires_in" of the access tokens it issues
  // Assertions whose exp lies further ahead are refused (RFC 7523 §3 item 4 lets the server
  // bound it); this also bounds how long a jti stays in the replay cache.
  std::chrono::seconds max_assertion_lifetime{600};
  std::size_t max_replay_entries = 100'000;  // jti replay cache; full: assertions are refused

  bool enabled() const { return !issuer.empty(); }
  bool token_endpoint() const { return !signing_key_file.empty(); }
};

}  // namespace scim::http
