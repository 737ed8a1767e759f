// The PATCH "replace" operation with a path (RFC 7644 §3.5.2.3).
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/server/engine/patch/ops.hpp"
#include "scim/server/engine/validate/json_access.hpp"

namespace scim::engine {

Status<> apply_replace(PatchContext& ctx, const PatchPath& path, const nlohmann::json& value) {
  if (is_unassigned(value)) {
    // RFC 7643 §2.5 makes null and [] "unassigned", but a PATCH replace has no defined null:
    // clearing an attribute is "remove".
    return invalid_value("\"replace\" of '" + path.text +
                         "' needs a value; use \"remove\" to clear an attribute");
  }
  if (path.attribute() == nullptr) {
    return apply_extension_object(ctx, PatchOpKind::Replace, *path.target.schema, value);
  }
  const Attribute& attr = *path.attribute();
  const std::string name = path.target.path.to_string();
  if (auto st = writable(attr, name); !st) return st;
  if (path.filter.has_value()) return write_value_path(ctx, PatchOpKind::Replace, path, value);
  if (path.sub != nullptr) return write_sub_attribute(ctx, path, value);
  auto prepared = prepare_whole_value(ctx, attr, value, name);
  if (!prepared) return prepared.error();
  if (prepared->is_null()) return apply_remove(ctx, path, nullptr);
  nlohmann::json& container = *target_container(ctx, path.target, true);
  Status<> st = Ok{};
  if (attr.is_complex() && !attr.multi_valued && !ctx.options.interop.replace_complex_whole) {
    // "Sub-attributes that are not specified in the value parameter are left unchanged."
    st = merge_complex(container, attr, *prepared, name);
  } else {
    // Multi-valued: "the attribute and all values are replaced"; simple: the value is replaced;
    // a singular complex one too under the interop profile (§6.5.2.1 "MUST replace the entire
    // complex attribute with the provided object").
    st = check_immutable_change(attr, lookup_member(container, attr.name), &*prepared, name);
    if (st) set_member(container, attr.name, std::move(*prepared));
  }
  tidy_extension(ctx, path.target);
  return st;
}

}  // namespace scim::engine
