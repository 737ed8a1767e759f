// Path-less "add" and "replace" (RFC 7644 §3.5.2.1, §3.5.2.3): the value object is a set of
// attributes, each applied as if its name were the path. Names may be dotted ("name.givenName")
// or URN-qualified; an extension URN key carries that extension's attributes. Value paths are not
// attribute names, so they are refused as keys.
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/engine/patch/ops.hpp"
#include "scim/server/engine/validate/json_access.hpp"
#include "scim/server/engine/validate/rules.hpp"

namespace scim::engine {

namespace {

Status<> apply_member(PatchContext& ctx, PatchOpKind kind, const PatchPath& path,
                      const nlohmann::json& value) {
  return kind == PatchOpKind::Add ? apply_add(ctx, path, value) : apply_replace(ctx, path, value);
}

// "id" is readOnly (RFC 7643 §3.1), even when the value repeats the resource's own id.
Status<> pathless_id(PatchContext& ctx, const nlohmann::json& value) {
  const auto* id = lookup_member(ctx.doc, "id");
  const bool same = id != nullptr && *id == value;
  return mutability(same ? "attribute 'id' is readOnly; leave it out of the value"
                         : "attribute 'id' is readOnly and differs from the resource's id");
}

// "schemas" in a path-less value may only name extensions of the type (which get listed).
Status<> pathless_schemas(PatchContext& ctx, const nlohmann::json& value) {
  auto urns = read_schemas(value, ctx.registry, ctx.type);
  if (!urns) return urns.error();
  for (const auto& urn : *urns) {
    if (urn == ctx.type.schema) continue;
    ResolvedAttribute ext;
    ext.schema = ctx.registry.find_schema(urn);
    ext.is_extension = true;
    target_container(ctx, ext, true);
  }
  return Ok{};
}

Status<> pathless_member(PatchContext& ctx, PatchOpKind kind, const std::string& key,
                         const nlohmann::json& value) {
  if (iequals(key, "schemas")) return pathless_schemas(ctx, value);
  if (iequals(key, "id")) return pathless_id(ctx, value);
  if (const Schema* ext = find_extension(ctx.registry, ctx.type, key); ext != nullptr) {
    return apply_extension_object(ctx, kind, *ext, value);
  }
  // §3.5.2.1 makes a path-less value a set of attributes, not of paths.
  if (key.find('[') != std::string::npos) {
    return invalid_path("attribute name '" + key.substr(0, 200) +
                        "' in a path-less value may not contain a value filter (RFC 7644 "
                        "§3.5.2.1); send it as an operation with \"path\"");
  }
  auto path = parse_patch_path(key, ctx.registry, ctx.type, ctx.options.limits.max_path_length);
  if (!path) return invalid_value("unknown attribute '" + key + "': " + path.error().detail);
  return apply_member(ctx, kind, *path, value);
}

}  // namespace

Status<> apply_pathless(PatchContext& ctx, PatchOpKind kind, const nlohmann::json& value) {
  if (!value.is_object() || value.empty()) {
    return invalid_value(
        "without a \"path\", \"value\" must be a JSON object with at least one attribute "
        "(RFC 7644 §3.5.2.1)");
  }
  for (const auto& [key, member] : value.items()) {
    if (auto st = pathless_member(ctx, kind, key, member); !st) return st;
  }
  return Ok{};
}

Status<> apply_extension_object(PatchContext& ctx, PatchOpKind kind, const Schema& extension,
                                const nlohmann::json& value) {
  if (!value.is_object()) {
    return invalid_value("extension '" + extension.id + "' needs a JSON object of its attributes");
  }
  for (const auto& [key, member] : value.items()) {
    auto resolved = ctx.registry.resolve(ctx.type, extension.id + ":" + key);
    if (!resolved || resolved->attribute == nullptr) {
      return invalid_value("unknown attribute '" + extension.id + ":" + key + "'");
    }
    PatchPath path;
    path.text = extension.id + ":" + key;
    path.target = std::move(*resolved);
    path.sub = path.target.sub_attribute;
    if (auto st = apply_member(ctx, kind, path, member); !st) return st;
  }
  return Ok{};
}

}  // namespace scim::engine
