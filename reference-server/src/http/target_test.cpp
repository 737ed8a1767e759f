// Request-target parsing: base path, path-addressed tenants (RFC 7644 §6.1), percent-decoding.
#include "scim/server/http/target.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "scim/protocol/strings.hpp"

namespace scim::http {
namespace {

TEST(PercentDecode, DecodesEscapesAndPlusInQueries) {
  EXPECT_EQ(percent_decode("a%20b", false), "a b");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("%2f%2F", false), "//");
  EXPECT_FALSE(percent_decode("%", false).has_value());
  EXPECT_FALSE(percent_decode("%4", false).has_value());
  EXPECT_FALSE(percent_decode("%zz", false).has_value());
  EXPECT_FALSE(percent_decode("%00", false).has_value());
}

// RFC 3986 §2.1: escapes anywhere among plain runs, '+' only as a space in queries, a decoded
// "%2B" stays '+', and a NUL (sent or decoded) or a cut escape anywhere rejects the whole text.
TEST(PercentDecode, EscapesAndPlusAmongPlainRuns) {
  EXPECT_EQ(percent_decode("", true), "");
  EXPECT_EQ(percent_decode("plain-id_1.2~x", false), "plain-id_1.2~x");
  EXPECT_EQ(percent_decode("%41bc%20d%2fe", false), "Abc d/e");
  EXPECT_EQ(percent_decode("+a%2Bb+%2b+", true), " a+b + ");
  EXPECT_EQ(percent_decode("+a%2Bb+", false), "+a+b+");
  EXPECT_EQ(percent_decode("%25%32%30", false), "%20");  // decoded once, never twice
  EXPECT_EQ(percent_decode("a++b", true), "a  b");
  EXPECT_FALSE(percent_decode("abc%4", true).has_value());
  EXPECT_FALSE(percent_decode("abc%", false).has_value());
  EXPECT_FALSE(percent_decode("a%g1+b", true).has_value());
  EXPECT_FALSE(percent_decode("a+%00", true).has_value());
  EXPECT_FALSE(percent_decode(std::string_view("ab\0cd", 5), false).has_value());
  EXPECT_FALSE(percent_decode(std::string_view("%41\0", 4), true).has_value());
}

// A path without escapes is copied whole; one with escapes or a NUL anywhere is decoded
// segment by segment: both give the same route.
TEST(ParseRoute, PlainAndEscapedPathsGiveTheSameRoute) {
  const BasePath base("/scim/v2");
  for (const auto& [plain, escaped] : std::vector<std::pair<std::string, std::string>>{
           {"/scim/v2/Users/2819c223", "/scim/v2/Users/2819c22%33"},
           {"/tenants/acme/scim/v2/Groups/", "/tenants/%61cme/scim/v2/Groups/"},
           {"/scim/v2//Users/", "/scim/v2//%55sers/"}}) {
    const auto a = parse_route(plain, base);
    const auto b = parse_route(escaped, base);
    ASSERT_TRUE(a.ok() && b.ok()) << plain;
    EXPECT_EQ(a->kind, Route::Kind::Scim) << plain;
    EXPECT_EQ(a->tenant, b->tenant) << plain;
    EXPECT_EQ(a->prefix, b->prefix) << plain;
    EXPECT_EQ(a->relative, b->relative) << plain;
  }
  // Empty segments are kept but for the last one; a decoded '/' is never a boundary.
  EXPECT_EQ(parse_route("/scim/v2//Users//", base)->relative, "//Users/");
  EXPECT_EQ(parse_route("/scim/v2//Users/%2F", base)->relative, "//Users//");
  EXPECT_FALSE(parse_route(std::string_view("/scim/v2/Users/a\0b", 18), base).ok());
  EXPECT_FALSE(parse_route("/scim/v2/Users/a%00b", base).ok());
}

TEST(ParseRoute, SplitsBaseRelativePathAndQuery) {
  // RFC 7644 §3.4.2: filter in the query string, percent-encoded by the client.
  auto r = parse_route("/scim/v2/Users?filter=userName%20eq%20%22bjensen%22&count=5", "/scim/v2");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, Route::Kind::Scim);
  EXPECT_EQ(r->relative, "/Users");
  EXPECT_EQ(r->prefix, "/scim/v2");
  EXPECT_FALSE(r->tenant.has_value());
  EXPECT_EQ(r->query.at("filter"), "userName eq \"bjensen\"");
  EXPECT_EQ(r->query.at("count"), "5");
}

TEST(ParseRoute, BaseItselfAndTrailingSlash) {
  EXPECT_EQ(parse_route("/scim/v2", "/scim/v2")->relative, "/");
  EXPECT_EQ(parse_route("/scim/v2/", "/scim/v2")->relative, "/");
  EXPECT_EQ(parse_route("/scim/v2/Users/", "/scim/v2")->relative, "/Users");
  EXPECT_EQ(parse_route("/scim/v2/Users/a%2Fb", "/scim/v2")->relative, "/Users/a/b");
}

