// The route table's machinery: a route is a method, a path pattern, its handler, the RFC section
// that defines it and who may call it. 404, 405 with Allow, the 406 Accept check and the 401 for
// an unauthenticated tenant route all come from the table, so no handler re-implements them. The
// server's one table is endpoints/routes.cpp; docs/routes.md is generated from it.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scim/server/api/request.hpp"

namespace scim::server {

enum class Access {
  Tenant,  // credentials bound to a tenant (RFC 7644 §2)
  Public,  // no credentials needed (RFC 7643 §5: discovery SHOULD be public; /health)
  Admin,   // an admin token (the control plane, /admin/v1); never a tenant's credentials
};
enum class Accepts {
  Scim,  // 406 unless Accept allows application/scim+json or application/json (RFC 7644 §3.8)
  Any,   // the handler negotiates itself (e.g. application/secevent+jwt)
};
enum class Waits {
  Never,  // answered from the server's own work, on the I/O thread
  May,    // may wait for events (RFC 8936 §2.5 long poll): served on the transport's WaitPool
};
enum class BodyLimit {
  Standard,  // http Limits::max_body_bytes
  Bulk,      // http Limits::max_bulk_body_bytes (RFC 7644 §3.7.4 maxPayloadSize)
  Admin,     // http Limits::max_admin_body_bytes (a tenant's data imported in one request)
};

// The {name} segments of the matched pattern, in order; views into the request's path.
struct RouteMatch {
  std::vector<std::string_view> params;
};

using RouteHandler = std::function<Response(const Request&, const RouteMatch&)>;

struct Route {
  std::string_view method;   // "GET", "POST", "PUT", "PATCH", "DELETE" (exact)
  std::string_view pattern;  // "/Users/{id}": literal segments match case-insensitively, except
                             // ones starting with '.' (".search"), which match exactly; {name}
                             // matches one segment; {type} only a registered resource endpoint
  RouteHandler handler;
  std::string_view rfc;      // the section that defines the route: "RFC 7644 §3.4.1"
  std::string_view summary;  // one line for docs/routes.md
  Scope scope = Scope::Scim;
  Access access = Access::Tenant;
  Accepts accepts = Accepts::Scim;
  BodyLimit body = BodyLimit::Standard;
  Waits waits = Waits::Never;
};

class RouteTable final : public Handler {
 public:
  struct Options {
    std::string base_path = "/scim/v2";  // named in the 404 for targets outside it
    // Whether a path segment names a resource type's endpoint ("Users"), for {type}.
    std::function<bool(std::string_view segment)> is_type;
  };
  explicit RouteTable(Options options);

  // Routes are tried in the order added; among patterns matching a path, the most specific one
  // (literal before {type} before {name}, segment by segment) decides which methods exist.
  void add(Route route);

  // Dispatches `request` (scope and path set by the authentication middleware). Exceptions from
  // handlers are bugs: answered 500 (RFC 7644 §3.12).
  Response handle(const Request& request) override;

  // The route `method` reaches at `path`, or null; `match` receives the parameters.
  const Route* find(Scope scope, std::string_view method, std::string_view path,
                    RouteMatch* match = nullptr) const;
  // "GET, POST" for a path, "" when no route has it.
  std::string allowed_methods(Scope scope, std::string_view path) const;

  // Whether some route of `method` has a body limit other than the standard one, or may wait:
  // for any other method the transport's questions are answered without matching the path.
  bool has_own_body_limit(std::string_view method) const;
  bool has_waiting_route(std::string_view method) const;

  const std::vector<Route>& routes() const { return routes_; }
  // docs/routes.md: one row per route, in table order.
  std::string to_markdown() const;

 private:
  enum class Kind { Literal, Exact, Type, Param };
  struct Compiled {
    std::vector<std::pair<Kind, std::string_view>> segments;
  };

  // A few values in place, more on the heap: what one lookup collects without allocating in
  // the usual case (a path of at most kInline segments, at most kInline routes per pattern).
  template <typename T>
  class Few {
   public:
    static constexpr std::size_t kInline = 16;
    void push_back(T value);
    void clear() {
      size_ = 0;
      more_.clear();
    }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T operator[](std::size_t i) const { return i < kInline ? inline_[i] : more_[i - kInline]; }
    // Contiguous only while size() <= kInline; see view().
    std::span<const T> view(std::vector<T>& spill) const;

   private:
    std::array<T, kInline> inline_{};
    std::vector<T> more_;
    std::size_t size_ = 0;
  };
  using Segments = Few<std::string_view>;

  struct Candidates {
    Few<std::size_t> routes;  // indices of the most specific matching pattern's routes
    std::vector<std::string_view> params;
  };

  class TypeSegments;

  // The routes of `scope` whose patterns have `count` segments, in table order.
  const std::vector<std::size_t>& bucket(Scope scope, std::size_t count) const;
  Candidates candidates(Scope scope, std::string_view path) const;
  bool matches(const Compiled& pattern, std::span<const std::string_view> segments,
               TypeSegments& types) const;
  static int compare_specificity(const Compiled& a, const Compiled& b);
  Response not_found(const Request& request) const;

  Options options_;
  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
  // Indexed by scope (Scim, Root), then by the pattern's segment count: a path is matched only
  // against the patterns of its own length (a pattern segment matches exactly one path segment).
  std::array<std::vector<std::vector<std::size_t>>, 2> buckets_;
  std::vector<std::string_view> own_body_limit_methods_;  // see has_own_body_limit
  std::vector<std::string_view> waiting_methods_;         // see has_waiting_route
};

// Splits "/Users/2819c223" into {"Users", "2819c223"}; empty segments are skipped.
std::vector<std::string_view> path_segments(std::string_view path);

}  // namespace scim::server
