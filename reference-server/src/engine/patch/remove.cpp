// The PATCH "remove" operation (RFC 7644 §3.5.2.2).
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/engine/patch/ops.hpp"
#include "scim/server/engine/validate/json_access.hpp"

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
  if (auto st = writable(attr, name); !st) return st;
  if (value != nullptr) {
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