TEST(ParseRoute, BaseMatchesWholeSegmentsOnly) {
  EXPECT_EQ(parse_route("/scim/v2x/Users", "/scim/v2")->kind, Route::Kind::Unknown);
  EXPECT_EQ(parse_route("/scim", "/scim/v2")->kind, Route::Kind::Unknown);
  EXPECT_EQ(parse_route("/other", "/scim/v2")->kind, Route::Kind::Unknown);
  // An encoded slash cannot fake a base path segment boundary.
  EXPECT_EQ(parse_route("/scim%2Fv2/Users", "/scim/v2")->kind, Route::Kind::Unknown);
}

TEST(ParseRoute, PathAddressedTenant) {
  auto r = parse_route("/tenants/acme/scim/v2/Groups?x=1", "/scim/v2");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, Route::Kind::Scim);
  EXPECT_EQ(r->tenant, "acme");
  EXPECT_EQ(r->prefix, "/tenants/acme/scim/v2");
  EXPECT_EQ(r->relative, "/Groups");
  EXPECT_EQ(parse_route("/Tenants/acme/scim/v2", "/scim/v2")->tenant, "acme");
  EXPECT_EQ(parse_route("/tenants/acme/other", "/scim/v2")->kind, Route::Kind::Unknown);
}

TEST(ParseRoute, RootBasePath) {
  auto r = parse_route("/Users/1", "");
  EXPECT_EQ(r->kind, Route::Kind::Scim);
  EXPECT_EQ(r->relative, "/Users/1");
  EXPECT_EQ(parse_route("/health", "")->kind, Route::Kind::Health);
}

TEST(ParseRoute, HealthOutsideTheBase) {
  EXPECT_EQ(parse_route("/health", "/scim/v2")->kind, Route::Kind::Health);
  EXPECT_EQ(parse_route("/health?x", "/scim/v2")->kind, Route::Kind::Health);
}

TEST(ParseRoute, MalformedTargetsAreInvalidSyntax) {
  for (const char* t : {"/scim/v2/Users/%zz", "/scim/v2/Users?filter=%", "*", "http://x/"}) {
    auto r = parse_route(t, "/scim/v2");
    ASSERT_FALSE(r.ok()) << t;
    EXPECT_EQ(r.error().status, 400) << t;
    EXPECT_EQ(r.error().scim_type, ScimType::InvalidSyntax) << t;
  }
}

// The parse of before (one decoded std::string per segment, the base split per call), kept as
// the reference the one-buffer parse must agree with on every target below.
struct ReferenceRoute {
  bool ok = false;
  Route::Kind kind = Route::Kind::Unknown;
  std::optional<std::string> tenant;
  std::string prefix, relative;
};

ReferenceRoute reference_route(std::string_view target, std::string_view base_path) {
  ReferenceRoute out;
  if (target.empty() || target.front() != '/') return out;
  std::string_view raw_path = target.substr(0, target.find('?'));
  std::vector<std::string> segments;
  std::string_view rest = raw_path.substr(1);
  while (true) {
    const auto slash = rest.find('/');
    auto decoded = percent_decode(rest.substr(0, slash), false);
    if (!decoded) return out;
    segments.push_back(*decoded);
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
  }
  if (!segments.empty() && segments.back().empty()) segments.pop_back();
  const std::string normal = normalise_base_path(base_path);
  std::vector<std::string> base;
  for (std::size_t at = 1; !normal.empty() && at <= normal.size();) {
    const auto slash = normal.find('/', at);
    base.push_back(normal.substr(at, slash == std::string::npos ? std::string::npos : slash - at));
    at = slash == std::string::npos ? normal.size() + 1 : slash + 1;
  }
  auto match_base = [&](std::size_t at) {
    if (segments.size() - at < base.size()) return false;
    for (std::size_t i = 0; i < base.size(); ++i) {
      if (segments[at + i] != base[i]) return false;
    }
    return true;
  };
  auto join_from = [&](std::size_t at) {
    std::string joined;
    for (std::size_t i = at; i < segments.size(); ++i) joined += "/" + segments[i];
    return joined.empty() ? std::string("/") : joined;
  };
  out.ok = true;
  if (segments.size() == 1 && segments[0] == "health") {
    out.kind = Route::Kind::Health;
  } else if (match_base(0)) {
    out.kind = Route::Kind::Scim;
    out.prefix = normal;
    out.relative = join_from(base.size());
  } else if (segments.size() >= 2 && iequals(segments[0], "tenants") && match_base(2)) {
    out.kind = Route::Kind::Scim;
    out.tenant = segments[1];
    out.prefix = "/tenants/" + segments[1] + normal;
    out.relative = join_from(2 + base.size());
  }
  if (out.kind != Route::Kind::Scim) out.relative = join_from(0);
  return out;
}

