// OAuth parts from options and key files (see oauth_provider.hpp).
#include "scim/server/http/oauth_provider.hpp"

#include <fstream>
#include <sstream>

namespace scim::http {
namespace {

// Key files are small; anything beyond the JWKS bound is refused before it is read whole.
Result<std::string, std::string> read_key_file(const std::string& path, const char* flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unexpected{std::string(flag) + ": cannot read " + path};
  std::string text(jose::kMaxKeySetBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > jose::kMaxKeySetBytes) {
    return Unexpected{std::string(flag) + ": " + path + " is larger than 64 KiB"};
  }
  return text;
}

Result<jose::KeySet, std::string> read_jwks(const std::string& path, const char* flag) {
  auto text = read_key_file(path, flag);
  if (!text) return Unexpected{text.error()};
  auto set = jose::KeySet::parse(*text);
  if (!set) return Unexpected{std::string(flag) + " " + path + ": " + set.error()};
  return set;
}

Result<std::unique_ptr<TokenEndpoint>, std::string> make_endpoint(const OAuthOptions& options) {
  auto pem = read_key_file(options.signing_key_file, "--oauth-signing-key");
  if (!pem) return Unexpected{pem.error()};
  auto key = jose::Key::from_pem(*pem, options.signing_kid);
  if (!key)
    return Unexpected{"--oauth-signing-key " + options.signing_key_file + ": " + key.error()};
  std::map<std::string, TokenEndpoint::Client, std::less<>> clients;
  for (const auto& c : options.clients) {
    auto keys = read_jwks(c.jwks_file, "--oauth-client");
    if (!keys) return Unexpected{keys.error()};
    if (!clients.emplace(c.id, TokenEndpoint::Client{std::move(*keys), c.tenant}).second) {
      return Unexpected{"--oauth-client: client \"" + c.id + "\" is given twice"};
    }
  }
  return std::make_unique<TokenEndpoint>(std::move(*key), std::move(clients), options);
}

}  // namespace

Result<OAuthProvider, std::string> OAuthProvider::create(const OAuthOptions& options) {
  OAuthProvider out;
  if (!options.enabled()) return out;
  jose::KeySet keys;
  if (!options.jwks_file.empty()) {
    auto read = read_jwks(options.jwks_file, "--oauth-jwks");
    if (!read) return Unexpected{read.error()};
    keys = std::move(*read);
  }
  if (options.token_endpoint()) {
    auto endpoint = make_endpoint(options);
    if (!endpoint) return Unexpected{endpoint.error()};
    if (auto st = keys.add((*endpoint)->signing_key()); !st) {
      return Unexpected{"--oauth-signing-kid: " + st.error() + " (also in --oauth-jwks)"};
    }
    out.token_endpoint = std::move(*endpoint);
  }
  if (keys.empty()) {
    return Unexpected{std::string("--oauth-issuer needs --oauth-jwks or --oauth-signing-key")};
  }
  out.validator = std::make_unique<JwtValidator>(std::move(keys), options);
  return out;
}

}  // namespace scim::http
