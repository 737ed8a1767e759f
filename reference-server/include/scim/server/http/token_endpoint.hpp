// The test authorization server (app/oauth_routes.hpp serves it as the route table's OAuthApi):
// RFC 8414 metadata, a JWKS, and a token endpoint for the client credentials grant (RFC 6749
// §4.4) whose clients authenticate with an RFC 7523 private_key_jwt assertion (RFC 7523 §2.2,
// §3), verified against the client's JWKS.
// Access tokens are short-lived RFC 9068 JWTs ("typ": "at+jwt") with the "scim" scope, bound to
// the client's tenant through the configured tenant claim. Assertion jtis are remembered until
// they expire (ReplayCache), so an assertion works once.
#pragma once

#include <map>
#include <string>

#include "scim/protocol/jose.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/http/jwt_claims.hpp"
#include "scim/server/http/jwt_validator.hpp"
#include "scim/server/http/oauth_options.hpp"
#include "scim/server/http/replay_cache.hpp"

namespace scim::http {

class TokenEndpoint {
 public:
  struct Client {
    jose::KeySet keys;
    std::string tenant;
  };
  using Clock = JwtValidator::Clock;
  static constexpr std::string_view kAssertionType =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  TokenEndpoint(
      jose::Key signing_key, std::map<std::string, Client, std::less<>> clients,
      OAuthOptions options, Clock clock = [] { return SystemClock::now(); });

  server::Response metadata(const server::Request& request);  // RFC 8414 §3
  server::Response jwks(const server::Request& request);      // RFC 7517 §5
  server::Response token(const server::Request& request);     // RFC 6749 §4.4, RFC 7523 §2.2

  const jose::Key& signing_key() const { return signing_key_; }

 private:
  struct Failure {
    int status;
    std::string error;  // RFC 6749 §5.2 error code
    std::string description;
  };
  std::string issuer(const server::Request& request) const;
  Result<std::string, Failure> authenticate_client(const std::map<std::string, std::string>& form,
                                                   const server::Request& request);
  Status<Failure> check_assertion(const nlohmann::json& claims, const std::string& client_id,
                                  const server::Request& request);
  Result<std::string, Failure> granted_scope(const std::map<std::string, std::string>& form) const;
  static server::Response failure(const Failure& f);

  jose::Key signing_key_;
  std::map<std::string, Client, std::less<>> clients_;
  OAuthOptions options_;
  Clock clock_;
  ReplayCache replays_;
};

}  // namespace scim::http
