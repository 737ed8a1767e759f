// A member's computed "groups" (RFC 7643 §4.1.2) in a compact form: the store reads them from its
// reverse index on every read of a user, and the default-view writer (resource_text.cpp) writes
// them straight to text, so a GET builds no JSON tree of them (docs/performance.md, item 38).
// groups_json gives the tree the rest of the server reads ("groups" of a StoredResource).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace scim::store {

// One group of a member: the group's id, its display name (the group's `display_attribute`;
// empty when it has none) and whether the member is in it directly or through a nested group.
struct GroupRef {
  std::string id;
  std::string display;
  bool direct = true;
};

// The "groups" attribute of `groups`: one object per group, in order, with "value" (the id),
// "type" ("direct" or "indirect") and "display" when not empty; null when there are none.
nlohmann::json groups_json(const std::vector<GroupRef>& groups);

}  // namespace scim::store
