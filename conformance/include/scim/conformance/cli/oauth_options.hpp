// The runner's OAuth flags (docs/cli.md "OAuth"): client credentials with a client secret or,
// for IPSIE AL1 §3.1, an RFC 7523 private_key_jwt key; the token endpoint given or discovered
// from the issuer's RFC 8414 metadata.
#pragma once

#include <string>

#include "scim/conformance/cli/options.hpp"
#include "scim/conformance/client/auth.hpp"

namespace scim::conf::cli {

struct OAuthFlagValues {
  std::string token_url, client_id, client_secret, scope, issuer, key_file, key_id;
};

// nullopt when no OAuth flag is given; a usage error for an incomplete or contradictory set.
Result<std::optional<OAuthConfig>, UsageError> read_oauth(const OAuthFlagValues& flags);
// A PEM private key file (at most 64 KiB), never echoed.
Result<jose::Key, UsageError> read_oauth_key(const std::string& path, const std::string& kid);

}  // namespace scim::conf::cli
