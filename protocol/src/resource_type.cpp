// ResourceType rendering (RFC 7643 §6, §8.6).
#include "scim/protocol/resource_type.hpp"

#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"

namespace scim {

nlohmann::json ResourceType::to_json() const {
  nlohmann::json j{
      {"schemas", {std::string(urn::kResourceType)}},
      {"id", id},
      {"name", name},
      {"endpoint", endpoint},
      {"schema", schema},
      {"meta", {{"resourceType", "ResourceType"}, {"location", "/ResourceTypes/" + id}}}};
  if (!description.empty()) j["description"] = description;
  if (!extensions.empty()) {
    j["schemaExtensions"] = nlohmann::json::array();
    for (const auto& e : extensions)
      j["schemaExtensions"].push_back({{"schema", e.schema}, {"required", e.required}});
  }
  return j;
}

bool ResourceType::has_extension(std::string_view urn) const {
  for (const auto& e : extensions)
    if (iequals(e.schema, urn)) return true;
  return false;
}

}  // namespace scim
