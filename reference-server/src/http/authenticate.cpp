// Target and credentials -> scope, path, base URL and Principal (see authenticate.hpp).
#include "scim/server/http/authenticate.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/http/target.hpp"

namespace scim::http {
namespace {

// The key looked up in every request's (lower-cased) headers, made once rather than per lookup.
const std::string kAuthorization = "authorization";

// A Host header is echoed into Location and meta.location, so only plain host[:port] syntax is
// accepted (RFC 3986 §3.2.2 reg-name / IPv4 / bracketed IPv6); anything else uses the bound
// address.
bool usable_host(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == ':' || c == '[' || c == ']' || c == '_';
  });
}

// The credentials of "Bearer <token>" (RFC 6750 §2.1; the scheme is case-insensitive), else "".
std::string_view bearer_credentials(std::string_view authorization) {
  while (!authorization.empty() && authorization.front() == ' ') authorization.remove_prefix(1);
  const auto space = authorization.find(' ');
  if (space == std::string_view::npos || !iequals(authorization.substr(0, space), "Bearer")) {
    return {};
  }
  auto token = authorization.substr(space + 1);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.remove_suffix(1);
  return token;
}

// RFC 6750 §3: error_description is limited to %x20-21 / %x23-5B / %x5D-7E.
std::string challenge_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\'';
    } else if (c >= 0x20 && c <= 0x7E) {
      out += c;
    }
  }
  return out;
}

}  // namespace

AuthenticateMiddleware::AuthenticateMiddleware(std::string base_path, const Authenticator& auth,
                                               AccessOf access_of, const JwtValidator* jwt)
    : base_path_(base_path), auth_(auth), access_of_(std::move(access_of)), jwt_(jwt) {}

server::Response AuthenticateMiddleware::refused(const TokenRefusal& refusal) const {
  auto r = server::error_response(http_error(refusal.status, refusal.description));
  std::string challenge = auth_.challenges().front() + ", error=\"" + refusal.error +
                          "\", error_description=\"" + challenge_text(refusal.description) + "\"";
  if (refusal.error == "insufficient_scope") {
    challenge += ", scope=\"" + jwt_->options().scope + "\"";
  }
  r.headers.emplace_back("WWW-Authenticate", std::move(challenge));
  return r;
}

// A JWT access token: the validator decides, then the tenant it names must exist and, on a
// path-addressed tenant, be that tenant (the same realm rule as for configured tokens).
server::Response AuthenticateMiddleware::jwt_bearer(server::Request& request,
                                                    const server::Next& next,
                                                    std::string_view token,
                                                    const std::string* path_tenant) const {
  auto grant = jwt_->validate(token, connection_origin(request));
  if (!grant) return refused(grant.error());
  if (!auth_.has_tenant(grant->tenant) || (path_tenant && *path_tenant != grant->tenant)) {
    return refused({401, "invalid_token", "the token's tenant is not a tenant of this path"});
  }
  request.principal = server::Principal{grant->tenant, std::nullopt, "jwt:" + grant->client};
  request.headers.erase("authorization");  // the token goes no further than this layer
  return next(request);
}

server::Response AuthenticateMiddleware::unauthorized(std::string detail) const {
  // RFC 7644 §2 / RFC 7235 §4.1: a 401 names the supported schemes in WWW-Authenticate.
  auto r = server::error_response(http_error(401, std::move(detail)));
  for (auto& challenge : auth_.challenges()) r.headers.emplace_back("WWW-Authenticate", challenge);
  return r;
}

std::string AuthenticateMiddleware::base_url(const server::Request& request,
                                             const std::string& prefix) const {
  const std::string_view scheme = request.connection.tls ? "https://" : "http://";
  std::string out;
  if (const std::string* given = request.header("host"); given && usable_host(*given)) {
    out.reserve(scheme.size() + given->size() + prefix.size());
    out.append(scheme).append(*given);
  } else {
    const auto& c = request.connection;
    const bool v6 = c.local_address.find(':') != std::string::npos;
    out.append(scheme);
    if (v6) out.append("[");
    out.append(c.local_address);
    if (v6) out.append("]");
    out.append(":").append(std::to_string(c.local_port));
  }
  out.append(prefix);
  return out;
}

// The control plane: an admin bearer token, never a tenant's credentials (401 without a valid
// admin token, 403 when a tenant's credentials were presented, so the caller knows why).
server::Response AuthenticateMiddleware::admin(server::Request& request,
                                               const server::Next& next) const {
  auto authz = request.headers.find(kAuthorization);
  auto challenge = [](server::Response r) {
    r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"scim-admin\"");
    return r;
  };
  if (authz == request.headers.end()) {
    return challenge(server::error_response(
        http_error(401, "the admin API needs an admin token (Authorization: Bearer ...)")));
  }
  auto principal = auth_.authenticate_admin(authz->second);
  if (!principal) {
    if (auth_.authenticate(authz->second, nullptr)) {
      return server::error_response(http_error(
          403, "a tenant's SCIM credentials cannot use the admin API; use an admin token"));
    }
    return challenge(server::error_response(http_error(401, "invalid admin token")));
  }
  request.principal = std::move(*principal);
  request.headers.erase(authz);
  return next(request);
}

server::Response AuthenticateMiddleware::handle(server::Request& request,
                                                const server::Next& next) {
  Route route;
  if (auto parsed = parse_route(request.target, base_path_, route); !parsed) {
    return server::error_response(parsed.error());
  }
  request.path = std::move(route.relative);
  request.query = std::move(route.query);
  if (route.kind != Route::Kind::Scim) {
    request.scope = server::Scope::Root;
    if (access_of_ && access_of_(request) == server::Access::Admin) return admin(request, next);
    return next(request);
  }
  request.scope = server::Scope::Scim;
  request.base_url = base_url(request, route.prefix);
  auto authz = request.headers.find(kAuthorization);
  if (authz == request.headers.end()) {
    // Anonymous public routes read the path's tenant (the default tenant when not
    // path-addressed); presented credentials are still checked below, so a wrong token stays 401.
    if (!access_of_ || access_of_(request) != server::Access::Public) {
      return unauthorized("missing Authorization header");
    }
    request.principal.tenant = route.tenant.value_or("default");
    return next(request);
  }
  const std::string* path_tenant = route.tenant ? &*route.tenant : nullptr;
  if (jwt_ != nullptr) {
    const auto token = bearer_credentials(authz->second);
    if (JwtValidator::looks_like_jwt(token)) return jwt_bearer(request, next, token, path_tenant);
  }
  auto principal = auth_.authenticate(authz->second, path_tenant);
  if (!principal) {
    if (auth_.admin_enabled() && auth_.authenticate_admin(authz->second)) {
      return server::error_response(
          http_error(403, "an admin token cannot access SCIM data; use a tenant's credentials"));
    }
    return unauthorized(path_tenant ? "credentials are not valid for this tenant"
                                    : "invalid or unknown credentials");
  }
  request.principal = std::move(*principal);
  request.headers.erase(authz);  // the secret goes no further than this layer
  return next(request);
}

}  // namespace scim::http
