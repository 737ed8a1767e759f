// Reverse membership index (RFC 7643 §4.1.2 "groups", §4.2 "members").
#include "scim/server/store/membership_index.hpp"

#include <algorithm>
#include <bit>
#include <unordered_set>

namespace scim::store {

void CountingFilter::grow(std::size_t held) {
  std::size_t slots = kMinSlots;
  while (slots < held * kSlotsPerHash) slots *= 2;
  counts_.assign(slots, 0);
  shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots));
}

void MembershipIndex::add(std::string_view group_id, std::string_view member_id) {
  auto it = parents_.find(member_id);
  if (it == parents_.end()) {
    it = parents_.emplace(std::string(member_id), std::vector<std::string>{}).first;
    const IdHash hash;
    members_.add(hash(member_id), parents_.size(), [&](auto add) {
      for (const auto& entry : parents_) add(hash(entry.first));
    });
  }
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
  if (groups.empty()) {
    members_.remove(IdHash{}(member_id));
    parents_.erase(it);
  }
}

std::vector<std::string> MembershipIndex::parents(std::string_view member_id) const {
  auto it = parents_.find(member_id);
  return it == parents_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<Membership> MembershipIndex::groups_of(std::string_view member_id,
                                                   std::size_t limit) const {
  std::vector<Membership> out;
  if (!members_.may_hold(IdHash{}(member_id))) return out;  // in no group: no probe of parents_
  const auto direct = parents_.find(member_id);
  if (direct == parents_.end()) return out;  // the common case: one probe, nothing built
  // Breadth-first over views of the index's own strings, which stay put during this const call:
  // only the answer copies ids. `frontier` is read from `next` on (a queue that is never popped:
  // it holds at most the direct groups and the parents of the `limit` groups expanded).
  std::vector<std::pair<std::string_view, bool>> frontier;  // (group id, direct)
  frontier.reserve(direct->second.size());
  for (const auto& g : direct->second) frontier.emplace_back(g, true);
  // Groups met so far: a short list searched in place, a hash set once it is longer (a hostile
  // nesting reaches `limit` groups).
  constexpr std::size_t kShortList = 16;
  std::vector<std::string_view> seen{member_id};
  std::unordered_set<std::string_view> seen_set;
  auto first_time = [&](std::string_view group) {
    if (!seen_set.empty()) return seen_set.insert(group).second;
    if (std::find(seen.begin(), seen.end(), group) != seen.end()) return false;
    seen.push_back(group);
    if (seen.size() > kShortList) seen_set.insert(seen.begin(), seen.end());
    return true;
  };
  for (std::size_t next = 0; next < frontier.size() && out.size() < limit; ++next) {
    const auto [group, is_direct] = frontier[next];
    if (!first_time(group)) continue;
    out.push_back({std::string(group), is_direct});
    if (!members_.may_hold(IdHash{}(group))) continue;  // a group in no group: no probe
    auto it = parents_.find(group);
    if (it == parents_.end()) continue;
    for (const auto& parent : it->second) frontier.emplace_back(parent, false);
  }
  return out;
}

}  // namespace scim::store