// Every path of up to three segments drawn from base, tenant, encoded, empty and malformed
// segments, the shorter ones also under tenant prefixes, and paths longer than the parse keeps
// in place, against four base paths: the same kind, tenant, prefix and relative path as the
// reference, and an error exactly where it failed.
TEST(ParseRoute, AgreesWithTheSegmentByStringParseOnEveryTarget) {
  const std::vector<std::string> parts = {"",        "scim", "v2",    "Users",  "tenants",
                                          "Tenants", "acme", "a%2Fb", "%zz",    "health",
                                          "x+y",     "%41",  "%2F",   ".search"};
  std::vector<std::string> targets = {"/", "//", "/scim/v2/", "/scim/v2//Users//"};
  std::vector<std::string> level = {""};
  for (int depth = 0; depth < 3; ++depth) {
    std::vector<std::string> next;
    for (const auto& prefix : level) {
      for (const auto& part : parts) next.push_back(prefix + "/" + part);
    }
    targets.insert(targets.end(), next.begin(), next.end());
    level = std::move(next);
  }
  // Tenant-addressed targets under the full base path (five segments and more).
  const std::size_t shallow = targets.size() - level.size();  // those of at most two segments
  for (std::size_t i = 0; i < shallow; ++i) {
    for (const char* tenant : {"/tenants/acme", "/Tenants/a%2Fb", "/tenants/", "/tenants/%zz"}) {
      targets.push_back(tenant + std::string("/scim/v2") + targets[i]);
    }
  }
  std::string deep = "/scim/v2";
  for (int i = 0; i < 40; ++i) {
    deep += "/s" + std::to_string(i);
    targets.push_back(deep);
    targets.push_back(deep + "/");
  }
  std::size_t compared = 0;
  for (const char* base : {"/scim/v2", "", "/scim/v2/", "scim"}) {
    const BasePath split(base);
    for (const auto& target : targets) {
      for (const std::string& t : {target, target + "?a=1"}) {
        const auto want = reference_route(t, base);
        const auto got = parse_route(t, split);
        ASSERT_EQ(got.ok(), want.ok) << t << " against " << base;
        ++compared;
        if (!want.ok) {
          EXPECT_EQ(got.error().scim_type, ScimType::InvalidSyntax) << t;
          continue;
        }
        EXPECT_EQ(got->kind, want.kind) << t << " against " << base;
        EXPECT_EQ(got->tenant, want.tenant) << t << " against " << base;
        EXPECT_EQ(got->prefix, want.prefix) << t << " against " << base;
        EXPECT_EQ(got->relative, want.relative) << t << " against " << base;
      }
    }
  }
  EXPECT_GT(compared, 20'000u);
}

// The in-place parse (the authentication layer's, every request) gives what the Result one
// gives: kind, tenant, prefix, relative path and query; an error where it fails.
TEST(ParseRoute, IntoACallersRouteIsTheSameParse) {
  const BasePath base("/scim/v2");
  for (const char* t :
       {"/scim/v2/Users/2819c223-7f76-453a-919d-413861904646", "/scim/v2/Users?filter=a%20eq+1&x",
        "/tenants/acme/scim/v2/Groups/1/", "/Tenants/a%2Fb/scim/v2", "/health", "/admin/v1/tenants",
        "/scim/v2/Users/a%2Fb%41", "/other?q=%zz", "/scim/v2/%zz", "relative", "", "/scim/v2/"}) {
    const auto want = parse_route(t, base);
    Route got;
    const auto parsed = parse_route(t, base, got);
    ASSERT_EQ(parsed.ok(), want.ok()) << t;
    if (!want.ok()) {
      EXPECT_EQ(parsed.error().status, want.error().status) << t;
      EXPECT_EQ(parsed.error().detail, want.error().detail) << t;
      continue;
    }
    EXPECT_EQ(got.kind, want->kind) << t;
    EXPECT_EQ(got.tenant, want->tenant) << t;
    EXPECT_EQ(got.prefix, want->prefix) << t;
    EXPECT_EQ(got.relative, want->relative) << t;
    EXPECT_EQ(got.query, want->query) << t;
  }
  Route plain;
  ASSERT_TRUE(parse_route("/scim/v2/Users/abc/", base, plain).ok());
  EXPECT_EQ(plain.relative, "/Users/abc");  // the trailing '/' dropped from the viewed path
  EXPECT_EQ(plain.prefix, "/scim/v2");
}

TEST(NormaliseBasePath, LeadingSlashNoTrailingSlash) {
  EXPECT_EQ(normalise_base_path("/scim/v2/"), "/scim/v2");
  EXPECT_EQ(normalise_base_path("scim"), "/scim");
  EXPECT_EQ(normalise_base_path("/"), "");
}

}  // namespace
}  // namespace scim::http
