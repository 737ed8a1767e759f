// Shared fixtures for the store tests: User/Group type specs as the service derives them from the
// RFC 7643 schemas, and a fixed clock.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scim/server/store/memory_store.hpp"

namespace scim::store::testing {

inline std::vector<TypeSpec> user_and_group_specs() {
  return {TypeSpec{"User",
                   {{"userName", false}},
                   {{"externalId", true}},
                   "",
                   false,
                   true,
                   {"userName", "displayName", "name", "emails"}},
          TypeSpec{"Group",
                   {},
                   {{"externalId", true}, {"displayName", false}},
                   "displayName",
                   true,
                   false,
                   {"displayName"}}};
}

inline StoreOptions fixed_clock() {
  StoreOptions o;
  o.clock = [] { return std::chrono::system_clock::time_point{std::chrono::seconds(1700000000)}; };
  return o;
}

inline nlohmann::json user(const std::string& id, const std::string& name) {
  return {{"id", id}, {"userName", name}};
}

inline nlohmann::json group(const std::string& id, const std::string& name,
                            const std::vector<std::string>& members) {
  nlohmann::json g{{"id", id}, {"displayName", name}};
  if (!members.empty()) {
    g["members"] = nlohmann::json::array();
    for (const auto& m : members) g["members"].push_back({{"value", m}});
  }
  return g;
}

}  // namespace scim::store::testing
