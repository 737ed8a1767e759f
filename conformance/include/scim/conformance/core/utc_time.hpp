// The current time in UTC, formatted: RFC 3339 for a run's start, YYYY-MM-DD for expiry dates.
#pragma once

#include <string>

namespace scim::conf {

// strftime(format) of now in UTC; `format` must produce fewer than 64 bytes.
std::string utc_now(const char* format);

}  // namespace scim::conf
