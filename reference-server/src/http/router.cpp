// Router: target -> route -> authentication -> server::Request -> Handler. Header names are
// lower-cased here (the endpoints' contract); repeated headers are joined with ", " as RFC 9110
// §5.3 allows for list-valued fields.
#include "scim/server/http/router.hpp"

#include <algorithm>
#include <cctype>
#include <exception>

#include "scim/server/http/target.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"

namespace scim::http {
namespace {

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

server::Response health_response() {
  server::Response r;
  r.status = 200;
  r.headers.emplace_back("Content-Type", "application/json");
  r.body = R"({"status":"ok"})";
  return r;
}

// RFC 7643 §5: "An HTTP GET to this endpoint [/ServiceProviderConfig] ... SHOULD be publicly
// accessible"; a client must read authenticationSchemes before it can authenticate. The other
// discovery documents (/ResourceTypes, /Schemas, RFC 7644 §4) describe no tenant data either.
bool is_public_discovery(std::string_view method, std::string_view relative) {
  if (method != "GET" && method != "HEAD") return false;
  if (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);
  auto first = relative.substr(0, relative.find('/'));
  return iequals(first, "ServiceProviderConfig") || iequals(first, "ResourceTypes") ||
         iequals(first, "Schemas");
}

}  // namespace

server::Response error_response(const ScimError& error) {
  server::Response r;
  r.status = error.status;
  r.headers.emplace_back("Content-Type", std::string(urn::kScimMediaType));
  r.body = error.to_json().dump();
  return r;
}

Router::Router(const HttpOptions& options, const Authenticator& auth, server::Handler& handler)
    : base_path_(normalise_base_path(options.base_path)),
      limits_(options.limits),
      auth_(auth),
      handler_(handler) {}

std::size_t Router::body_limit(std::string_view method, std::string_view target) const {
  if (method != "POST") return limits_.max_body_bytes;
  auto route = parse_route(target, base_path_);
  if (route && route->kind == Route::Kind::Scim && iequals(route->relative, "/Bulk")) {
    return std::max(limits_.max_body_bytes, limits_.max_bulk_body_bytes);
  }
  return limits_.max_body_bytes;
}

server::Response Router::unauthorized(std::string detail) const {
  // RFC 7644 §2 / RFC 7235 §4.1: a 401 names the supported schemes in WWW-Authenticate.
  auto r = error_response(http_error(401, std::move(detail)));
  for (auto& challenge : auth_.challenges()) r.headers.emplace_back("WWW-Authenticate", challenge);
  return r;
}

std::string Router::base_url(const server::Request& request, const ConnectionInfo& connection,
                             const std::string& prefix) const {
  std::string host;
  if (auto it = request.headers.find("host");
      it != request.headers.end() && usable_host(it->second)) {
    host = it->second;
  } else {
    bool v6 = connection.local_address.find(':') != std::string::npos;
    host = v6 ? "[" + connection.local_address + "]" : connection.local_address;
    host += ":" + std::to_string(connection.local_port);
  }
  return std::string(connection.tls ? "https://" : "http://") + host + prefix;
}

server::Response Router::route(RawRequest raw, const ConnectionInfo& connection) const {
  auto route = parse_route(raw.target, base_path_);
  if (!route) return error_response(route.error());
  if (route->kind == Route::Kind::Health) return health_response();
  if (route->kind == Route::Kind::Unknown) {
    return error_response(not_found("no SCIM endpoint at '" + raw.target.substr(0, 200) +
                                    "'; the SCIM base path is '" + base_path_ + "'"));
  }
  server::Request request;
  request.method = raw.method;
  std::transform(request.method.begin(), request.method.end(), request.method.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (auto& [name, value] : raw.headers) {
    auto& slot = request.headers[to_lower(name)];
    slot = slot.empty() ? std::move(value) : slot + ", " + value;
  }
  auto authz = request.headers.find("authorization");
  if (authz == request.headers.end()) {
    // Anonymous discovery reads the path's tenant (the default tenant when not path-addressed);
    // presented credentials are still checked below, so a wrong token stays a 401.
    if (!is_public_discovery(request.method, route->relative)) {
      return unauthorized("missing Authorization header");
    }
    request.principal.tenant = route->tenant.value_or("default");
  } else {
    const std::string* path_tenant = route->tenant ? &*route->tenant : nullptr;
    auto principal = auth_.authenticate(authz->second, path_tenant);
    if (!principal) {
      return unauthorized(path_tenant ? "credentials are not valid for this tenant"
                                      : "invalid or unknown credentials");
    }
    request.principal = std::move(*principal);
    request.headers.erase(authz);  // the secret goes no further than this function
  }
  request.path = std::move(route->relative);
  request.query = std::move(route->query);
  request.body = std::move(raw.body);
  request.base_url = base_url(request, connection, route->prefix);
  try {
    return handler_.handle(request);
  } catch (const std::exception& e) {
    // Exceptions are bugs (developing.md); RFC 7644 §3.12 asks 500s for debugging advice.
    return error_response(http_error(500, std::string("internal error: ") + e.what()));
  }
}

}  // namespace scim::http
