// Client checks of HTTP retry behaviour (RFC 9110 §10.2.3 Retry-After): after a 429 or 503 that
// says how long to wait, the client does not send the request again sooner; after failures it
// does not retry without bound. The only client checks that read time: the journal's arrival
// stamps (milliseconds), with kRetryToleranceMs of tolerance.
#include <charconv>

#include "../client_check.hpp"
#include "scim/suites/client/grading.hpp"

namespace scim::suites::client {
namespace {

using conf::Level;

constexpr const char* kRetryAfter =
    "Servers send the \"Retry-After\" header field to indicate how long the user agent ought to "
    "wait before making a follow-up request.";

conf::CheckInfo retry_info(const char* id, const char* title, Level level) {
  return client_check_info(id, title, level, kRetryAfter, {"retry"});
}

bool throttled(const Observed& o) {
  return o.status == 429 || o.status == 503;
}

// Retry-After as delay-seconds; nullopt for an HTTP-date or none (not judged).
std::optional<std::int64_t> retry_after_seconds(const Observed& o) {
  auto it = o.response_headers.find("retry-after");
  if (it == o.response_headers.end()) return std::nullopt;
  std::int64_t v = 0;
  const auto& s = it->second;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

bool same_request(const Observed& a, const Observed& b) {
  return a.method == b.method && a.target == b.target && a.body == b.body;
}

// The next time the client sent the same request, if it did.
const Observed* next_same(const std::vector<Observed>& all, const Observed& o) {
  for (std::size_t i = o.index + 1; i < all.size(); ++i) {
    if (same_request(all[i], o)) return &all[i];
  }
  return nullptr;
}

void honours_retry_after(const std::vector<Observed>& all, std::vector<Finding>& out) {
  for (const auto& o : all) {
    const auto wait = throttled(o) ? retry_after_seconds(o) : std::nullopt;
    const Observed* again = wait ? next_same(all, o) : nullptr;
    if (again == nullptr) continue;
    const std::int64_t waited = again->epoch_ms - o.epoch_ms;
    if (waited + kRetryToleranceMs < *wait * 1000) {
      out.push_back(
          {again->index,
           "retried " + std::to_string(waited) + " ms after a " + std::to_string(o.status) +
               " that said Retry-After: " + std::to_string(*wait),
           "at least " + std::to_string(*wait * 1000) + " ms", std::to_string(waited) + " ms"});
    }
  }
}

bool failed(const Observed& o) {
  return o.status == 429 || o.status >= 500 || !o.fault.empty();
}

// A run of more than kMaxRetries identical requests in a row, each of them failing.
void bounded(const std::vector<Observed>& all, std::vector<Finding>& out) {
  std::size_t i = 0;
  while (i < all.size()) {
    std::size_t j = i;
    while (j + 1 < all.size() && failed(all[j]) && same_request(all[j + 1], all[i])) ++j;
    const std::size_t retries = j - i;
    if (retries > static_cast<std::size_t>(kMaxRetries)) {
      out.push_back({all[j].index,
                     std::to_string(retries) + " retries in a row of " + all[i].method + " " +
                         all[i].path + " after failures",
                     "at most " + std::to_string(kMaxRetries) + " retries, then give up",
                     std::to_string(retries) + " retries"});
    }
    i = j + 1;
  }
}

}  // namespace

void add_retry_checks(ClientChecks& out) {
  out.push_back(
      {retry_info("client-rfc9110/10.2.3/retry-after", "Retry-After is honoured", Level::Should),
       [](const Observed& o) { return throttled(o) && retry_after_seconds(o); },
       honours_retry_after,
       {},
       {},
       "no 429 or 503 with Retry-After in this session"});
  out.push_back(
      {retry_info("client-rfc9110/10.2.3/bounded-retries", "retries are bounded", Level::May),
       failed,
       bounded,
       {},
       {},
       "no failed request in this session"});
}

}  // namespace scim::suites::client
