// Request-target parsing. Segments are matched before decoding each one, so an encoded "%2F"
// inside a segment can never move a request into another tenant or outside the base path.
#include "scim/server/http/target.hpp"

#include <algorithm>
#include <array>
#include <utility>
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

// Appends `text` percent-decoded to `out`; false for a malformed escape or a NUL, sent or
// decoded. The text between escapes (most of a path: an id, a resource type) is found with
// memchr and appended whole, not character by character.
bool append_decoded(std::string& out, std::string_view text, bool plus_is_space) {
  constexpr auto npos = std::string_view::npos;
  if (text.find('\0') != npos) return false;
  std::size_t i = 0;
  std::size_t escape = text.find('%');
  std::size_t plus = plus_is_space ? text.find('+') : npos;
  while (true) {
    const std::size_t next = std::min(escape, plus);
    out.append(text.substr(i, next == npos ? npos : next - i));
    if (next == npos) return true;
    if (next == plus) {
      out.push_back(' ');
      i = plus + 1;
      plus = text.find('+', i);
      continue;
    }
    if (escape + 2 >= text.size()) return false;
    const int hi = hex_value(text[escape + 1]), lo = hex_value(text[escape + 2]);
    if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return false;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i = escape + 3;
    escape = text.find('%', i);
  }
}

// A request path decoded segment by segment into one text, "/" + segment + "/" + segment...,
// with where each segment starts: a segment's "%2F" is a '/' inside it, never a boundary. The
// first kInline starts are kept in place, the rest (paths no route has) on the heap. A path
// without '%' (nearly every request's) is its own decoded text: it is viewed where it is, and
// only the part take_from returns is copied.
class DecodedPath {
 public:
  // False for a malformed escape. As before, the one empty segment after a trailing '/' is
  // dropped, other empty segments are kept. Views `raw_path` when it has no escape.
  bool decode(std::string_view raw_path) {
    plain_ = raw_path.find('%') == std::string_view::npos &&
             raw_path.find('\0') == std::string_view::npos;
    if (!plain_) text_.reserve(raw_path.size());
    std::size_t start = 1;  // raw_path starts with '/'
    while (true) {
      const auto slash = raw_path.find('/', start);
      if (plain_) {
        add_start(start);  // the decoded text is raw_path itself
      } else {
        text_.push_back('/');
        add_start(text_.size());
        const auto length = slash == std::string_view::npos ? slash : slash - start;
        if (!append_decoded(text_, raw_path.substr(start, length), false)) return false;
      }
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
    view_ = plain_ ? raw_path : std::string_view(text_);
    if (size() > 0 && segment(size() - 1).empty()) {
      --count_;
      view_.remove_suffix(1);  // the '/' before the dropped segment
      if (!plain_) text_.pop_back();
    }
    return true;
  }

  std::size_t size() const { return count_; }
  std::string_view segment(std::size_t i) const {
    const std::size_t begin = start(i);
    const std::size_t end = i + 1 < count_ ? start(i + 1) - 1 : view_.size();
    return view_.substr(begin, end - begin);
  }
  // The segments from `at` on, joined with '/' after a leading one; "/" when there are none.
  // Takes the decoded text: call once.
  std::string take_from(std::size_t at) {
    if (at >= count_) return "/";
    if (plain_) return std::string(view_.substr(start(at) - 1));
    text_.erase(0, start(at) - 1);
    return std::move(text_);
  }

 private:
  static constexpr std::size_t kInline = 16;
  void add_start(std::size_t offset) {
    if (count_ < kInline) {
      starts_[count_] = offset;
    } else {
      more_.push_back(offset);
    }
    ++count_;
  }
  std::size_t start(std::size_t i) const { return i < kInline ? starts_[i] : more_[i - kInline]; }

  bool plain_ = true;
  std::string text_;       // the decoded path, when it had escapes
  std::string_view view_;  // the decoded path: text_, or the raw path without escapes
  std::array<std::size_t, kInline> starts_{};
  std::vector<std::size_t> more_;
  std::size_t count_ = 0;
};

// Whether the base path's segments follow in `path` from segment `at`.
bool match_base(const DecodedPath& path, std::size_t at, const std::vector<std::string>& base) {
  if (path.size() < at || path.size() - at < base.size()) return false;
  for (std::size_t i = 0; i < base.size(); ++i) {
    if (path.segment(at + i) != base[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  if (!append_decoded(out, text, plus_is_space)) return std::nullopt;
  return out;
}

std::string normalise_base_path(std::string_view base_path) {
  std::string out(base_path);
  while (!out.empty() && out.back() == '/') out.pop_back();
  if (!out.empty() && out.front() != '/') out.insert(out.begin(), '/');
  return out;
}

BasePath::BasePath(std::string_view base_path) : text_(normalise_base_path(base_path)) {
  if (text_.empty()) return;
  for (auto segment : split(std::string_view(text_).substr(1), '/')) {
    segments_.emplace_back(segment);
  }
}

Result<Route> parse_route(std::string_view target, std::string_view base_path) {
  return parse_route(target, BasePath(base_path));
}

Result<Route> parse_route(std::string_view target, const BasePath& base) {
  Route route;
  if (auto parsed = parse_route(target, base, route); !parsed) return std::move(parsed).error();
  return route;
}

Status<> parse_route(std::string_view target, const BasePath& base, Route& route) {
  if (target.empty() || target.front() != '/') {
    return invalid_syntax("request-target must be a path starting with '/' (origin-form)");
  }
  auto qpos = target.find('?');
  std::string_view raw_path = target.substr(0, qpos);
  auto query = parse_query(qpos == std::string_view::npos ? "" : target.substr(qpos + 1));
  if (!query) return query.error();
  route.query = std::move(*query);

  DecodedPath path;
  if (!path.decode(raw_path)) {
    return invalid_syntax("malformed percent-encoding in the request path");
  }
  const auto& base_segments = base.segments();
  if (path.size() == 1 && path.segment(0) == "health") {
    route.kind = Route::Kind::Health;
    route.relative = path.take_from(0);
  } else if (match_base(path, 0, base_segments)) {
    route.kind = Route::Kind::Scim;
    route.prefix = base.text();
    route.relative = path.take_from(base_segments.size());
  } else if (path.size() >= 2 && iequals(path.segment(0), "tenants") &&
             match_base(path, 2, base_segments)) {
    // RFC 7644 §6.1: "A URL prefix: https://www.example.com/Tenants/{tenant_id}/v2/Users".
    route.kind = Route::Kind::Scim;
    route.tenant = std::string(path.segment(1));
    route.prefix.reserve(9 + route.tenant->size() + base.text().size());
    route.prefix.append("/tenants/").append(*route.tenant).append(base.text());
    route.relative = path.take_from(2 + base_segments.size());
  } else {
    route.relative = path.take_from(0);
  }
  return Ok{};
}

}  // namespace scim::http
