// The tree form of a member's computed "groups" (see group_refs.hpp).
#include "scim/server/store/group_refs.hpp"

namespace scim::store {

nlohmann::json groups_json(const std::vector<GroupRef>& groups) {
  if (groups.empty()) return nullptr;
  auto out = nlohmann::json::array();
  for (const auto& g : groups) {
    nlohmann::json entry{{"value", g.id}, {"type", g.direct ? "direct" : "indirect"}};
    if (!g.display.empty()) entry["display"] = g.display;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace scim::store
