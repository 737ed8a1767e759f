// Builds the OAuth parts from their options, reading every key file once at start-up: the
// validator of JWT access tokens (keys: --oauth-jwks plus the token endpoint's own key) and the
// token endpoint when a signing key is configured. A bad file is a start-up error naming it.
#pragma once

#include <memory>
#include <string>

#include "scim/protocol/result.hpp"
#include "scim/server/http/jwt_validator.hpp"
#include "scim/server/http/oauth_options.hpp"
#include "scim/server/http/token_endpoint.hpp"

namespace scim::http {

struct OAuthProvider {
  std::unique_ptr<JwtValidator> validator;        // null when OAuth is off
  std::unique_ptr<TokenEndpoint> token_endpoint;  // null without --oauth-signing-key

  static Result<OAuthProvider, std::string> create(const OAuthOptions& options);
};

}  // namespace scim::http
