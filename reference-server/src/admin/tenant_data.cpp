// A tenant's data out and in (see control_plane.hpp): export in the seed-file shape with ids and
// meta kept; import validated item by item as POST validates, into a staged store that replaces
// the tenant's contents only when every item passed (InMemoryStore::transact).
#include "scim/protocol/error.hpp"
#include "scim/server/admin/control_plane.hpp"
#include "scim/server/endpoints/seed.hpp"

namespace scim::admin {
namespace {

using json = nlohmann::json;

std::string endpoint_key(const ResourceType& type) {
  std::string_view endpoint = type.endpoint;
  if (!endpoint.empty() && endpoint.front() == '/') endpoint.remove_prefix(1);
  return std::string(endpoint);
}

// The items of each type in `body` (keys as in a seed file), or the error naming the key.
Result<std::map<const ResourceType*, const json*>> typed_items(const Registry& registry,
                                                               const json& body) {
  if (!body.is_object()) return invalid_value("an import is a JSON object of resource lists");
  std::map<const ResourceType*, const json*> out;
  for (const auto& [key, items] : body.items()) {
    const ResourceType* type = server::seed_key_type(registry, key);
    if (!type) return invalid_value("\"" + key + "\": unknown resource type");
    if (!items.is_array()) return invalid_value("\"" + key + "\" must be an array");
    if (!out.emplace(type, &items).second) {
      return invalid_value("\"" + key + "\": resource type " + type->id + " is listed twice");
    }
  }
  return out;
}

}  // namespace

Result<json> ControlPlane::export_tenant(const std::string& name) const {
  if (auto st = known(name); !st) return st.error();
  auto store = parts_.tenants.store(name);
  if (!store) return not_found("tenant \"" + name + "\" has no data");
  auto all = store->export_all();
  json out = json::object();
  for (const ResourceType* type : parts_.service.registry().resource_types()) {
    auto it = all.find(type->id);
    out[endpoint_key(*type)] = it == all.end() ? json::array() : json(std::move(it->second));
  }
  return out;
}

Result<json> ControlPlane::import_tenant(const std::string& name, const json& body, bool merge,
                                         const std::string& by) {
  const Registry& registry = parts_.service.registry();
  auto typed = typed_items(registry, body);
  if (!typed) return typed.error();
  std::lock_guard lock(mu_);
  if (auto st = known(name); !st) return st.error();
  auto store = parts_.tenants.store(name);
  if (!store) return not_found("tenant \"" + name + "\" has no data");
  std::size_t imported = 0;
  // Registry order: Users before Groups, so groups can name imported users by their "id".
  auto st = store->transact(!merge, [&](store::InMemoryStore& staged) -> Status<> {
    for (const ResourceType* type : registry.resource_types()) {
      auto it = typed->find(type);
      if (it == typed->end()) continue;
      const json& items = *it->second;
      for (std::size_t i = 0; i < items.size(); ++i) {
        auto done = parts_.service.import_resource(staged, name, *type, items[i]);
        if (!done) {
          ScimError e = done.error();
          e.detail = endpoint_key(*type) + "[" + std::to_string(i) + "]: " + e.detail +
                     " (nothing was imported)";
          return e;
        }
        ++imported;
      }
    }
    return Ok{};
  });
  if (!st) return st.error();
  const char* mode = merge ? "merge" : "replace";
  parts_.journals.audit(name, by, "tenant.import", {{"mode", mode}, {"resources", imported}});
  return json{{"mode", mode}, {"imported", imported}, {"tenant", tenant_json(name)}};
}

}  // namespace scim::admin
