// The request-target of RFC 9112 §3.2 (origin-form "/path?query") split into what the endpoints
// need: the route (health, SCIM base, path-addressed tenant per RFC 7644 §6.1 "URL prefix"), the
// path relative to the base and the query parameters, all percent-decoded (RFC 3986 §2.1).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"

namespace scim::http {

// Decodes %XX escapes; '+' becomes a space when `plus_is_space` (query strings, as HTML forms
// and many SCIM clients encode filters that way). nullopt for malformed escapes or a decoded NUL.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

struct Route {
  enum class Kind { Health, Scim, Unknown };
  Kind kind = Kind::Unknown;
  std::optional<std::string> tenant;  // set for /tenants/{tenant}{base}/...
  std::string prefix;                 // "{base}" or "/tenants/{tenant}{base}" (for base_url)
  std::string relative;  // "/Users/123" (decoded), "/" for the base itself; outside the base
                         // (Health, Unknown): the whole decoded path
  std::map<std::string, std::string> query;  // decoded; the last of repeated keys wins
};

// A configured base path, normalised (normalise_base_path) and split into its segments once,
// for the layer that parses every request's target against it.
class BasePath {
 public:
  explicit BasePath(std::string_view base_path);
  const std::string& text() const { return text_; }  // "/scim/v2", "" for the root
  const std::vector<std::string>& segments() const { return segments_; }

 private:
  std::string text_;
  std::vector<std::string> segments_;
};

// Splits and decodes `target` against `base_path` ("/scim/v2"). Malformed escapes or targets
// that are not in origin-form give 400 invalidSyntax. Paths outside the base give Kind::Unknown.
Result<Route> parse_route(std::string_view target, std::string_view base_path);
Result<Route> parse_route(std::string_view target, const BasePath& base);
// The same into a Route the caller keeps (a fresh one: its fields are assigned, not cleared; on
// an error it is left partly filled), for the layer that parses every request's target: the
// Route is not moved out of a Result twice.
Status<> parse_route(std::string_view target, const BasePath& base, Route& route);

// Normalises a configured base path: leading '/', no trailing '/', "" allowed for the root.
std::string normalise_base_path(std::string_view base_path);

}  // namespace scim::http
