// Route matching and the answers that come from the table itself: 404, 405 + Allow (RFC 9110
// §15.5.6), 406 (RFC 7644 §3.8), 401 for tenant routes without a tenant, 500 for bugs.
#include "scim/server/api/router.hpp"

#include <algorithm>
#include <array>
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

// Calls `each` with every non-empty segment of `path`, in order.
template <typename Each>
void for_each_segment(std::string_view path, Each&& each) {
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) each(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
}

}  // namespace

std::vector<std::string_view> path_segments(std::string_view path) {
  std::vector<std::string_view> out;
  for_each_segment(path, [&out](std::string_view segment) { out.push_back(segment); });
  return out;
}

template <typename T>
void RouteTable::Few<T>::push_back(T value) {
  if (size_ < kInline) {
    inline_[size_] = value;
  } else {
    more_.push_back(value);
  }
  ++size_;
}

template <typename T>
std::span<const T> RouteTable::Few<T>::view(std::vector<T>& spill) const {
  if (size_ <= kInline) return {inline_.data(), size_};
  spill.assign(inline_.begin(), inline_.end());
  spill.insert(spill.end(), more_.begin(), more_.end());
  return spill;
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
  auto note = [&route](std::vector<std::string_view>& methods) {
    if (std::find(methods.begin(), methods.end(), route.method) == methods.end()) {
      methods.push_back(route.method);
    }
  };
  if (route.body != BodyLimit::Standard) note(own_body_limit_methods_);
  if (route.waits == Waits::May) note(waiting_methods_);
  auto& by_count = buckets_[route.scope == Scope::Scim ? 0 : 1];
  if (by_count.size() <= compiled.segments.size()) by_count.resize(compiled.segments.size() + 1);
  by_count[compiled.segments.size()].push_back(routes_.size());
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(compiled));
}

bool RouteTable::has_own_body_limit(std::string_view method) const {
  return std::find(own_body_limit_methods_.begin(), own_body_limit_methods_.end(), method) !=
         own_body_limit_methods_.end();
}

bool RouteTable::has_waiting_route(std::string_view method) const {
  return std::find(waiting_methods_.begin(), waiting_methods_.end(), method) !=
         waiting_methods_.end();
}

// Whether segment i names a resource endpoint, asked of options_.is_type at most once per
// segment while one path is matched against the table (the first kMax segments; deeper ones,
// which no pattern has, are asked each time).
class RouteTable::TypeSegments {
 public:
  TypeSegments(const Options& options, std::span<const std::string_view> segments)
      : options_(options), segments_(segments) {}
  bool is_type(std::size_t i) {
    if (!options_.is_type) return false;
    if (i >= kMax) return options_.is_type(segments_[i]);
    if (known_[i] == 0) known_[i] = options_.is_type(segments_[i]) ? 1 : 2;
    return known_[i] == 1;
  }

 private:
  static constexpr std::size_t kMax = 8;
  const Options& options_;
  std::span<const std::string_view> segments_;
  std::array<unsigned char, kMax> known_{};  // 0 not asked, 1 a type, 2 not
};

bool RouteTable::matches(const Compiled& pattern, std::span<const std::string_view> segments,
                         TypeSegments& types) const {
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
        if (!types.is_type(i)) return false;
        break;
      case Kind::Param:
        break;
    }
  }
  return true;
}

// Segment by segment, literal before {type} before {name}: <0 when `a` is more specific than
// `b`, 0 when as specific, >0 when less. Both match the same path, so they have as many segments.
int RouteTable::compare_specificity(const Compiled& a, const Compiled& b) {
  for (std::size_t s = 0; s < a.segments.size() && s < b.segments.size(); ++s) {
    const Kind ka = a.segments[s].first, kb = b.segments[s].first;
    const int ra = rank(ka == Kind::Literal || ka == Kind::Exact, ka == Kind::Type);
    const int rb = rank(kb == Kind::Literal || kb == Kind::Exact, kb == Kind::Type);
    if (ra != rb) return ra < rb ? -1 : 1;
  }
  return 0;
}

const std::vector<std::size_t>& RouteTable::bucket(Scope scope, std::size_t count) const {
  static const std::vector<std::size_t> kNone;
  const auto& by_count = buckets_[scope == Scope::Scim ? 0 : 1];
  return count < by_count.size() ? by_count[count] : kNone;
}

RouteTable::Candidates RouteTable::candidates(Scope scope, std::string_view path) const {
  Candidates out;
  Segments split;
  for_each_segment(path, [&split](std::string_view segment) { split.push_back(segment); });
  std::vector<std::string_view> spill;  // only for a path of more than Few::kInline segments
  const std::span<const std::string_view> segments = split.view(spill);
  TypeSegments types(options_, segments);
  const Compiled* best = nullptr;
  for (const std::size_t i : bucket(scope, segments.size())) {
    if (!matches(compiled_[i], segments, types)) continue;
    const int order = best ? compare_specificity(compiled_[i], *best) : -1;
    if (order > 0) continue;
    if (order < 0) {
      best = &compiled_[i];
      out.routes.clear();
      out.params.clear();
      out.params.reserve(segments.size());  // one allocation, not one per {type} and {name}
      for (std::size_t s = 0; s < segments.size(); ++s) {
        if (best->segments[s].first != Kind::Literal && best->segments[s].first != Kind::Exact) {
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
  auto found = candidates(scope, path);
  for (std::size_t k = 0; k < found.routes.size(); ++k) {
    const std::size_t i = found.routes[k];
    if (routes_[i].method != method) continue;
    if (match) match->params = std::move(found.params);
    return &routes_[i];
  }
  return nullptr;
}

std::string RouteTable::allowed_methods(Scope scope, std::string_view path) const {
  std::string allow;
  const auto found = candidates(scope, path);
  for (std::size_t k = 0; k < found.routes.size(); ++k) {
    const auto method = routes_[found.routes[k]].method;
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
    auto found = candidates(request.scope, request.path);
    const Route* route = nullptr;
    bool all_negotiate = !found.routes.empty();
    for (std::size_t k = 0; k < found.routes.size(); ++k) {
      const Route& candidate = routes_[found.routes[k]];
      all_negotiate = all_negotiate && candidate.accepts == Accepts::Any;
      if (route == nullptr && candidate.method == request.method) route = &candidate;
    }
    // The Accept check comes first, as for any SCIM request, unless every route at this path
    // negotiates its own media types.
    const bool negotiates = route ? route->accepts == Accepts::Any : all_negotiate;
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
    return route->handler(request, RouteMatch{std::move(found.params)});
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
