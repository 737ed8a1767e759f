// Reverse-order fixture cleanup.
#include "scim/conformance/core/fixtures.hpp"

#include <algorithm>

namespace scim::conf {

bool FixtureTracker::track(std::string location) {
  if (location.empty()) return true;
  if (std::find(locations_.begin(), locations_.end(), location) != locations_.end()) return true;
  if (locations_.size() >= kMaxTracked) return false;
  locations_.push_back(std::move(location));
  return true;
}

void FixtureTracker::untrack(std::string_view location) {
  std::erase_if(locations_, [&](const std::string& l) { return l == location; });
}

std::vector<std::string> FixtureTracker::cleanup(
    const std::function<int(const std::string&)>& remove) {
  std::vector<std::string> leftovers;
  for (auto it = locations_.rbegin(); it != locations_.rend(); ++it) {
    int status = 0;
    try {
      status = remove(*it);
    } catch (...) {  // NOLINT: cleanup must go on; the location is reported as a leftover
      status = 0;
    }
    const bool gone = (status >= 200 && status < 300) || status == 404 || status == 410;
    if (!gone) leftovers.push_back(*it);
  }
  locations_.clear();
  std::reverse(leftovers.begin(), leftovers.end());
  return leftovers;
}

}  // namespace scim::conf
