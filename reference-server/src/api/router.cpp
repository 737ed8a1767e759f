// Route matching and the answers that come from the table itself: 404, 405 + Allow (RFC 9110
// §15.5.6), 406 (RFC 7644 §3.8), 401 for tenant routes without a tenant, 500 for bugs.
#include "scim/server/api/router.hpp"

#include <algorithm>
#include <exception>

#include "scim/protocol/strings.hpp"
#include "scim/server/api/responses.hpp"

namespace scim::server {
namespace {

int rank(bool literal, bool type) {
  return literal ? 0 : (type ? 1 : 2);
}

std::string_view scope_prefix(Scope scope) {
  return scope == Scope::Scim ? "{base}" : "";
}

std::string access_text(Access access) {
  switch (access) {
    case Access::Public:
      return "public";
    case Access::Admin:
      return "admin token";
    case Access::Tenant:
      break;
  }
  return "tenant credentials";
}

}  // namespace

std::vector<std::string_view> path_segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) out.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

RouteTable::RouteTable(Options options) : options_(std::move(options)) {}

void RouteTable::add(Route route) {
  Compiled compiled;
  for (auto segment : path_segments(route.pattern)) {
    Kind kind = Kind::Literal;
    if (segment == "{type}") {
      kind = Kind::Type;
    } else if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
      kind = Kind::Param;
    } else if (segment.front() == '.') {
      kind = Kind::Exact;
    }
    compiled.segments.emplace_back(kind, segment);
  }
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(compiled));
}

bool RouteTable::matches(const Compiled& pattern,
                         const std::vector<std::string_view>& segments) const {
  if (pattern.segments.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& [kind, text] = pattern.segments[i];
    switch (kind) {
      case Kind::Literal:
        if (!iequals(text, segments[i])) return false;
        break;
      case Kind::Exact:
        if (text != segments[i]) return false;
        break;
      case Kind::Type:
        if (!options_.is_type || !options_.is_type(segments[i])) return false;
        break;
      case Kind::Param:
        break;
    }
  }
  return true;
}

RouteTable::Candidates RouteTable::candidates(Scope scope,
                                              const std::vector<std::string_view>& segments) const {
  Candidates out;
  std::vector<int> best;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].scope != scope || !matches(compiled_[i], segments)) continue;
    std::vector<int> ranks;
    for (const auto& [kind, text] : compiled_[i].segments) {
      ranks.push_back(rank(kind == Kind::Literal || kind == Kind::Exact, kind == Kind::Type));
    }
    if (!out.routes.empty() && ranks > best) continue;
    if (out.routes.empty() || ranks < best) {
      best = ranks;
      out.routes.clear();
      out.params.clear();
      for (std::size_t s = 0; s < segments.size(); ++s) {
        if (compiled_[i].segments[s].first != Kind::Literal &&
            compiled_[i].segments[s].first != Kind::Exact) {
          out.params.push_back(segments[s]);
        }
      }
    }
    out.routes.push_back(i);
  }
  return out;
}

const Route* RouteTable::find(Scope scope, std::string_view method, std::string_view path,
                              RouteMatch* match) const {
  auto found = candidates(scope, path_segments(path));
  for (auto i : found.routes) {
    if (routes_[i].method != method) continue;
    if (match) match->params = std::move(found.params);
    return &routes_[i];
  }
  return nullptr;
}

std::string RouteTable::allowed_methods(Scope scope, std::string_view path) const {
  std::string allow;
  for (auto i : candidates(scope, path_segments(path)).routes) {
    const auto method = routes_[i].method;
    if (allow.find(method) != std::string::npos) continue;
    allow += (allow.empty() ? "" : ", ") + std::string(method);
  }
  return allow;
}

Response RouteTable::not_found(const Request& request) const {
  if (request.scope == Scope::Root) {
    return error_response(scim::not_found("no SCIM endpoint at '" + request.target.substr(0, 200) +
                                          "'; the SCIM base path is '" + options_.base_path + "'"));
  }
  if (path_segments(request.path).empty()) {
    return error_response(scim::not_found("no resource at the base path; see /ResourceTypes"));
  }
  return error_response(scim::not_found("no such endpoint: " + request.path));
}

Response RouteTable::handle(const Request& request) {
  try {
    const auto found = candidates(request.scope, path_segments(request.path));
    const Route* route = nullptr;
    for (auto i : found.routes) {
      if (routes_[i].method == request.method) {
        route = &routes_[i];
        break;
      }
    }
    // The Accept check comes first, as for any SCIM request, unless every route at this path
    // negotiates its own media types.
    const bool negotiates =
        route ? route->accepts == Accepts::Any
              : !found.routes.empty() &&
                    std::all_of(found.routes.begin(), found.routes.end(), [this](std::size_t i) {
                      return routes_[i].accepts == Accepts::Any;
                    });
    if (request.scope == Scope::Scim && !negotiates) {
      if (auto refused = check_accept(request)) return error_response(*refused);
    }
    if (!route && found.routes.empty()) return not_found(request);
    if (!route) {
      const auto allow = allowed_methods(request.scope, request.path);
      Response r =
          error_response(http_error(405, "method " + request.method + " is not allowed on " +
                                             request.path + "; allowed: " + allow));
      r.set_header("Allow", allow);
      return r;
    }
    if (route->access == Access::Tenant && request.principal.tenant.empty()) {
      return error_response(http_error(401, "the request is not authenticated to a tenant"));
    }
    if (route->access == Access::Admin && !request.principal.admin) {
      return error_response(http_error(401, "the admin API needs an admin token"));
    }
    return route->handler(request, RouteMatch{found.params});
  } catch (const std::exception& e) {
    // Exceptions are bugs (docs/developing.md); RFC 7644 §3.12 asks 500s for debugging advice.
    return error_response(http_error(500, std::string("internal error: ") + e.what()));
  }
}

std::string RouteTable::to_markdown() const {
  std::string out =
      "| Method | Path | Access | Defined by | What it does |\n"
      "|---|---|---|---|---|\n";
  for (const auto& r : routes_) {
    out += "| " + std::string(r.method) + " | `" + std::string(scope_prefix(r.scope)) +
           std::string(r.pattern) + "` | " + access_text(r.access) + " | " + std::string(r.rfc) +
           " | " + std::string(r.summary) + " |\n";
  }
  return out;
}

}  // namespace scim::server
