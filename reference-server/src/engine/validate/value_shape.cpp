// Complex and multi-valued attribute shapes (RFC 7643 §2.3.8, §2.4, §2.5).
#include "scim/server/engine/validate/value_shape.hpp"

#include <cstdint>
#include <iterator>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/engine/validate/handed.hpp"
#include "scim/server/engine/validate/json_access.hpp"

namespace scim::engine {

namespace {

// The functions below read `Json` (handed.hpp): a value kept is copied into a new value; one given
// up is normalised in place, so its nodes and strings stay where the parser put them. Errors are
// decided in the same order both ways, and name attributes, never values: both answer alike.

// Sub-attributes a complex value given up may have for the in-place path (a bit each).
constexpr std::size_t kInPlaceSubs = 64;

// Drops the members of a complex value that hold nothing (null, readOnly input: RFC 7643 §2.5,
// RFC 7644 §3.5.1) and gives the others their canonical names. Every member names a
// sub-attribute of `attr`, and no two kept members the same one (complex_in_place checked both).
void reshape_members(const Attribute& attr, nlohmann::json::object_t& members) {
  std::vector<nlohmann::json::object_t::node_type> renamed;
  for (auto it = members.begin(); it != members.end();) {
    const Attribute* sub = attr.find_sub(it->first);
    if (it->second.is_null() || sub->mutability == Mutability::ReadOnly) {
      it = members.erase(it);
    } else if (it->first == sub->name) {
      ++it;
    } else {
      auto next = std::next(it);
      renamed.push_back(members.extract(it));
      renamed.back().key() = sub->name;
      it = next;
    }
  }
  for (auto& node : renamed) members.insert(std::move(node));
}

// normalize_complex for a value given up: the checks of the copy below, in its order, on the
// members where they lie; then the object itself is the result.
Result<nlohmann::json> complex_in_place(const Attribute& attr, nlohmann::json& value,
                                        const AttrName& name, ValueContext& ctx) {
  auto& members = value.get_ref<nlohmann::json::object_t&>();
  std::uint64_t placed = 0;  // bit i: sub_attributes[i] holds a value (the copy's out.contains)
  bool reshape = false;      // a member to drop or to rename
  for (auto& [key, sub_value] : members) {
    const Attribute* sub = attr.find_sub(key);
    if (sub == nullptr) {
      return invalid_value("unknown sub-attribute '" + AttrName(name, ".", key).str() + "'");
    }
    const std::uint64_t bit = std::uint64_t{1} << (sub - attr.sub_attributes.data());
    if ((placed & bit) != 0) {
      return invalid_value("sub-attribute '" + AttrName(name, ".", sub->name).str() +
                           "' is given twice");
    }
    if (sub_value.is_null() || sub->mutability == Mutability::ReadOnly) {
      reshape = true;
      continue;
    }
    auto normalized =
        normalize_simple_value(*sub, std::move(sub_value), AttrName(name, ".", sub->name), ctx);
    if (!normalized) return normalized.error();
    sub_value = std::move(*normalized);
    placed |= bit;
    reshape = reshape || key != sub->name;
  }
  if (reshape) reshape_members(attr, members);
  return std::move(value);
}

template <class Json>
Result<nlohmann::json> normalize_complex(const Attribute& attr, Json& value, const AttrName& name,
                                         ValueContext& ctx) {
  if (!value.is_object()) {
    return invalid_value("attribute '" + name.str() +
                         "' is complex and needs a JSON object of sub-attributes, got " +
                         value.dump().substr(0, 80));
  }
  if constexpr (!std::is_const_v<Json>) {
    if (attr.sub_attributes.size() <= kInPlaceSubs) return complex_in_place(attr, value, name, ctx);
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

// One element of a multi-valued attribute, which must keep a writable sub-attribute.
template <class Json>
Result<nlohmann::json> listed_element(const Attribute& attr, Json& element, const AttrName& name,
                                      ValueContext& ctx) {
  auto normalized = element_of(attr, element, name, ctx);
  if (!normalized) return normalized;
  if (normalized->is_object() && normalized->empty()) {
    return invalid_value("a value of '" + name.str() + "' has no writable sub-attributes");
  }
  return normalized;
}

// The normalised elements as the attribute's value: null when there are none (RFC 7643 §2.5).
Result<nlohmann::json> multi_value_of(nlohmann::json values, const AttrName& name) {
  if (auto primary = check_single_primary(values, name); !primary) return primary.error();
  if (values.empty()) return nlohmann::json();
  return values;  // moved: a conditional expression here would copy the array
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
  if constexpr (std::is_const_v<Json>) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& element : value) {
      auto normalized = listed_element(attr, element, name, ctx);
      if (!normalized) return normalized.error();
      out.push_back(std::move(*normalized));
    }
    return multi_value_of(std::move(out), name);
  } else {
    for (auto& element : value) {  // in place: each element is replaced by its normalised self
      auto normalized = listed_element(attr, element, name, ctx);
      if (!normalized) return normalized.error();
      element = std::move(*normalized);
    }
    return multi_value_of(std::move(value), name);
  }
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
