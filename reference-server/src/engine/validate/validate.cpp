// validate_resource: client input for POST (RFC 7644 §3.3) and PUT (§3.5.1) checked against the
// resource type's schemas (RFC 7643 §2, §3, §7). The output holds only writable, normalised
// attributes with canonical names; id and meta are the caller's to assign.
#include "scim/server/engine/validate/validate.hpp"

#include <algorithm>
#include <string>
#include <type_traits>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/engine/validate/defined.hpp"
#include "scim/server/engine/validate/handed.hpp"
#include "scim/server/engine/validate/json_access.hpp"
#include "scim/server/engine/validate/rules.hpp"
#include "scim/server/engine/validate/value_shape.hpp"

namespace scim::engine {

namespace {

struct Builder {
  const Registry& registry;
  const ResourceType& type;
  const std::vector<std::string>& schemas;
  ValueContext& ctx;
  nlohmann::json out = nlohmann::json::object();
};

// The functions below read `Json` (handed.hpp): an input kept is copied, one given up is moved.
// Normalises one attribute into `container`; readOnly input is dropped (RFC 7644 §3.5.1).
// `extension` is the URN of the extension schema that holds `attr`, empty for the core schema.
template <class Json>
Status<> place_attribute(nlohmann::json& container, const Attribute& attr, Json& value,
                         std::string_view extension, ValueContext& ctx) {
  const AttrName urn(extension);
  const AttrName name = extension.empty() ? AttrName(attr.name) : AttrName(urn, ":", attr.name);
  if (container.contains(attr.name)) {
    return invalid_value("attribute '" + name.str() + "' is given twice");
  }
  if (attr.mutability == Mutability::ReadOnly) return Ok{};
  auto normalized = normalize_attribute_value(attr, handed(value), name, ctx);
  if (!normalized) return normalized.error();
  if (!normalized->is_null()) container[attr.name] = std::move(*normalized);
  return Ok{};
}

// The checks an extension's data passes before its attributes are read, in this order: its URN
// is listed in "schemas", and unless it is unassigned it is an object (RFC 7643 §3).
template <class Json>
Status<> extension_usable(const Builder& b, const Schema& ext, const Json& value) {
  bool listed = false;
  for (const auto& urn : b.schemas) listed = listed || urn == ext.id;
  if (!listed) {
    return invalid_value("extension data under '" + ext.id +
                         "' requires that URN in \"schemas\" (RFC 7643 §3)");
  }
  if (!is_unassigned(value) && !value.is_object()) {
    return invalid_value("extension '" + ext.id + "' must be a JSON object of its attributes");
  }
  return Ok{};
}

// An extension's attributes normalised into a new object, by their canonical names.
template <class Members>
Result<nlohmann::json> extension_data(Builder& b, const Schema& ext, Members& members) {
  nlohmann::json data = nlohmann::json::object();
  for (auto& [key, attr_value] : members) {
    const Attribute* attr = ext.find(key);
    if (attr == nullptr) return invalid_value("unknown attribute '" + ext.id + ":" + key + "'");
    if (auto st = place_attribute(data, *attr, attr_value, ext.id, b.ctx); !st) return st.error();
  }
  return data;
}

template <class Json>
Status<> place_extension(Builder& b, const Schema& ext, Json& value) {
  if (auto st = extension_usable(b, ext, value); !st) return st;
  if (is_unassigned(value)) return Ok{};
  auto data = extension_data(b, ext, value.template get_ref<MembersOf<Json>&>());
  if (!data) return data.error();
  if (!data->empty()) b.out[ext.id] = std::move(*data);
  return Ok{};
}

template <class Json>
Status<> place_member(Builder& b, const Schema& core, const std::string& key, Json& value) {
  if (iequals(key, "schemas")) return Ok{};
  if (const Attribute* common = find_common_attribute(key); common != nullptr) {
    return place_attribute(b.out, *common, value, {}, b.ctx);
  }
  if (const Schema* ext = find_extension(b.registry, b.type, key); ext != nullptr) {
    return place_extension(b, *ext, value);
  }
  if (const Attribute* attr = core.find(key); attr != nullptr) {
    return place_attribute(b.out, *attr, value, {}, b.ctx);
  }
  if (istarts_with(key, "urn:")) {
    return invalid_value("'" + key + "' is not a schema extension of resource type '" +
                         b.type.name + "'");
  }
  return invalid_value("unknown attribute '" + key + "' for resource type '" + b.type.name + "'");
}

// ---- A given-up input's top level, in place (the copy above builds a new object instead).

// What one top-level member names, by place_member's lookups in its order.
struct Named {
  const Attribute* attr = nullptr;  // a common or core attribute
  const Schema* ext = nullptr;      // an extension's object
  bool schemas = false;
};

constexpr std::size_t kInPlaceMembers = 48;

// Whether every member names exactly (by its canonical spelling) "schemas", an attribute or an
// extension: then nothing is renamed and nothing is given twice, and the input is normalised in
// place. Any other input takes the copy path, which also words the errors for unknown members.
bool name_members(const Builder& b, const Schema& core, const nlohmann::json::object_t& members,
                  Named* named) {
  if (members.size() > kInPlaceMembers) return false;
  std::size_t i = 0;
  for (const auto& [key, value] : members) {
    Named& n = named[i++];
    if (key == "schemas") {
      n.schemas = true;
    } else if (iequals(key, "schemas")) {
      return false;
    } else if ((n.attr = find_common_attribute(key)) != nullptr) {
      if (key != n.attr->name) return false;
    } else if ((n.ext = find_extension(b.registry, b.type, key)) != nullptr) {
      if (key != n.ext->id) return false;
    } else if ((n.attr = core.find(key)) != nullptr) {
      if (key != n.attr->name) return false;
    } else {
      return false;
    }
  }
  return true;
}

// place_attribute where the value lies: it becomes its normalised self, or null where the copy
// leaves the attribute out (readOnly input, unassigned); the caller drops the nulls.
Status<> attribute_in_place(const Attribute& attr, nlohmann::json& value,
                            std::string_view extension, ValueContext& ctx) {
  if (attr.mutability == Mutability::ReadOnly) {
    value = nullptr;
    return Ok{};
  }
  const AttrName urn(extension);
  const AttrName name = extension.empty() ? AttrName(attr.name) : AttrName(urn, ":", attr.name);
  auto normalized = normalize_attribute_value(attr, std::move(value), name, ctx);
  if (!normalized) return normalized.error();
  value = std::move(*normalized);
  return Ok{};
}

// place_extension where the object lies: its attributes in place when each is named exactly,
// else built anew as the copy builds them; null where the copy leaves the extension out.
Status<> extension_in_place(Builder& b, const Schema& ext, nlohmann::json& value) {
  if (auto st = extension_usable(b, ext, value); !st) return st;
  if (is_unassigned(value)) {
    value = nullptr;
    return Ok{};
  }
  auto& members = value.get_ref<nlohmann::json::object_t&>();
  const bool exact = std::all_of(members.begin(), members.end(), [&](const auto& member) {
    const Attribute* attr = ext.find(member.first);
    return attr != nullptr && attr->name == member.first;
  });
  if (exact) {
    for (auto& [key, attr_value] : members) {
      if (auto st = attribute_in_place(*ext.find(key), attr_value, ext.id, b.ctx); !st) return st;
    }
    std::erase_if(members, [](const auto& member) { return member.second.is_null(); });
  } else {
    auto data = extension_data(b, ext, members);
    if (!data) return data.error();
    value = std::move(*data);
  }
  if (value.empty()) value = nullptr;
  return Ok{};
}

// The top level of a given-up input in place, when name_members allowed it: each member as
// place_member would place it, in the same order; then the members left out are dropped and
// "schemas" gets the URNs read.
Status<> place_in_place(Builder& b, nlohmann::json::object_t& members, const Named* named) {
  std::size_t i = 0;
  for (auto& [key, value] : members) {
    const Named& n = named[i++];
    if (n.schemas) continue;
    auto st = n.ext != nullptr ? extension_in_place(b, *n.ext, value)
                               : attribute_in_place(*n.attr, value, {}, b.ctx);
    if (!st) return st;
  }
  std::erase_if(members, [](const auto& member) { return member.second.is_null(); });
  members["schemas"] = b.schemas;
  return Ok{};
}

template <class Json>
Result<ValidatedResource> validate(Json& input, const Registry& registry, const ResourceType& type,
                                   WriteMode mode, const nlohmann::json* existing,
                                   const ValueOptions& options) {
  if (!input.is_object()) return invalid_syntax("the resource must be a JSON object");
  if (options.interop.undefined_is_invalid_syntax) {
    if (auto st = check_defined(input, registry, type); !st) return st.error();
  }
  const Schema* core = registry.find_schema(type.schema);
  if (core == nullptr) return http_error(500, "core schema '" + type.schema + "' is not loaded");
  const auto* schemas_json = lookup_member(input, "schemas");
  if (schemas_json == nullptr) {
    return invalid_syntax("\"schemas\" is required and must list '" + type.schema + "'");
  }
  auto schemas = read_schemas(*schemas_json, registry, type);
  if (!schemas) return schemas.error();

  ValueContext ctx{options};
  Builder builder{registry, type, *schemas, ctx};
  bool in_place = false;  // a given-up input whose members all name what they mean exactly
  if constexpr (!std::is_const_v<Json>) {
    auto& members = input.template get_ref<nlohmann::json::object_t&>();
    Named named[kInPlaceMembers];
    if (name_members(builder, *core, members, named)) {
      if (auto st = place_in_place(builder, members, named); !st) return st.error();
      builder.out = std::move(input);
      in_place = true;
    }
  }
  if (!in_place) {
    for (auto& [key, value] : input.template get_ref<MembersOf<Json>&>()) {
      if (auto st = place_member(builder, *core, key, value); !st) return st.error();
    }
    builder.out["schemas"] = *schemas;
  }
  if (mode == WriteMode::Replace && existing != nullptr) {
    auto st = check_immutable(builder.out, *existing, registry, type);
    if (!st) return st.error();
  }
  if (auto st = check_required(builder.out, registry, type); !st) return st.error();
  return ValidatedResource{std::move(builder.out), ctx.accepted_non_canonical_value};
}

}  // namespace

Result<ValidatedResource> validate_resource(const nlohmann::json& input, const Registry& registry,
                                            const ResourceType& type, WriteMode mode,
                                            const nlohmann::json* existing,
                                            const ValueOptions& options) {
  return validate(input, registry, type, mode, existing, options);
}

Result<ValidatedResource> validate_resource(nlohmann::json&& input, const Registry& registry,
                                            const ResourceType& type, WriteMode mode,
                                            const nlohmann::json* existing,
                                            const ValueOptions& options) {
  return validate(input, registry, type, mode, existing, options);
}

}  // namespace scim::engine
