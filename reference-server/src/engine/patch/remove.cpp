// The PATCH "remove" operation (RFC 7644 §3.5.2.2).
#include <string>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/engine/patch/ops.hpp"
#include "scim/server/engine/validate/json_access.hpp"
#include "scim/server/engine/validate/value_shape.hpp"

namespace scim::engine {

namespace {

// "If an attribute is removed or becomes unassigned and is defined as a required attribute or a
// read-only attribute, the server SHALL return ... mutability" (§3.5.2.2); immutable values may
// not change either.
Status<> removable(const Attribute& attr, const nlohmann::json* existing, std::string_view name) {
  if (attr.required) {
    return mutability("attribute '" + std::string(name) + "' is required and cannot be removed");
  }
  return check_immutable_change(attr, existing, nullptr, name);
}

Status<> remove_extension(PatchContext& ctx, const PatchPath& path) {
  const std::string& urn = path.target.schema->id;
  for (const auto& ext : ctx.type.extensions) {
    if (iequals(ext.schema, urn) && ext.required) {
      return mutability("extension '" + urn + "' is required and cannot be removed");
    }
  }
  erase_member(ctx.doc, urn);
  tidy_extension(ctx, path.target);
  return Ok{};
}

// Entra ID: {"op":"Remove","path":"members","value":[{"value":"id"}]} removes the listed values.
Status<> remove_listed(PatchContext& ctx, const PatchPath& path, const nlohmann::json& value) {
  const Attribute& attr = *path.attribute();
  const std::string name = path.target.path.to_string();
  const nlohmann::json listed = value.is_array() ? value : nlohmann::json::array({value});
  std::vector<nlohmann::json> doomed;
  for (const auto& element : listed) {
    auto normalized = normalize_element(attr, element, name, ctx.values);
    if (!normalized) return normalized.error();
    doomed.push_back(std::move(*normalized));
  }
  nlohmann::json* container = target_container(ctx, path.target, false);
  nlohmann::json* have = container == nullptr ? nullptr : lookup_member(*container, attr.name);
  if (have == nullptr || !have->is_array()) return Ok{};
  nlohmann::json kept = nlohmann::json::array();
  for (auto& element : *have) {
    bool drop = false;
    for (const auto& d : doomed) drop = drop || element_contains(element, d);
    if (!drop) kept.push_back(std::move(element));
  }
  if (kept.empty()) {
    erase_member(*container, attr.name);
  } else {
    *have = std::move(kept);
  }
  tidy_extension(ctx, path.target);
  return Ok{};
}

Status<> remove_sub(PatchContext& ctx, const PatchPath& path, const std::string& name) {
  const Attribute& attr = *path.attribute();
  if (attr.multi_valued) {
    return invalid_path("path \"" + path.text + "\" needs a value filter to pick values of '" +
                        attr.name + "'");
  }
  nlohmann::json* container = target_container(ctx, path.target, false);
  nlohmann::json* have = container == nullptr ? nullptr : lookup_member(*container, attr.name);
  if (have == nullptr || !have->is_object()) return Ok{};
  if (auto st = removable(*path.sub, lookup_member(*have, path.sub->name), name); !st) return st;
  erase_member(*have, path.sub->name);
  if (have->empty()) erase_member(*container, attr.name);
  tidy_extension(ctx, path.target);
  return Ok{};
}

}  // namespace

Status<> apply_remove(PatchContext& ctx, const PatchPath& path, const nlohmann::json* value) {
  if (path.attribute() == nullptr) return remove_extension(ctx, path);
  const Attribute& attr = *path.attribute();
  const std::string name = path.target.path.to_string();
  auto ok = writable(ctx, attr, name);
  if (!ok) return ok.error();
  if (!*ok) return Ok{};
  if (value != nullptr) {
    const bool plain = attr.multi_valued && !path.filter.has_value() && path.sub == nullptr;
    if (plain && ctx.log.allow(leniency::kRemoveWithValue)) return remove_listed(ctx, path, *value);
    // Without this check a "value" would be ignored and *every* value removed.
    return invalid_syntax("\"remove\" takes no \"value\"; select values with a filter, e.g. " +
                          attr.name + "[value eq \"...\"] (RFC 7644 §3.5.2.2)");
  }
  if (path.filter.has_value()) return remove_value_path(ctx, path);
  if (path.sub != nullptr) return remove_sub(ctx, path, name + "." + path.sub->name);
  nlohmann::json* container = target_container(ctx, path.target, false);
  if (container == nullptr) return removable(attr, nullptr, name);
  if (auto st = removable(attr, lookup_member(*container, attr.name), name); !st) return st;
  erase_member(*container, attr.name);
  tidy_extension(ctx, path.target);
  return Ok{};
}

}  // namespace scim::engine
