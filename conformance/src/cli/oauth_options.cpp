// --oauth-* of `run` and the key of `jwks` (see oauth_options.hpp).
#include "scim/conformance/cli/oauth_options.hpp"

#include <fstream>

namespace scim::conf::cli {

Result<jose::Key, UsageError> read_oauth_key(const std::string& path, const std::string& kid) {
  std::ifstream in(path, std::ios::binary);
  std::string pem(64 * 1024 + 1, '\0');
  in.read(pem.data(), static_cast<std::streamsize>(pem.size()));
  pem.resize(static_cast<std::size_t>(in.gcount()));
  if (!in.eof() || pem.empty()) {
    return UsageError{"--oauth-key " + path + ": cannot read it, or it is larger than 64 KiB"};
  }
  auto key = jose::Key::from_pem(pem, kid);
  if (!key) return UsageError{"--oauth-key " + path + ": " + key.error()};
  return *key;
}

Result<std::optional<OAuthConfig>, UsageError> read_oauth(const OAuthFlagValues& f) {
  if (f.token_url.empty() && f.client_id.empty() && f.client_secret.empty() && f.issuer.empty() &&
      f.key_file.empty()) {
    return std::optional<OAuthConfig>();
  }
  if (f.client_id.empty() || (f.token_url.empty() && f.issuer.empty()) ||
      f.client_secret.empty() == f.key_file.empty()) {
    return UsageError{
        "OAuth needs --oauth-client-id, --oauth-token-url or --oauth-issuer, and one of "
        "--oauth-client-secret and --oauth-key"};
  }
  OAuthConfig o{f.token_url, f.client_id, f.client_secret, f.scope, f.issuer, std::nullopt};
  if (!f.key_file.empty()) {
    auto key = read_oauth_key(f.key_file, f.key_id);
    if (!key) return key.error();
    o.signing_key = std::move(*key);
    if (o.scope.empty()) o.scope = "scim";  // IPSIE AL1 §3.1
  }
  return std::optional<OAuthConfig>(std::move(o));
}

}  // namespace scim::conf::cli
