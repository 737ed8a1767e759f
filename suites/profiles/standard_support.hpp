// What the checks of the published profiles (interop, IPSIE AL1) share: the rate-limit probe of
// list endpoints, the paging probe, transport facts of the base URL, and bulk fixtures for the
// page-size rules. Expected values come from the profile texts, never from the target.
#pragma once

#include <string>
#include <string_view>

#include "scim/suites/common/helpers.hpp"

namespace scim::suites::profiles {

// How many list requests the rate-limit probe sends at most before it concludes that the
// endpoint is not rate limited. A limit above this many requests per burst is not seen.
inline constexpr int kRateLimitBudget = 600;

// GETs `endpoint` ("/Users") with count=1, without retrying throttled answers, until it answers
// 429; then asserts Retry-After (RFC 9110 §10.2.3: delay-seconds or an HTTP-date). Fails when no
// 429 came within kRateLimitBudget requests, or when another error came first.
void expect_rate_limited(conf::Context& ctx, std::string_view endpoint);

// Asserts that `endpoint` pages with startIndex/count (RFC 7644 §3.4.2.4) or, failing that, with
// cursors (RFC 9865 §2); `create` makes one fixture of the endpoint's type.
void expect_paginated(conf::Context& ctx, std::string_view endpoint,
                      json (*create)(conf::Context&));

// Whether the base URL uses https.
bool https_target(conf::Context& ctx);
// Asserts that a request to the target succeeds over a TLS 1.3-only handshake (RFC 8446).
void expect_tls13(conf::Context& ctx);

// Creates `n` users (fixtures, deleted after the check).
void create_users(conf::Context& ctx, int n);

// `text` with the case of every ASCII letter swapped ("Ab-1" -> "aB-1").
std::string swap_case(std::string_view text);
// `text` in ASCII lower case.
std::string lower(std::string_view text);

}  // namespace scim::suites::profiles
