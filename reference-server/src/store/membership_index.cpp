// Reverse membership index (RFC 7643 §4.1.2 "groups", §4.2 "members").
#include "scim/server/store/membership_index.hpp"

#include <algorithm>
#include <deque>
#include <unordered_set>

namespace scim::store {

void MembershipIndex::add(std::string_view group_id, std::string_view member_id) {
  auto it = parents_.find(member_id);
  if (it == parents_.end())
    it = parents_.emplace(std::string(member_id), std::vector<std::string>{}).first;
  auto& groups = it->second;
  if (std::find(groups.begin(), groups.end(), group_id) != groups.end()) return;
  groups.emplace_back(group_id);
  ++edges_;
}

void MembershipIndex::remove(std::string_view group_id, std::string_view member_id) {
  auto it = parents_.find(member_id);
  if (it == parents_.end()) return;
  auto& groups = it->second;
  auto pos = std::find(groups.begin(), groups.end(), group_id);
  if (pos == groups.end()) return;
  groups.erase(pos);
  --edges_;
  if (groups.empty()) parents_.erase(it);
}

std::vector<std::string> MembershipIndex::parents(std::string_view member_id) const {
  auto it = parents_.find(member_id);
  return it == parents_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<Membership> MembershipIndex::groups_of(std::string_view member_id,
                                                   std::size_t limit) const {
  std::vector<Membership> out;
  if (parents_.empty() || !parents_.contains(member_id)) return out;  // the common case
  std::unordered_set<std::string> seen{std::string(member_id)};
  std::deque<std::pair<std::string, bool>> frontier;  // (group id, direct)
  for (const auto& g : parents(member_id)) frontier.emplace_back(g, true);
  while (!frontier.empty() && out.size() < limit) {
    auto [group, direct] = std::move(frontier.front());
    frontier.pop_front();
    if (!seen.insert(group).second) continue;
    out.push_back({group, direct});
    auto it = parents_.find(group);
    if (it == parents_.end()) continue;
    for (const auto& parent : it->second) frontier.emplace_back(parent, false);
  }
  return out;
}

}  // namespace scim::store
