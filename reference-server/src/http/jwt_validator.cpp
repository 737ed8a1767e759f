// JWT access-token validation (see jwt_validator.hpp). The order follows RFC 7519 §7.2 and
// RFC 9068 §4: signature first (nothing unverified is trusted), then issuer, audience, times,
// scope and tenant.
#include "scim/server/http/jwt_validator.hpp"

#include <algorithm>

namespace scim::http {
namespace {

TokenRefusal invalid(std::string description) {
  return {401, "invalid_token", std::move(description)};
}

// RFC 9068 §4 asks for "at+jwt"; tokens of authorization servers that predate it say "JWT" or
// nothing. Any other type (a SET, an ID token profile) is not an access token.
bool access_token_type(const nlohmann::json& header) {
  const auto it = header.find("typ");
  if (it == header.end()) return true;
  if (!it->is_string()) return false;
  const auto typ = it->get<std::string>();
  return typ == "at+jwt" || typ == "application/at+jwt" || typ == "JWT";
}

}  // namespace

std::string connection_origin(const server::Request& request) {
  const auto& c = request.connection;
  const bool v6 = c.local_address.find(':') != std::string::npos;
  return std::string(c.tls ? "https://" : "http://") +
         (v6 ? "[" + c.local_address + "]" : c.local_address) + ":" + std::to_string(c.local_port);
}

JwtValidator::JwtValidator(jose::KeySet keys, OAuthOptions options, Clock clock)
    : keys_(std::move(keys)), options_(std::move(options)), clock_(std::move(clock)) {}

bool JwtValidator::looks_like_jwt(std::string_view token) {
  return std::count(token.begin(), token.end(), '.') == 2 && token.front() != '.';
}

std::string JwtValidator::issuer(const std::string& origin) const {
  return options_.issuer == "auto" ? origin : options_.issuer;
}

std::string JwtValidator::audience(const std::string& origin) const {
  return options_.audience.empty() ? issuer(origin) : options_.audience;
}

Result<AccessGrant, TokenRefusal> JwtValidator::validate(std::string_view token,
                                                         const std::string& origin) const {
  auto verified = jose::verify(token, keys_);
  if (!verified) return Unexpected{invalid(verified.error())};
  const auto& claims = verified->claims;
  if (!access_token_type(verified->header)) {
    return Unexpected{invalid("the JWT \"typ\" is not an access token type (RFC 9068 §4)")};
  }
  const auto iss = issuer(origin);
  if (string_claim(claims, "iss") != iss) {
    return Unexpected{invalid("\"iss\" is not the configured issuer " + iss)};
  }
  const auto aud = audience(origin);
  if (!has_audience(claims, aud)) {
    return Unexpected{invalid("\"aud\" does not name this resource server (" + aud + ")")};
  }
  if (auto st = check_times(claims, clock_(), options_.leeway); !st) {
    return Unexpected{invalid(st.error())};
  }
  if (!has_scope(claims, options_.scope)) {
    return Unexpected{TokenRefusal{403, "insufficient_scope",
                                   "the token lacks the \"" + options_.scope + "\" scope"}};
  }
  AccessGrant grant{"default", string_claim(claims, "client_id")};
  if (grant.client.empty()) grant.client = string_claim(claims, "sub");
  if (!options_.tenant_claim.empty()) {
    grant.tenant = string_claim(claims, options_.tenant_claim.c_str());
    if (grant.tenant.empty()) {
      return Unexpected{invalid("the token has no \"" + options_.tenant_claim + "\" claim")};
    }
  }
  return grant;
}

}  // namespace scim::http
