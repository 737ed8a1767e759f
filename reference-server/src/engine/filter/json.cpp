// Case-insensitive member lookup and presence (RFC 7643 §2.1, §2.5).
#include "scim/server/engine/filter/json.hpp"

#include "scim/protocol/strings.hpp"

namespace scim::engine {
namespace {

// SCIM resources nest at most array -> object -> value; deeper data (which a validated resource
// never has) counts as present when non-empty, so hostile nesting cannot recurse deeply.
constexpr int kMaxPresenceDepth = 4;

bool has_value_at(const nlohmann::json& v, int depth) {
  switch (v.type()) {
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return false;
    case nlohmann::json::value_t::string:
      return !v.get_ref<const std::string&>().empty();
    case nlohmann::json::value_t::array:
    case nlohmann::json::value_t::object:
      if (depth >= kMaxPresenceDepth) return !v.empty();
      for (const auto& e : v)
        if (has_value_at(e, depth + 1)) return true;
      return false;
    default:
      return true;
  }
}

}  // namespace

const nlohmann::json* find_member(const nlohmann::json& object, std::string_view name) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(name);
  if (it != object.end()) return &*it;
  for (auto m = object.begin(); m != object.end(); ++m)
    if (iequals(m.key(), name)) return &m.value();
  return nullptr;
}

bool has_value(const nlohmann::json& value) {
  return has_value_at(value, 0);
}

}  // namespace scim::engine
