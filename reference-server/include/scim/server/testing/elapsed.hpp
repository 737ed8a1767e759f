// Wall-clock milliseconds since a start point, for tests that bound how long the server made a
// client wait (slow clients, concurrency).
#pragma once

#include <chrono>

namespace scim::test {

inline long ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

}  // namespace scim::test
