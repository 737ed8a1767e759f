// Seed data loaded at start through the same validation as POST (RFC 7644 §3.3):
//   {"tenants": {"<tenant>": {"Users": [...], "Groups": [...]}}}   or, for the default tenant,
//   {"Users": [...], "Groups": [...]}
// Keys are resource type endpoints without the slash ("Users") or type names ("User"). Types load
// in registry order (Users before Groups, so groups can name seeded users by their "id"). Errors
// name the item: "tenants.acme.Users[3]: 409 uniqueness: userName \"bjensen\" ...".
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "scim/server/endpoints/service.hpp"

namespace scim::server {

struct SeedSummary {
  std::size_t tenants = 0;
  std::size_t resources = 0;
};

// The resource type a key of a tenant object names: its endpoint without the slash ("Users") or
// its id ("User"), case-insensitively; null when none does. The control plane's export and
// import use the same shape.
const ResourceType* seed_key_type(const Registry& registry, std::string_view key);

Result<SeedSummary, std::string> load_seed(Service& service, const nlohmann::json& seed,
                                           std::string_view default_tenant);
Result<SeedSummary, std::string> load_seed_file(Service& service, const std::filesystem::path& file,
                                                std::string_view default_tenant);

}  // namespace scim::server
