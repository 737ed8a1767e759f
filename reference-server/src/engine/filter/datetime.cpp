// xsd:dateTime parsing for chronological comparison (RFC 7643 §2.3.5).
#include "scim/server/engine/filter/datetime.hpp"

#include <chrono>
#include <cstddef>

namespace scim::engine {
namespace {

// Reads exactly `n` digits at `pos`; advances `pos`. nullopt when a non-digit is found.
std::optional<int> read_digits(std::string_view s, std::size_t& pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  pos += n;
  return v;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

// Year: four or more digits (xsd), capped at 9 digits to stay in range.
std::optional<int> read_year(std::string_view s, std::size_t& pos) {
  std::size_t end = pos;
  while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
  const std::size_t n = end - pos;
  if (n < 4 || n > 9 || (n > 4 && s[pos] == '0')) return std::nullopt;
  return read_digits(s, pos, n);
}

// Fraction after '.': at least one digit; keeps nanosecond precision.
std::optional<std::int32_t> read_fraction(std::string_view s, std::size_t& pos) {
  std::int32_t nanos = 0;
  std::size_t digits = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    if (digits < 9) nanos = nanos * 10 + (s[pos] - '0');
    ++digits;
    ++pos;
  }
  if (digits == 0) return std::nullopt;
  for (std::size_t i = digits; i < 9; ++i) nanos *= 10;
  return nanos;
}

// Timezone: "Z", "+hh:mm" or "-hh:mm" (|offset| <= 14:00), or nothing (taken as UTC).
std::optional<int> read_offset_seconds(std::string_view s, std::size_t& pos) {
  if (pos == s.size()) return 0;
  if (s[pos] == 'Z') {
    ++pos;
    return 0;
  }
  if (s[pos] != '+' && s[pos] != '-') return std::nullopt;
  const int sign = s[pos] == '-' ? -1 : 1;
  ++pos;
  const auto hh = read_digits(s, pos, 2);
  if (!hh || !expect(s, pos, ':')) return std::nullopt;
  const auto mm = read_digits(s, pos, 2);
  if (!mm || *mm > 59 || *hh > 14 || (*hh == 14 && *mm != 0)) return std::nullopt;
  return sign * (*hh * 3600 + *mm * 60);
}

}  // namespace

std::optional<Instant> parse_datetime(std::string_view s) {
  std::size_t pos = 0;
  const auto year = read_year(s, pos);
  if (!year || !expect(s, pos, '-')) return std::nullopt;
  const auto month = read_digits(s, pos, 2);
  if (!month || !expect(s, pos, '-')) return std::nullopt;
  const auto day = read_digits(s, pos, 2);
  if (!day || !expect(s, pos, 'T')) return std::nullopt;
  const auto hour = read_digits(s, pos, 2);
  if (!hour || !expect(s, pos, ':')) return std::nullopt;
  const auto minute = read_digits(s, pos, 2);
  if (!minute || !expect(s, pos, ':')) return std::nullopt;
  const auto second = read_digits(s, pos, 2);
  if (!second || *year == 0 || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
  std::int32_t nanos = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    const auto f = read_fraction(s, pos);
    if (!f) return std::nullopt;
    nanos = *f;
  }
  const auto offset = read_offset_seconds(s, pos);
  if (!offset || pos != s.size()) return std::nullopt;

  const std::chrono::year_month_day ymd{std::chrono::year{*year},
                                        std::chrono::month{static_cast<unsigned>(*month)},
                                        std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  const std::int64_t days = std::chrono::sys_days{ymd}.time_since_epoch().count();
  const std::int64_t seconds = days * 86400 + *hour * 3600 + *minute * 60 + *second - *offset;
  return Instant{seconds, nanos};
}

}  // namespace scim::engine
