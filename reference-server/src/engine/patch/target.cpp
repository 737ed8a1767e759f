// Shared PATCH helpers: where an attribute lives, mutability gates, "primary" handling and value
// preparation (RFC 7644 §3.5.2; RFC 7643 §2.4, §7).
#include <algorithm>
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/engine/patch/ops.hpp"
#include "scim/server/engine/validate/json_access.hpp"
#include "scim/server/engine/validate/value_shape.hpp"

namespace scim::engine {

namespace {

void list_schema(nlohmann::json& doc, const std::string& urn) {
  nlohmann::json* schemas = lookup_member(doc, "schemas");
  if (schemas == nullptr || !schemas->is_array()) {
    set_member(doc, "schemas", nlohmann::json::array());
    schemas = lookup_member(doc, "schemas");
  }
  for (const auto& s : *schemas) {
    if (s.is_string() && iequals(s.get_ref<const std::string&>(), urn)) return;
  }
  schemas->push_back(urn);
}

void unlist_schema(nlohmann::json& doc, const std::string& urn) {
  nlohmann::json* schemas = lookup_member(doc, "schemas");
  if (schemas == nullptr || !schemas->is_array()) return;
  nlohmann::json kept = nlohmann::json::array();
  for (auto& s : *schemas) {
    if (!(s.is_string() && iequals(s.get_ref<const std::string&>(), urn))) kept.push_back(s);
  }
  *schemas = std::move(kept);
}

bool is_primary(const nlohmann::json& element) {
  const auto* primary = lookup_member(element, "primary");
  return primary != nullptr && primary->is_boolean() && primary->get<bool>();
}

}  // namespace

nlohmann::json* target_container(PatchContext& ctx, const ResolvedAttribute& target, bool create) {
  if (!target.is_extension || target.schema == nullptr) return &ctx.doc;
  const std::string& urn = target.schema->id;
  nlohmann::json* ext = lookup_member(ctx.doc, urn);
  if (ext != nullptr && ext->is_object()) {
    if (create) list_schema(ctx.doc, urn);
    return ext;
  }
  if (!create) return nullptr;
  set_member(ctx.doc, urn, nlohmann::json::object());
  list_schema(ctx.doc, urn);
  return lookup_member(ctx.doc, urn);
}

void tidy_extension(PatchContext& ctx, const ResolvedAttribute& target) {
  if (!target.is_extension || target.schema == nullptr) return;
  const std::string& urn = target.schema->id;
  const nlohmann::json* ext = lookup_member(ctx.doc, urn);
  if (ext != nullptr && ext->is_object() && !ext->empty()) return;
  erase_member(ctx.doc, urn);
  for (const auto& e : ctx.type.extensions) {
    if (iequals(e.schema, urn) && e.required) return;
  }
  unlist_schema(ctx.doc, urn);
}

Status<> writable(const Attribute& attr, std::string_view name) {
  if (attr.mutability != Mutability::ReadOnly) return Ok{};
  return mutability("attribute '" + std::string(name) +
                    "' is readOnly and cannot be modified (RFC 7644 §3.5.2)");
}

Status<> check_immutable_change(const Attribute& attr, const nlohmann::json* existing,
                                const nlohmann::json* incoming, std::string_view name) {
  if (attr.mutability != Mutability::Immutable) return Ok{};
  if (existing == nullptr || is_unassigned(*existing)) return Ok{};
  if (incoming != nullptr && *incoming == *existing) return Ok{};
  return mutability("attribute '" + std::string(name) +
                    "' is immutable and already has a value (RFC 7644 §3.5.2)");
}

Status<> settle_primary(nlohmann::json& values, const std::vector<std::size_t>& fresh,
                        std::string_view name) {
  std::size_t winners = 0;
  for (std::size_t i : fresh) winners += is_primary(values[i]) ? 1 : 0;
  if (winners > 1) {
    return invalid_value("more than one value of '" + std::string(name) +
                         "' sets \"primary\": true (RFC 7643 §2.4)");
  }
  if (winners == 0) return check_single_primary(values, name);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const bool is_fresh = std::find(fresh.begin(), fresh.end(), i) != fresh.end();
    if (!is_fresh && is_primary(values[i])) set_member(values[i], "primary", false);
  }
  return Ok{};
}

Result<nlohmann::json> prepare_whole_value(PatchContext& ctx, const Attribute& attr,
                                           const nlohmann::json& value, std::string_view name) {
  // §3.5.2.1: the value "MAY be a quoted value, or ... a JSON object" even for a multi-valued
  // path, so a single value is wrapped.
  if (attr.multi_valued && !value.is_array()) {
    return normalize_attribute_value(attr, nlohmann::json::array({value}), name, ctx.values);
  }
  return normalize_attribute_value(attr, value, name, ctx.values);
}

Status<> write_sub_attribute(PatchContext& ctx, const PatchPath& path,
                             const nlohmann::json& value) {
  const Attribute& attr = *path.attribute();
  const std::string name = attr.name + "." + path.sub->name;
  if (attr.multi_valued) {
    return invalid_path("path \"" + path.text + "\" needs a value filter to pick values of '" +
                        attr.name + "', e.g. " + attr.name + "[type eq \"work\"]." +
                        path.sub->name);
  }
  if (auto st = writable(*path.sub, name); !st) return st;
  auto normalized = normalize_simple_value(*path.sub, value, name, ctx.values);
  if (!normalized) return normalized.error();
  nlohmann::json* container = target_container(ctx, path.target, true);
  nlohmann::json* have = lookup_member(*container, attr.name);
  if (have == nullptr || !have->is_object()) {
    set_member(*container, attr.name, nlohmann::json::object());
    have = lookup_member(*container, attr.name);
  }
  auto st =
      check_immutable_change(*path.sub, lookup_member(*have, path.sub->name), &*normalized, name);
  if (!st) return st;
  set_member(*have, path.sub->name, std::move(*normalized));
  return Ok{};
}

Status<> merge_complex(nlohmann::json& container, const Attribute& attr,
                       const nlohmann::json& value, std::string_view name) {
  nlohmann::json* have = lookup_member(container, attr.name);
  if (have == nullptr || !have->is_object()) {
    set_member(container, attr.name, value);
    return Ok{};
  }
  for (const auto& [key, sub_value] : value.items()) {
    const Attribute* sub = attr.find_sub(key);
    if (sub == nullptr) continue;  // normalised values only carry known sub-attributes
    auto st = check_immutable_change(*sub, lookup_member(*have, key), &sub_value,
                                     std::string(name) + "." + key);
    if (!st) return st;
    set_member(*have, sub->name, sub_value);
  }
  return Ok{};
}

}  // namespace scim::engine
