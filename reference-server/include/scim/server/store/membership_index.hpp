// The reverse index of group membership: member id -> ids of the groups that list it directly.
// It answers a User's read-only "groups" attribute (RFC 7643 §4.1.2: direct and indirect through
// nested groups) without scanning every group, and finds the groups to fix when a member is
// deleted. Not synchronised: the owning store guards it with its tenant lock.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace scim::store {

struct Membership {
  std::string group_id;
  bool direct = true;  // false: reached through a nested group ("indirect")
};

class MembershipIndex {
 public:
  void add(std::string_view group_id, std::string_view member_id);
  void remove(std::string_view group_id, std::string_view member_id);
  // Groups that list `member_id` directly (empty when none).
  std::vector<std::string> parents(std::string_view member_id) const;
  // Direct groups first, then indirect ones breadth-first; cycles are visited once. At most
  // `limit` entries, so a hostile nesting cannot make one read unbounded.
  std::vector<Membership> groups_of(std::string_view member_id, std::size_t limit) const;
  std::size_t edge_count() const { return edges_; }

 private:
  // Looked up by a view of the id (std::string_view's hash, transparent), so a read asking for a
  // member in no group allocates nothing.
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  // Small vectors: a member usually belongs to a handful of groups.
  std::unordered_map<std::string, std::vector<std::string>, IdHash, std::equal_to<>> parents_;
  std::size_t edges_ = 0;
};

}  // namespace scim::store
