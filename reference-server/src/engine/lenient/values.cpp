// Values in RFC form (RFC 7643 §2.3, §2.3.8, §2.4): "True"/"False" strings for booleans
// (boolean-string), a bare string for a complex attribute with a "value" sub-attribute
// (complex-value-shorthand), and sub-attribute names in another case (attribute-name-case,
// observed). The walk follows the one the strict engine's value checks make (validate/
// value_shape.cpp), so a name is recorded only where the engine would have looked.
#include <string>

#include "scim/protocol/strings.hpp"
#include "scim/server/engine/lenient/rewrite.hpp"
#include "scim/server/engine/validate/json_access.hpp"

namespace scim::engine::lenient {

void observe_name(LeniencyLog& log, std::string_view written, std::string_view canonical) {
  if (written != canonical) log.record(kAttributeNameCase);
}

void observe_member(LeniencyLog& log, const nlohmann::json& object, std::string_view name) {
  if (lookup_member(object, name) != nullptr && !object.contains(std::string(name))) {
    log.record(kAttributeNameCase);
  }
}

nlohmann::json rewrite_simple(LeniencyLog& log, const Attribute& attr,
                              const nlohmann::json& value) {
  // Entra ID sends {"op":"Replace","path":"active","value":"False"}.
  if (attr.type != AttributeType::Boolean || !value.is_string()) return value;
  const auto& text = value.get_ref<const std::string&>();
  const bool is_true = iequals(text, "true");
  if (!is_true && !iequals(text, "false")) return value;
  log.record(kBooleanString);
  return is_true;
}

nlohmann::json rewrite_element(LeniencyLog& log, const Attribute& attr,
                               const nlohmann::json& value) {
  if (!attr.is_complex()) return value.is_null() ? value : rewrite_simple(log, attr, value);
  if (!value.is_object()) return value;
  nlohmann::json out = value;
  for (const auto& [key, sub_value] : value.items()) {
    const Attribute* sub = attr.find_sub(key);
    if (sub == nullptr) continue;  // the strict engine names the unknown sub-attribute
    observe_name(log, key, sub->name);
    // Null sub-attributes are unassigned and readOnly ones are ignored (RFC 7644 §3.5.1).
    if (sub_value.is_null() || sub->mutability == Mutability::ReadOnly) continue;
    out[key] = rewrite_simple(log, *sub, sub_value);
  }
  return out;
}

nlohmann::json rewrite_attribute_value(LeniencyLog& log, const Attribute& attr,
                                       const nlohmann::json& value) {
  if (is_unassigned(value)) return value;
  if (!attr.multi_valued) return rewrite_element(log, attr, value);
  if (!value.is_array()) return value;
  nlohmann::json out = nlohmann::json::array();
  for (const auto& element : value) out.push_back(rewrite_element(log, attr, element));
  return out;
}

nlohmann::json rewrite_patch_value(LeniencyLog& log, const Attribute& attr,
                                   const nlohmann::json& value) {
  // A single value for a multi-valued attribute is RFC form (§3.5.2.1); the engine wraps it.
  if (attr.multi_valued && !value.is_array()) return rewrite_element(log, attr, value);
  // Entra ID sends the manager id as a bare string: {"path": "...:manager", "value": "id"}.
  if (attr.is_complex() && !attr.multi_valued && value.is_string() &&
      attr.find_sub("value") != nullptr) {
    log.record(kComplexValueShorthand);
    return rewrite_element(log, attr, nlohmann::json{{"value", value}});
  }
  return rewrite_attribute_value(log, attr, value);
}

}  // namespace scim::engine::lenient
