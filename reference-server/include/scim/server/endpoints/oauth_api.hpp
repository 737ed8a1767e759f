// The minimal OAuth 2.0 authorization server the reference server can act as for tests
// (docs/server.md "OAuth"): RFC 8414 metadata, the token endpoint (client credentials with an
// RFC 7523 private_key_jwt assertion) and the JWKS of its signing key. Implemented in the http
// folder, which sits above this one; declared here so that each route stays one row of
// endpoints/routes.cpp.
#pragma once

#include "scim/server/api/request.hpp"

namespace scim::server {

class OAuthApi {
 public:
  virtual ~OAuthApi() = default;
  // GET /.well-known/oauth-authorization-server (RFC 8414 §3).
  virtual Response metadata(const Request& request) = 0;
  // GET /oauth/jwks: the public keys access tokens are signed with (RFC 7517 §5).
  virtual Response jwks(const Request& request) = 0;
  // POST /oauth/token: client_credentials with a private_key_jwt assertion (RFC 7523 §2.2).
  virtual Response token(const Request& request) = 0;
};

}  // namespace scim::server
