// Pagination (RFC 7644 §3.4.2.4, Table 6): 1-based startIndex where values below 1 mean 1, count
// where negative means 0 and 0 asks for totals only, both bounded by the server's maxResults.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>

#include "scim/server/engine/query/query.hpp"

namespace scim::engine {
namespace {

std::size_t clamp_to_size(std::int64_t v, std::int64_t floor) {
  return static_cast<std::size_t>(std::max(v, floor));
}

}  // namespace

// An integer parameter. Values beyond 64 bits saturate rather than fail: "startIndex=1e30" is
// malformed, but a very large integer is still an integer and simply past the end.
Result<std::int64_t> parse_query_integer(std::string_view name, std::string_view text) {
  std::string_view digits = text;
  const bool negative = !digits.empty() && digits.front() == '-';
  if (negative || (!digits.empty() && digits.front() == '+')) digits.remove_prefix(1);
  const bool all_digits = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
  if (!all_digits) {
    return invalid_value(std::string(name) + " must be an integer, not \"" +
                         std::string(text.substr(0, 64)) + "\"");
  }
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec == std::errc::result_out_of_range || end != digits.data() + digits.size()) {
    value = std::numeric_limits<std::int64_t>::max();
  }
  return negative ? -value : value;
}

Result<PageRequest> parse_page(const std::optional<std::string>& start_index,
                               const std::optional<std::string>& count, std::size_t max_results) {
  PageRequest page;
  if (start_index) {
    auto v = parse_query_integer("startIndex", *start_index);
    if (!v) return v.error();
    page.start_index = clamp_to_size(*v, 1);  // "A value less than 1 SHALL be interpreted as 1"
  }
  if (count) {
    auto v = parse_query_integer("count", *count);
    if (!v) return v.error();
    // "A negative value SHALL be interpreted as 0"; more than maxResults is served as maxResults.
    page.count = std::min(clamp_to_size(*v, 0), max_results);
  }
  return page;
}

PageWindow page_window(std::size_t total, const PageRequest& page, std::size_t max_results) {
  const std::size_t start = std::max<std::size_t>(page.start_index, 1);
  PageWindow w;
  w.offset = std::min(start - 1, total);
  const std::size_t limit = std::min(page.count.value_or(max_results), max_results);
  w.length = std::min(total - w.offset, limit);
  return w;
}

}  // namespace scim::engine
