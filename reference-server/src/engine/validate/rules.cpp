// Whole-resource rules: schemas list, required attributes and extensions, immutable attributes.
#include "scim/server/engine/validate/rules.hpp"

#include <algorithm>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/engine/validate/json_access.hpp"

namespace scim::engine {

namespace {

bool listed(const nlohmann::json& resource, std::string_view urn) {
  const auto* schemas = lookup_member(resource, "schemas");
  if (schemas == nullptr || !schemas->is_array()) return false;
  return std::any_of(schemas->begin(), schemas->end(), [&](const nlohmann::json& s) {
    return s.is_string() && iequals(s.get_ref<const std::string&>(), urn);
  });
}

// RFC 7643 §4.1.1: "Each User MUST include a non-empty userName value". A required string that
// is empty or only whitespace identifies nothing, so it counts as unassigned (§2.5) for every
// required attribute, not just userName.
bool is_blank_string(const nlohmann::json& value) {
  if (!value.is_string()) return false;
  const auto& s = value.get_ref<const std::string&>();
  return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}

Status<> check_schema_required(const nlohmann::json& container, const Schema& schema,
                               std::string_view prefix) {
  for (const auto& attr : schema.attributes) {
    if (!attr.required || attr.mutability == Mutability::ReadOnly) continue;
    const auto* value = lookup_member(container, attr.name);
    if (value == nullptr || is_unassigned(*value)) {
      return invalid_value("required attribute '" + std::string(prefix) + attr.name +
                           "' is missing");
    }
    if (is_blank_string(*value)) {
      return invalid_value("required attribute '" + std::string(prefix) + attr.name +
                           "' must not be empty or only whitespace (RFC 7643 §4.1.1, §2.5)");
    }
  }
  return Ok{};
}

// Carries or compares one immutable attribute between `existing` and `input` containers.
Status<> immutable_one(nlohmann::json& input, const nlohmann::json& existing, const Attribute& attr,
                       std::string_view prefix) {
  const auto* had = lookup_member(existing, attr.name);
  if (had == nullptr || is_unassigned(*had)) return Ok{};
  const auto* given = lookup_member(input, attr.name);
  if (given == nullptr || is_unassigned(*given)) {
    set_member(input, attr.name, *had);
    return Ok{};
  }
  if (*given != *had) {
    return mutability("attribute '" + std::string(prefix) + attr.name +
                      "' is immutable and already set; the input value must match it");
  }
  return Ok{};
}

Status<> immutable_in(nlohmann::json& input, const nlohmann::json& existing, const Schema& schema,
                      std::string_view prefix) {
  for (const auto& attr : schema.attributes) {
    if (attr.mutability == Mutability::Immutable) {
      if (auto st = immutable_one(input, existing, attr, prefix); !st) return st;
      continue;
    }
    // Immutable sub-attributes of a singular complex attribute compare one by one. Those of
    // multi-valued attributes (Group members.value) identify values that may be added or removed
    // as a whole, so a replace of the list is not a modification of them.
    if (!attr.is_complex() || attr.multi_valued) continue;
    const auto* had = lookup_member(existing, attr.name);
    if (had == nullptr || !had->is_object()) continue;
    nlohmann::json* given = lookup_member(input, attr.name);
    nlohmann::json scratch = nlohmann::json::object();
    nlohmann::json& target = given != nullptr && given->is_object() ? *given : scratch;
    for (const auto& sub : attr.sub_attributes) {
      if (sub.mutability != Mutability::Immutable) continue;
      auto st = immutable_one(target, *had, sub, std::string(prefix) + attr.name + ".");
      if (!st) return st;
    }
    if (&target == &scratch && !scratch.empty()) set_member(input, attr.name, scratch);
  }
  return Ok{};
}

}  // namespace

const Schema* find_extension(const Registry& registry, const ResourceType& type,
                             std::string_view urn) {
  if (!type.has_extension(urn)) return nullptr;
  return registry.find_schema(urn);
}

Result<std::vector<std::string>> read_schemas(const nlohmann::json& schemas,
                                              const Registry& registry, const ResourceType& type) {
  if (!schemas.is_array() || schemas.empty()) {
    return invalid_syntax("\"schemas\" must be a non-empty array of schema URNs (RFC 7643 §3)");
  }
  std::vector<std::string> out{type.schema};
  bool has_core = false;
  for (const auto& entry : schemas) {
    if (!entry.is_string()) return invalid_syntax("\"schemas\" must contain only strings");
    const auto& urn = entry.get_ref<const std::string&>();
    if (iequals(urn, type.schema)) {
      has_core = true;
      continue;
    }
    const Schema* ext = find_extension(registry, type, urn);
    if (ext == nullptr) {
      return invalid_value("schema '" + urn + "' is not an extension of resource type '" +
                           type.name + "'");
    }
    if (std::find(out.begin(), out.end(), ext->id) == out.end()) out.push_back(ext->id);
  }
  if (!has_core) {
    return invalid_value("\"schemas\" must list the core schema '" + type.schema + "'");
  }
  return out;
}

Status<> check_required(const nlohmann::json& resource, const Registry& registry,
                        const ResourceType& type) {
  if (const Schema* core = registry.find_schema(type.schema); core != nullptr) {
    if (auto st = check_schema_required(resource, *core, ""); !st) return st;
  }
  for (const auto& ext : type.extensions) {
    const Schema* schema = registry.find_schema(ext.schema);
    if (schema == nullptr) continue;
    if (!listed(resource, ext.schema)) {
      if (!ext.required) continue;
      return invalid_value("extension '" + ext.schema + "' is required for resource type '" +
                           type.name + "'");
    }
    const auto* data = lookup_member(resource, ext.schema);
    static const nlohmann::json kEmpty = nlohmann::json::object();
    auto st = check_schema_required(data != nullptr ? *data : kEmpty, *schema, ext.schema + ":");
    if (!st) return st;
  }
  return Ok{};
}

Status<> check_immutable(nlohmann::json& resource, const nlohmann::json& existing,
                         const Registry& registry, const ResourceType& type) {
  if (const Schema* core = registry.find_schema(type.schema); core != nullptr) {
    if (auto st = immutable_in(resource, existing, *core, ""); !st) return st;
  }
  for (const auto& ext : type.extensions) {
    const Schema* schema = registry.find_schema(ext.schema);
    const auto* had = lookup_member(existing, ext.schema);
    if (schema == nullptr || had == nullptr || !had->is_object()) continue;
    nlohmann::json* given = lookup_member(resource, ext.schema);
    nlohmann::json scratch = nlohmann::json::object();
    nlohmann::json& target = given != nullptr ? *given : scratch;
    if (auto st = immutable_in(target, *had, *schema, ext.schema + ":"); !st) return st;
    if (&target == &scratch && !scratch.empty()) set_member(resource, ext.schema, scratch);
  }
  return Ok{};
}

}  // namespace scim::engine
