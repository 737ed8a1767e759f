// Shared probes of the published profiles' checks (standard_support.hpp).
#include "standard_support.hpp"

#include <cctype>
#include <chrono>
#include <regex>

namespace scim::suites::profiles {
namespace standard_support_local {

// RFC 9110 §10.2.3: Retry-After = HTTP-date / delay-seconds.
bool valid_retry_after(const std::string& value) {
  static const std::regex seconds(R"(^\s*\d+\s*$)");
  static const std::regex date(
      R"(^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\s*$)");
  return std::regex_match(value, seconds) || std::regex_match(value, date);
}

bool index_paging_works(conf::Context& ctx, std::string_view endpoint) {
  const std::string base(endpoint);
  auto first = ctx.get(base + "?startIndex=1&count=1");
  auto second = ctx.get(base + "?startIndex=2&count=1");
  if (first.status != 200 || second.status != 200) return false;
  json a = ctx.json_body(first), b = ctx.json_body(second);
  const auto ra = resources_of(a), rb = resources_of(b);
  return ra.size() == 1 && rb.size() == 1 && id_string(ra[0]) != id_string(rb[0]) &&
         a.value("startIndex", 0) == 1 && b.value("startIndex", 0) == 2;
}

// RFC 9865 §2: "cursor" without a value asks for the first page; nextCursor leads on.
bool cursor_paging_works(conf::Context& ctx, std::string_view endpoint) {
  const std::string base(endpoint);
  auto first = ctx.get(base + "?cursor=&count=1");
  if (first.status != 200) return false;
  json a = ctx.json_body(first);
  if (!a.contains("nextCursor") || !a["nextCursor"].is_string()) return false;
  auto next = ctx.get(
      base + "?count=1&cursor=" + conf::Context::encode(a["nextCursor"].get<std::string>()));
  if (next.status != 200) return false;
  const auto ra = resources_of(a), rb = resources_of(ctx.json_body(next));
  return ra.size() == 1 && rb.size() == 1 && id_string(ra[0]) != id_string(rb[0]);
}

}  // namespace standard_support_local

void expect_rate_limited(conf::Context& ctx, std::string_view endpoint) {
  using namespace standard_support_local;
  const std::string path = std::string(endpoint) + "?count=1";
  const auto start = std::chrono::steady_clock::now();
  for (int sent = 1; sent <= kRateLimitBudget; ++sent) {
    auto r = ctx.send_with({.retry = false}, "GET", path);
    if (r.status == 429) {
      const std::string* after = r.header("Retry-After");
      ctx.expect(after != nullptr && valid_retry_after(*after),
                 "the 429 carries Retry-After (delay-seconds or HTTP-date, RFC 9110 §10.2.3)",
                 "Retry-After: <seconds>", after ? *after : "absent");
      ctx.note("429 after " + std::to_string(sent) + " requests; Retry-After: " + *after);
      return;
    }
    ctx.expect_status(r, 200, "GET " + path + " before the rate limit");
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  ctx.fail("no 429 Too Many Requests from the list endpoint",
           "429 with Retry-After within " + std::to_string(kRateLimitBudget) + " requests",
           std::to_string(kRateLimitBudget) + " requests in " + std::to_string(ms) +
               " ms, all answered 200");
}

void expect_paginated(conf::Context& ctx, std::string_view endpoint,
                      json (*create)(conf::Context&)) {
  using namespace standard_support_local;
  create(ctx);
  create(ctx);
  if (index_paging_works(ctx, endpoint)) return;
  ctx.expect(cursor_paging_works(ctx, endpoint),
             "GET " + std::string(endpoint) + " pages by index (RFC 7644 §3.4.2.4) or cursor " +
                 "(RFC 9865)",
             "startIndex=2&count=1 or nextCursor returns the next single resource",
             "neither paging method returned distinct one-resource pages");
}

bool https_target(conf::Context& ctx) {
  return ctx.base_url().rfind("https://", 0) == 0;
}

void expect_tls13(conf::Context& ctx) {
  try {
    auto r = ctx.send_with({.tls13_only = true}, "GET", "/ServiceProviderConfig");
    ctx.expect_status(r, 200, "GET /ServiceProviderConfig over TLS 1.3 only");
  } catch (const conf::CheckError& e) {
    ctx.fail("the target completes no TLS 1.3 handshake (RFC 8446)", "a TLS 1.3 connection",
             e.message);
  }
}

void create_users(conf::Context& ctx, int n) {
  for (int i = 0; i < n; ++i) ctx.create_user();
}

std::string swap_case(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    c = static_cast<char>(std::isupper(u) ? std::tolower(u) : std::toupper(u));
  }
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace scim::suites::profiles
