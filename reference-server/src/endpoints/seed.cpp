// Seed loading (see seed.hpp).
#include "scim/server/endpoints/seed.hpp"

#include <fstream>
#include <sstream>

#include "scim/protocol/strings.hpp"

namespace scim::server {
namespace {

// The items of `type` in a tenant object, under its endpoint name ("Users") or its id ("User").
const nlohmann::json* items_for(const Registry& registry, const nlohmann::json& tenant,
                                const ResourceType& type, std::string& key) {
  for (auto it = tenant.begin(); it != tenant.end(); ++it) {
    if (seed_key_type(registry, it.key()) == &type) {
      key = it.key();
      return &*it;
    }
  }
  return nullptr;
}

Result<std::size_t, std::string> load_tenant(Service& service, const nlohmann::json& data,
                                             std::string_view tenant, const std::string& where) {
  if (!data.is_object()) return Unexpected{where + ": must be an object of resource lists"};
  for (auto it = data.begin(); it != data.end(); ++it) {
    // A key must name a type, and be the only key naming it ("Users" and "User" together are
    // refused rather than one of them ignored).
    const ResourceType* type = seed_key_type(service.registry(), it.key());
    std::string first;
    if (!type || !items_for(service.registry(), data, *type, first) || first != it.key()) {
      return Unexpected{where + "." + it.key() + ": unknown resource type"};
    }
  }
  std::size_t loaded = 0;
  for (const ResourceType* type : service.registry().resource_types()) {
    std::string key;
    const nlohmann::json* items = items_for(service.registry(), data, *type, key);
    if (!items) continue;
    if (!items->is_array()) return Unexpected{where + "." + key + ": must be an array"};
    for (std::size_t i = 0; i < items->size(); ++i) {
      auto created = service.seed_resource(tenant, *type, (*items)[i]);
      if (!created) {
        const auto& e = created.error();
        std::string type_text(to_string(e.scim_type));
        return Unexpected{where + "." + key + "[" + std::to_string(i) +
                          "]: " + std::to_string(e.status) +
                          (type_text.empty() ? "" : " " + type_text) + ": " + e.detail};
      }
      ++loaded;
    }
  }
  return loaded;
}

}  // namespace

const ResourceType* seed_key_type(const Registry& registry, std::string_view key) {
  for (const ResourceType* type : registry.resource_types()) {
    std::string_view endpoint = type->endpoint;
    if (!endpoint.empty() && endpoint.front() == '/') endpoint.remove_prefix(1);
    if (iequals(key, endpoint) || iequals(key, type->id)) return type;
  }
  return nullptr;
}

Result<SeedSummary, std::string> load_seed(Service& service, const nlohmann::json& seed,
                                           std::string_view default_tenant) {
  if (!seed.is_object()) return Unexpected{std::string("seed: must be a JSON object")};
  SeedSummary summary;
  if (!seed.contains("tenants")) {
    auto n = load_tenant(service, seed, default_tenant, "seed");
    if (!n) return Unexpected{n.error()};
    return SeedSummary{1, *n};
  }
  const auto& tenants = seed["tenants"];
  if (!tenants.is_object() || seed.size() != 1) {
    return Unexpected{std::string("seed: \"tenants\" must be the only key and an object")};
  }
  for (auto it = tenants.begin(); it != tenants.end(); ++it) {
    auto n = load_tenant(service, it.value(), it.key(), "tenants." + it.key());
    if (!n) return Unexpected{n.error()};
    ++summary.tenants;
    summary.resources += *n;
  }
  return summary;
}

Result<SeedSummary, std::string> load_seed_file(Service& service, const std::filesystem::path& file,
                                                std::string_view default_tenant) {
  std::ifstream in(file);
  if (!in) return Unexpected{file.string() + ": cannot be read"};
  std::stringstream text;
  text << in.rdbuf();
  auto seed = nlohmann::json::parse(text.str(), nullptr, false);
  if (seed.is_discarded()) return Unexpected{file.string() + ": not valid JSON"};
  auto loaded = load_seed(service, seed, default_tenant);
  if (!loaded) return Unexpected{file.string() + ": " + loaded.error()};
  return loaded;
}

}  // namespace scim::server
