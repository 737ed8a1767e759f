// The --oauth-* flags (docs/server.md "OAuth"): JWT access-token validation and the test token
// endpoint, filled into http::OAuthOptions and checked for combinations that cannot work.
#pragma once

#include <string>
#include <vector>

#include "scim/server/app/config.hpp"

namespace CLI {
class App;
}

namespace scim::app {

// What the OAuth flags set that needs parsing after CLI11.
struct OAuthFlags {
  std::vector<std::string> clients;  // "ID[@TENANT]=JWKS_FILE"
  long long leeway = -1;             // seconds; negative: not given
  long long token_lifetime = -1;     // seconds; negative: not given
};

void register_oauth_flags(CLI::App& app, ServerConfig& c, OAuthFlags& f);
Status<std::string> apply_oauth(const OAuthFlags& f, ServerConfig& c);

}  // namespace scim::app
