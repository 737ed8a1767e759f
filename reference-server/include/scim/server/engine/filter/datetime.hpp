// xsd:dateTime (RFC 7643 §2.3.5, XML Schema §3.3.7) parsed to an instant, so that dateTime filters
// and sorting compare chronologically ("2011-05-13T06:42:34+02:00" equals "2011-05-13T04:42:34Z").
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

namespace scim::engine {

// Seconds since 1970-01-01T00:00:00Z plus a sub-second part; ordered chronologically.
struct Instant {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;  // 0..999'999'999
  auto operator<=>(const Instant&) const = default;
};

// Accepts YYYY-MM-DDThh:mm:ss[.fraction][Z|(+|-)hh:mm], years 0001..9999 (more digits allowed,
// as xsd allows). A missing offset is taken as UTC (xsd leaves it unspecified; SCIM servers emit
// UTC). Fraction digits beyond nanoseconds are truncated. nullopt for anything malformed,
// including impossible dates (2011-02-30) and out-of-range fields.
std::optional<Instant> parse_datetime(std::string_view text);

}  // namespace scim::engine
