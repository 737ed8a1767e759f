// Fixture bookkeeping for one check: the locations of resources it created, deleted afterwards in
// reverse creation order (a group created after its member user goes first) whether the check
// passed, failed or threw.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace scim::conf {

class FixtureTracker {
 public:
  // A check that creates more than this is broken; refusing keeps cleanup time bounded.
  static constexpr std::size_t kMaxTracked = 1000;

  // False when the limit is reached (the caller reports a harness error).
  bool track(std::string location);
  void untrack(std::string_view location);
  const std::vector<std::string>& tracked() const { return locations_; }

  // Calls `remove` for each location, newest first; it returns the HTTP status of the DELETE (0
  // when no answer). 2xx, 404 and 410 count as gone. Returns the locations still present. An
  // exception from `remove` counts as not deleted and does not stop the remaining deletions.
  std::vector<std::string> cleanup(const std::function<int(const std::string&)>& remove);

 private:
  std::vector<std::string> locations_;
};

}  // namespace scim::conf
