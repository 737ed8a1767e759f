// Case-insensitive JSON member access (RFC 7643 §2.1).
#include "scim/server/engine/validate/json_access.hpp"

#include <string>
#include <vector>

#include "scim/protocol/strings.hpp"

namespace scim::engine {

namespace {

template <class Json>
Json* find_impl(Json& obj, std::string_view name) {
  if (!obj.is_object()) return nullptr;
  // Exact match first: it is the common case and keeps lookups O(log n).
  if (auto it = obj.find(std::string(name)); it != obj.end()) return &*it;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (iequals(it.key(), name)) return &*it;
  }
  return nullptr;
}

}  // namespace

const nlohmann::json* lookup_member(const nlohmann::json& obj, std::string_view name) {
  return find_impl(obj, name);
}

nlohmann::json* lookup_member(nlohmann::json& obj, std::string_view name) {
  return find_impl(obj, name);
}

void set_member(nlohmann::json& obj, std::string_view canonical, nlohmann::json value) {
  erase_member(obj, canonical);
  obj[std::string(canonical)] = std::move(value);
}

bool erase_member(nlohmann::json& obj, std::string_view name) {
  if (!obj.is_object()) return false;
  std::vector<std::string> doomed;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (iequals(it.key(), name)) doomed.push_back(it.key());
  }
  for (const auto& key : doomed) obj.erase(key);
  return !doomed.empty();
}

bool is_unassigned(const nlohmann::json& value) {
  return value.is_null() || (value.is_array() && value.empty());
}

}  // namespace scim::engine
