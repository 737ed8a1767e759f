// UTC formatting (utc_time.hpp).
#include "scim/conformance/core/utc_time.hpp"

#include <ctime>

namespace scim::conf {

std::string utc_now(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[64];
  const auto n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

}  // namespace scim::conf
