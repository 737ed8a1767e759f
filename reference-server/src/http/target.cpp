// Request-target parsing. Segments are matched before decoding each one, so an encoded "%2F"
// inside a segment can never move a request into another tenant or outside the base path.
#include "scim/server/http/target.hpp"

#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"

namespace scim::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  parts.reserve(8);
  std::size_t start = 0;
  while (true) {
    auto pos = text.find(sep, start);
    parts.push_back(text.substr(start, pos == std::string_view::npos ? pos : pos - start));
    if (pos == std::string_view::npos) return parts;
    start = pos + 1;
  }
}

Result<std::map<std::string, std::string>> parse_query(std::string_view query) {
  std::map<std::string, std::string> out;
  if (query.empty()) return out;
  for (auto pair : split(query, '&')) {
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
    if (!key || !value) return invalid_syntax("malformed percent-encoding in the query string");
    out[*key] = *value;
  }
  return out;
}

// Matches the decoded segments of `base` at the front of `segments`, from index `at`.
bool match_base(const std::vector<std::string>& segments, std::size_t at,
                const std::vector<std::string_view>& base) {
  if (segments.size() - at < base.size()) return false;
  for (std::size_t i = 0; i < base.size(); ++i) {
    if (segments[at + i] != base[i]) return false;
  }
  return true;
}

std::string join_from(const std::vector<std::string>& segments, std::size_t at) {
  std::size_t size = 0;
  for (std::size_t i = at; i < segments.size(); ++i) size += 1 + segments[i].size();
  if (size == 0) return "/";
  std::string out;
  out.reserve(size);
  for (std::size_t i = at; i < segments.size(); ++i) out.append(1, '/').append(segments[i]);
  return out;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return std::nullopt;
    out.push_back(c);
  }
  return out;
}

std::string normalise_base_path(std::string_view base_path) {
  std::string out(base_path);
  while (!out.empty() && out.back() == '/') out.pop_back();
  if (!out.empty() && out.front() != '/') out.insert(out.begin(), '/');
  return out;
}

Result<Route> parse_route(std::string_view target, std::string_view base_path) {
  if (target.empty() || target.front() != '/') {
    return invalid_syntax("request-target must be a path starting with '/' (origin-form)");
  }
  auto qpos = target.find('?');
  std::string_view raw_path = target.substr(0, qpos);
  Route route;
  auto query = parse_query(qpos == std::string_view::npos ? "" : target.substr(qpos + 1));
  if (!query) return query.error();
  route.query = std::move(*query);

  std::vector<std::string> segments;
  segments.reserve(8);
  for (auto seg : split(raw_path.substr(1), '/')) {
    auto decoded = percent_decode(seg, false);
    if (!decoded) return invalid_syntax("malformed percent-encoding in the request path");
    segments.push_back(std::move(*decoded));
  }
  if (!segments.empty() && segments.back().empty()) segments.pop_back();  // trailing '/'

  std::vector<std::string_view> base;  // views into `normal`
  std::string normal = normalise_base_path(base_path);
  if (!normal.empty()) base = split(std::string_view(normal).substr(1), '/');
  if (segments.size() == 1 && segments[0] == "health") {
    route.kind = Route::Kind::Health;
  } else if (match_base(segments, 0, base)) {
    route.kind = Route::Kind::Scim;
    route.prefix = normal;
    route.relative = join_from(segments, base.size());
  } else if (segments.size() >= 2 && iequals(segments[0], "tenants") &&
             match_base(segments, 2, base)) {
    // RFC 7644 §6.1: "A URL prefix: https://www.example.com/Tenants/{tenant_id}/v2/Users".
    route.kind = Route::Kind::Scim;
    route.tenant = segments[1];
    route.prefix = "/tenants/" + segments[1] + normal;
    route.relative = join_from(segments, 2 + base.size());
  }
  if (route.kind != Route::Kind::Scim) route.relative = join_from(segments, 0);
  return route;
}

}  // namespace scim::http
