// Bounded retries for throttled answers.
#include "scim/conformance/client/retry_transport.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <iomanip>
#include <sstream>

namespace scim::conf {

std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  long long seconds = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec == std::errc() && end == value.data() + value.size()) {
    if (seconds < 0) return std::nullopt;
    return std::chrono::milliseconds(std::min(seconds, 86400LL) * 1000);
  }
  // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
  std::tm tm{};
  std::istringstream in{std::string(value)};
  in.imbue(std::locale::classic());
  in >> std::get_time(&tm, "%a, %d %b %Y %H:%M:%S GMT");
  if (in.fail()) return std::nullopt;
  const auto when = std::chrono::system_clock::from_time_t(timegm(&tm));
  const auto delta = std::chrono::duration_cast<std::chrono::milliseconds>(when - now);
  return std::max(delta, std::chrono::milliseconds(0));
}

RetryTransport::RetryTransport(Transport& inner, RetryPolicy policy, Sleep sleep)
    : inner_(inner), policy_(policy), sleep_(std::move(sleep)) {}

HttpResponse RetryTransport::send(const HttpRequest& request) {
  auto response = inner_.send(request);
  if (!request.options.retry) return response;
  for (int attempt = 0; attempt < policy_.max_retries; ++attempt) {
    if (response.status != 429 && response.status != 503) break;
    auto wait = policy_.default_wait;
    if (const auto* header = response.header("Retry-After")) {
      wait = parse_retry_after(*header, std::chrono::system_clock::now()).value_or(wait);
    }
    // A wait longer than the request timeout could never succeed within it: stop retrying.
    if (wait > policy_.max_wait || wait > request.timeout) break;
    sleep_(wait);
    response = inner_.send(request);
  }
  return response;
}

}  // namespace scim::conf
