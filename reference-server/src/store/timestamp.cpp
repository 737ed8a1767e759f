// Timestamp formatting and parsing for meta.created / meta.lastModified (RFC 7643 §2.3.5, §3.1).
#include "scim/server/store/timestamp.hpp"

#include <cctype>
#include <cstdio>
#include <ctime>

namespace scim::store {
namespace {

// Reads `n` digits at `pos`; nullopt when any is not a digit.
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool expect(std::string_view s, std::size_t pos, char c) {
  return pos < s.size() && s[pos] == c;
}

// Parses the zone designator at `pos` into an offset in minutes east of UTC.
std::optional<int> parse_zone(std::string_view s, std::size_t pos) {
  if (pos == s.size() - 1 && (s[pos] == 'Z' || s[pos] == 'z')) return 0;
  if (pos + 6 != s.size() || (s[pos] != '+' && s[pos] != '-') || s[pos + 3] != ':') {
    return std::nullopt;
  }
  auto hh = digits(s, pos + 1, 2);
  auto mm = digits(s, pos + 4, 2);
  if (!hh || !mm || *hh > 23 || *mm > 59) return std::nullopt;
  int minutes = *hh * 60 + *mm;
  return s[pos] == '-' ? -minutes : minutes;
}

}  // namespace

std::int64_t to_epoch_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::string format_timestamp(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  const std::int64_t ms = to_epoch_ms(t);
  const sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(ms)));
  const year_month_day date(day);
  const int y = static_cast<int>(date.year());
  // Every write stamps meta.lastModified (RFC 7643 §3.1) and every access-log line its time, so
  // the text is written digit by digit: snprintf and gmtime_r took about 1 % of a create. Years
  // outside 0000-9999 keep the printf spelling ("%04d" widens or signs them); libstdc++'s
  // nanosecond clock never reaches them (1677-2262), a clock with coarser ticks could.
  if (y < 0 || y > 9999) return format_timestamp_printf(t);
  std::int64_t in_day = ms - duration_cast<milliseconds>(day.time_since_epoch()).count();
  std::string out = "0000-00-00T00:00:00.000Z";
  const auto put = [&out](std::size_t at, std::int64_t v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10)
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
  };
  put(0, y, 4);
  put(5, static_cast<unsigned>(date.month()), 2);
  put(8, static_cast<unsigned>(date.day()), 2);
  put(20, in_day % 1000, 3);
  in_day /= 1000;
  put(17, in_day % 60, 2);
  put(14, in_day / 60 % 60, 2);
  put(11, in_day / 3600, 2);
  return out;
}

std::string format_timestamp_printf(std::chrono::system_clock::time_point t) {
  const std::int64_t ms = to_epoch_ms(t);
  std::time_t secs = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  int millis = static_cast<int>(ms - static_cast<std::int64_t>(secs) * 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
  return buf;
}

std::optional<std::int64_t> parse_timestamp_ms(std::string_view s) {
  auto year = digits(s, 0, 4), mon = digits(s, 5, 2), day = digits(s, 8, 2);
  auto hour = digits(s, 11, 2), min = digits(s, 14, 2), sec = digits(s, 17, 2);
  if (!year || !mon || !day || !hour || !min || !sec || !expect(s, 4, '-') || !expect(s, 7, '-') ||
      !(expect(s, 10, 'T') || expect(s, 10, 't')) || !expect(s, 13, ':') || !expect(s, 16, ':')) {
    return std::nullopt;
  }
  if (*mon < 1 || *mon > 12 || *day < 1 || *day > 31 || *hour > 23 || *min > 59 || *sec > 60) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  int millis = 0;
  if (expect(s, pos, '.')) {
    std::size_t start = ++pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      if (pos - start < 3) millis = millis * 10 + (s[pos] - '0');
      ++pos;
    }
    if (pos == start) return std::nullopt;
    for (std::size_t n = pos - start; n < 3; ++n) millis *= 10;
  }
  auto zone = parse_zone(s, pos);
  if (!zone) return std::nullopt;
  std::tm tm{};
  tm.tm_year = *year - 1900;
  tm.tm_mon = *mon - 1;
  tm.tm_mday = *day;
  tm.tm_hour = *hour;
  tm.tm_min = *min;
  tm.tm_sec = *sec;
  const std::int64_t secs = static_cast<std::int64_t>(timegm(&tm)) - *zone * 60;
  return secs * 1000 + millis;
}

}  // namespace scim::store
