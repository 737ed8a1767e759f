// Complex and multi-valued attribute shapes (RFC 7643 §2.3.8, §2.4, §2.5).
#include "scim/server/engine/validate/value_shape.hpp"

#include <string>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/engine/validate/handed.hpp"
#include "scim/server/engine/validate/json_access.hpp"

namespace scim::engine {

namespace {

// The functions below read `Json` (handed.hpp): a value kept is copied, one given up is moved.
// Errors are decided before a value is moved and name attributes, never moved values: both forms
// answer alike.
template <class Json>
Result<nlohmann::json> normalize_complex(const Attribute& attr, Json& value, const AttrName& name,
                                         ValueContext& ctx) {
  if (!value.is_object()) {
    return invalid_value("attribute '" + name.str() +
                         "' is complex and needs a JSON object of sub-attributes, got " +
                         value.dump().substr(0, 80));
  }
  nlohmann::json out = nlohmann::json::object();
  for (auto& [key, sub_value] : value.template get_ref<MembersOf<Json>&>()) {
    const Attribute* sub = attr.find_sub(key);
    if (sub == nullptr) {
      return invalid_value("unknown sub-attribute '" + AttrName(name, ".", key).str() + "'");
    }
    if (out.contains(sub->name)) {
      return invalid_value("sub-attribute '" + AttrName(name, ".", sub->name).str() +
                           "' is given twice");
    }
    // RFC 7643 §2.5 (null is unassigned); RFC 7644 §3.5.1 (readOnly input is ignored).
    if (sub_value.is_null() || sub->mutability == Mutability::ReadOnly) continue;
    auto normalized =
        normalize_simple_value(*sub, handed(sub_value), AttrName(name, ".", sub->name), ctx);
    if (!normalized) return normalized.error();
    out[sub->name] = std::move(*normalized);
  }
  return out;
}

Status<> check_required_subs(const Attribute& attr, const nlohmann::json& element,
                             const AttrName& name) {
  for (const auto& sub : attr.sub_attributes) {
    if (sub.required && sub.mutability != Mutability::ReadOnly && !element.contains(sub.name)) {
      return invalid_value("required sub-attribute '" + AttrName(name, ".", sub.name).str() +
                           "' is missing");
    }
  }
  return Ok{};
}

template <class Json>
Result<nlohmann::json> element_of(const Attribute& attr, Json& value, const AttrName& name,
                                  ValueContext& ctx) {
  if (value.is_null()) {
    return invalid_value("attribute '" + name.str() + "' contains a null value");
  }
  if (!attr.is_complex()) return normalize_simple_value(attr, handed(value), name, ctx);
  auto out = normalize_complex(attr, value, name, ctx);
  if (!out) return out;
  if (!out->empty()) {
    if (auto required = check_required_subs(attr, *out, name); !required) return required.error();
  }
  return out;
}

template <class Json>
Result<nlohmann::json> normalize_multi(const Attribute& attr, Json& value, const AttrName& name,
                                       ValueContext& ctx) {
  if (!value.is_array()) {
    return invalid_value("attribute '" + name.str() + "' is multi-valued and needs a JSON array");
  }
  if (value.size() > ctx.options.limits.max_values_per_attribute) {
    return invalid_value("attribute '" + name.str() + "' has more than " +
                         std::to_string(ctx.options.limits.max_values_per_attribute) + " values");
  }
  nlohmann::json out = nlohmann::json::array();
  for (auto& element : value) {
    auto normalized = element_of(attr, element, name, ctx);
    if (!normalized) return normalized.error();
    if (normalized->is_object() && normalized->empty()) {
      return invalid_value("a value of '" + name.str() + "' has no writable sub-attributes");
    }
    out.push_back(std::move(*normalized));
  }
  if (auto primary = check_single_primary(out, name); !primary) return primary.error();
  if (out.empty()) return nlohmann::json();
  return out;  // moved: a conditional expression here would copy the array
}

template <class Json>
Result<nlohmann::json> attribute_value_of(const Attribute& attr, Json& value, const AttrName& name,
                                          ValueContext& ctx) {
  if (is_unassigned(value)) return nlohmann::json();
  if (attr.multi_valued) return normalize_multi(attr, value, name, ctx);
  auto out = element_of(attr, value, name, ctx);
  if (out && out->is_object() && out->empty()) return nlohmann::json();
  return out;
}

}  // namespace

Result<nlohmann::json> normalize_element(const Attribute& attr, const nlohmann::json& value,
                                         const AttrName& name, ValueContext& ctx) {
  return element_of(attr, value, name, ctx);
}

Result<nlohmann::json> normalize_attribute_value(const Attribute& attr, const nlohmann::json& value,
                                                 const AttrName& name, ValueContext& ctx) {
  return attribute_value_of(attr, value, name, ctx);
}

Result<nlohmann::json> normalize_attribute_value(const Attribute& attr, nlohmann::json&& value,
                                                 const AttrName& name, ValueContext& ctx) {
  return attribute_value_of(attr, value, name, ctx);
}

Status<> check_single_primary(const nlohmann::json& values, const AttrName& name) {
  int primaries = 0;
  for (const auto& element : values) {
    const auto* primary = lookup_member(element, "primary");
    if (primary != nullptr && primary->is_boolean() && primary->get<bool>()) ++primaries;
  }
  if (primaries > 1) {
    return invalid_value("attribute '" + name.str() +
                         "' has more than one value with \"primary\": true (RFC 7643 §2.4)");
  }
  return Ok{};
}

bool element_contains(const nlohmann::json& have, const nlohmann::json& wanted) {
  if (!wanted.is_object() || !have.is_object()) return have == wanted;
  for (const auto& [key, value] : wanted.items()) {
    const auto* mine = lookup_member(have, key);
    if (mine == nullptr || *mine != value) return false;
  }
  return true;
}

}  // namespace scim::engine
