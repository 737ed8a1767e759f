// The interop profile's "defined attributes only" walk (defined.hpp); interop §5.3.
#include "scim/server/engine/validate/defined.hpp"

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/engine/validate/json_access.hpp"
#include "scim/server/engine/validate/rules.hpp"

namespace scim::engine {
namespace {

ScimError undefined(const std::string& what) {
  return invalid_syntax(what +
                        " is not defined by this service provider's schemas "
                        "(SCIM 2.0 Interoperability Profile §5.3)");
}

Status<> check_members(const nlohmann::json& object, const Schema& schema,
                       const std::string& prefix) {
  for (const auto& [key, value] : object.items()) {
    const Attribute* attr = schema.find(key);
    if (attr == nullptr) return undefined("attribute '" + prefix + key + "'");
    if (auto st = check_defined_value(value, *attr); !st) return st;
  }
  return Ok{};
}

Status<> check_schemas(const nlohmann::json& body, const Registry& registry,
                       const ResourceType& type) {
  const auto* schemas = lookup_member(body, "schemas");
  if (schemas == nullptr || !schemas->is_array()) return Ok{};
  for (const auto& urn : *schemas) {
    if (!urn.is_string()) continue;
    const auto& text = urn.get_ref<const std::string&>();
    if (!iequals(text, type.schema) && find_extension(registry, type, text) == nullptr)
      return undefined("schema URN '" + text.substr(0, 200) + "'");
  }
  return Ok{};
}

}  // namespace

Status<> check_defined_value(const nlohmann::json& value, const Attribute& attribute) {
  if (!attribute.is_complex()) return Ok{};
  auto check_object = [&](const nlohmann::json& object) -> Status<> {
    if (!object.is_object()) return Ok{};
    for (const auto& [key, sub] : object.items()) {
      (void)sub;
      if (attribute.find_sub(key) == nullptr)
        return undefined("sub-attribute '" + attribute.name + "." + key.substr(0, 200) + "'");
    }
    return Ok{};
  };
  if (!value.is_array()) return check_object(value);
  for (const auto& element : value) {
    if (auto st = check_object(element); !st) return st;
  }
  return Ok{};
}

Status<> check_defined(const nlohmann::json& body, const Registry& registry,
                       const ResourceType& type) {
  if (!body.is_object()) return Ok{};
  if (auto st = check_schemas(body, registry, type); !st) return st;
  const Schema* core = registry.find_schema(type.schema);
  if (core == nullptr) return Ok{};
  for (const auto& [key, value] : body.items()) {
    if (iequals(key, "schemas")) continue;
    if (const Attribute* common = find_common_attribute(key); common != nullptr) {
      if (auto st = check_defined_value(value, *common); !st) return st;
      continue;
    }
    if (const Schema* ext = find_extension(registry, type, key); ext != nullptr) {
      if (!value.is_object()) continue;
      if (auto st = check_members(value, *ext, ext->id + ":"); !st) return st;
      continue;
    }
    const Attribute* attr = core->find(key);
    if (attr == nullptr) return undefined("attribute '" + key.substr(0, 200) + "'");
    if (auto st = check_defined_value(value, *attr); !st) return st;
  }
  return Ok{};
}

}  // namespace scim::engine
