// JWT access tokens for IPSIE AL1 §3.1 ("The Acess Token MUST include the "scim" scope"): the
// signature against a JWKS (RS256/ES256 only, scim::jose), then iss, aud, exp/nbf/iat with a
// leeway, the scope, and the claim that names the tenant. A refusal says whether it is
// RFC 6750 §3.1 "invalid_token" (401) or "insufficient_scope" (403), with a description.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "scim/protocol/jose.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/http/jwt_claims.hpp"
#include "scim/server/http/oauth_options.hpp"

namespace scim::http {

struct TokenRefusal {
  int status = 401;  // 401 invalid_token, 403 insufficient_scope
  std::string error = "invalid_token";
  std::string description;
};

// scheme://address:port of the socket a request came in on: the issuer when it is "auto".
std::string connection_origin(const server::Request& request);

// Who a valid token speaks for.
struct AccessGrant {
  std::string tenant;  // the tenant claim's value, or "default" without a tenant claim
  std::string client;  // "client_id", else "sub": for logs only
};

class JwtValidator {
 public:
  using Clock = std::function<SystemClock::time_point()>;

  JwtValidator(
      jose::KeySet keys, OAuthOptions options, Clock clock = [] { return SystemClock::now(); });

  // True for a bearer token shaped like a compact JWS (three non-empty-header segments), so that
  // opaque configured tokens keep their own path.
  static bool looks_like_jwt(std::string_view token);

  // `origin` is this server's scheme://host:port, used when the issuer is "auto".
  Result<AccessGrant, TokenRefusal> validate(std::string_view token,
                                             const std::string& origin) const;
  std::string issuer(const std::string& origin) const;
  std::string audience(const std::string& origin) const;
  const OAuthOptions& options() const { return options_; }

 private:
  jose::KeySet keys_;
  OAuthOptions options_;
  Clock clock_;
};

}  // namespace scim::http
