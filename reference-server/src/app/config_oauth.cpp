// --oauth-*: options of http::OAuthOptions from the command line (see config_oauth.hpp).
#include "config_oauth.hpp"

#include <CLI/CLI.hpp>

#include "scim/server/http/auth.hpp"

namespace scim::app {
namespace {

// "ID[@TENANT]=JWKS_FILE": the client id ends at the last '@' before the first '='.
Result<http::OAuthClient, std::string> parse_client(const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
    return Unexpected{"--oauth-client: expected ID[@TENANT]=JWKS_FILE, got \"" + spec + "\""};
  }
  http::OAuthClient client;
  client.jwks_file = spec.substr(eq + 1);
  const auto name = spec.substr(0, eq);
  const auto at = name.rfind('@');
  client.id = name.substr(0, at);
  if (at != std::string::npos) client.tenant = name.substr(at + 1);
  if (client.id.empty() || !http::valid_tenant_name(client.tenant)) {
    return Unexpected{"--oauth-client " + spec + ": empty client id or invalid tenant name"};
  }
  return client;
}

Status<std::string> check_combinations(const http::OAuthOptions& o) {
  const bool any = !o.audience.empty() || !o.jwks_file.empty() || !o.tenant_claim.empty() ||
                   !o.signing_key_file.empty() || !o.clients.empty();
  if (any && !o.enabled())
    return Unexpected{std::string("the --oauth-* flags need --oauth-issuer")};
  if (o.leeway > http::OAuthOptions::kMaxLeeway || o.token_lifetime < std::chrono::seconds(10) ||
      o.token_lifetime > std::chrono::hours(24)) {
    return Unexpected{std::string("oauth: leeway at most 300 s, token lifetime 10 s to 24 h")};
  }
  for (const auto& c : o.clients) {
    if (c.id.empty() || c.jwks_file.empty() || !http::valid_tenant_name(c.tenant)) {
      return Unexpected{"oauth client \"" + c.id +
                        "\": needs an id, a JWKS file and a valid tenant"};
    }
  }
  if (o.token_endpoint() != !o.clients.empty()) {
    return Unexpected{std::string(
        "the token endpoint needs both --oauth-signing-key and at least one --oauth-client")};
  }
  for (const auto& c : o.clients) {
    if (c.tenant != "default" && o.tenant_claim.empty()) {
      return Unexpected{"--oauth-client " + c.id + "@" + c.tenant +
                        ": binding a client to a tenant needs --oauth-tenant-claim"};
    }
  }
  return Ok{};
}

}  // namespace

void register_oauth_flags(CLI::App& app, ServerConfig& c, OAuthFlags& f) {
  auto& o = c.auth.oauth;
  app.add_option("--oauth-issuer", o.issuer,
                 "Accept JWT access tokens of this issuer (iss); \"auto\": this server's origin");
  app.add_option("--oauth-audience", o.audience,
                 "The aud access tokens must carry (default: issuer)");
  app.add_option("--oauth-jwks", o.jwks_file, "JWKS file of the issuer's keys (RS256/ES256)");
  app.add_option("--oauth-tenant-claim", o.tenant_claim,
                 "Claim naming the tenant (default: none, every token is tenant default)");
  app.add_option("--oauth-leeway", f.leeway, "Clock skew allowed on exp/nbf/iat, seconds (60)")
      ->check(CLI::Range(0, 300));
  app.add_option("--oauth-signing-key", o.signing_key_file,
                 "PEM key: serve a test token endpoint (/oauth/token, RFC 8414 metadata)");
  app.add_option("--oauth-signing-kid", o.signing_kid, "kid of --oauth-signing-key (scim-as-1)");
  app.add_option("--oauth-client", f.clients,
                 "Token endpoint client: ID[@TENANT]=JWKS_FILE (private_key_jwt, repeatable)");
  app.add_option("--oauth-token-lifetime", f.token_lifetime,
                 "Lifetime of issued access tokens, seconds (300)")
      ->check(CLI::Range(10, 86400));
}

Status<std::string> apply_oauth(const OAuthFlags& f, ServerConfig& c) {
  auto& o = c.auth.oauth;
  if (f.leeway >= 0) o.leeway = std::chrono::seconds(f.leeway);
  if (f.token_lifetime >= 0) o.token_lifetime = std::chrono::seconds(f.token_lifetime);
  if (!f.clients.empty()) o.clients.clear();  // flags replace the file's list
  for (const auto& spec : f.clients) {
    auto client = parse_client(spec);
    if (!client) return Unexpected{client.error()};
    o.clients.push_back(std::move(*client));
  }
  return check_combinations(o);
}

}  // namespace scim::app
