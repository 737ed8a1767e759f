// One PATCH operation with a path in RFC form (RFC 7644 §3.5.2): null or [] as "unassigned"
// (null-as-unassigned), operations on readOnly attributes dropped (readonly-in-input), values
// rewritten for the attribute they target, and remove-with-value handed to its own rewrite.
#include <string>

#include "scim/server/engine/lenient/rewrite.hpp"
#include "scim/server/engine/validate/json_access.hpp"

namespace scim::engine::lenient {

namespace {

std::string_view op_name(OpKind kind) {
  switch (kind) {
    case OpKind::Add:
      return "add";
    case OpKind::Remove:
      return "remove";
    case OpKind::Replace:
      break;
  }
  return "replace";
}

// Okta and custom clients echo GET output back, readOnly attributes (groups, meta, members'
// display) included; RFC 7644 §3.5.2 makes modifying them 400 mutability. The operation is
// dropped, which is what the client meant. A sub-attribute of a multi-valued attribute without a
// filter is left to the strict engine, which asks for the filter.
bool targets_read_only(const PatchPath& path) {
  const Attribute& attr = *path.attribute();
  if (attr.mutability == Mutability::ReadOnly) return true;
  return path.sub != nullptr && path.sub->mutability == Mutability::ReadOnly &&
         (path.filter.has_value() || !attr.multi_valued);
}

// The value an add/replace writes, for the attribute or sub-attribute the path selects.
nlohmann::json rewrite_target_value(LeniencyLog& log, const PatchPath& path,
                                    const nlohmann::json& value) {
  const Attribute& attr = *path.attribute();
  if (path.filter.has_value()) {
    return path.sub != nullptr ? rewrite_simple(log, *path.sub, value)
                               : rewrite_element(log, attr, value);
  }
  if (path.sub != nullptr) return attr.multi_valued ? value : rewrite_simple(log, *path.sub, value);
  return rewrite_patch_value(log, attr, value);
}

// {"path": "urn:...:enterprise:2.0:User", "value": {...}} applies the extension's attributes one
// by one, exactly as the path-less {"value": {"urn:...:enterprise:2.0:User": {...}}} does, so it is
// rewritten in that form when one of them needs a rewrite (and kept as sent otherwise).
Operations rewrite_extension_write(RewriteContext& ctx, OpKind kind, const PatchPath& path,
                                   const nlohmann::json& value) {
  const nlohmann::json as_sent = make_operation(kind, path.text, &value);
  if (!value.is_object() || value.empty()) return {as_sent};
  const nlohmann::json pathless = {{path.text, value}};
  Operations ops = rewrite_pathless(ctx, kind, pathless);
  if (ops.size() == 1 && ops.front() == make_operation(kind, nullptr, &pathless)) return {as_sent};
  return ops;
}

}  // namespace

bool names_no_attribute(const RewriteContext& ctx, std::string_view text) {
  const std::string_view head = text.substr(0, text.find('['));
  return !head.empty() && !parse_path(ctx, head).has_value();
}

nlohmann::json make_operation(OpKind kind, const nlohmann::json& path,
                              const nlohmann::json* value) {
  nlohmann::json op = {{"op", op_name(kind)}};
  if (!path.is_null()) op["path"] = path;
  if (value != nullptr) op["value"] = *value;
  return op;
}

std::optional<PatchPath> parse_path(const RewriteContext& ctx, std::string_view text) {
  auto path = parse_patch_path(text, ctx.registry, ctx.type, ctx.limits.max_path_length);
  if (!path) return std::nullopt;
  return std::move(*path);
}

WriteRewrite rewrite_write(RewriteContext& ctx, OpKind kind, const PatchPath& path,
                           const nlohmann::json& value) {
  using Action = WriteRewrite::Action;
  if (is_unassigned(value)) {
    // Entra ID and Okta clear attributes with null or []: RFC 7643 §2.5 makes that "unassigned",
    // but PATCH has no null; the RFC form of "replace with nothing" is remove, of "add nothing"
    // no operation at all.
    ctx.log.record(kNullAsUnassigned);
    return {kind == OpKind::Add ? Action::Drop : Action::Remove, {}};
  }
  if (path.attribute() == nullptr) return {Action::Keep, value};
  if (targets_read_only(path)) {
    ctx.log.record(kReadOnlyInInput);
    return {Action::Drop, {}};
  }
  return {Action::Keep, rewrite_target_value(ctx.log, path, value)};
}

Operations rewrite_path_operation(RewriteContext& ctx, OpKind kind, const std::string& text,
                                  const nlohmann::json& value) {
  auto path = parse_path(ctx, text);
  if (!path && names_no_attribute(ctx, text)) {
    ctx.log.record(kUnknownAttribute);
    return {};
  }
  if (!path) return {make_operation(kind, text, &value)};
  if (path->attribute() == nullptr && !is_unassigned(value)) {
    return rewrite_extension_write(ctx, kind, *path, value);
  }
  WriteRewrite write = rewrite_write(ctx, kind, *path, value);
  switch (write.action) {
    case WriteRewrite::Action::Keep:
      return {make_operation(kind, path->text, &write.value)};
    case WriteRewrite::Action::Drop:
      return {};
    case WriteRewrite::Action::Remove:
      break;
  }
  return rewrite_remove(ctx, *path, nullptr);
}

Operations rewrite_remove(RewriteContext& ctx, const PatchPath& path, const nlohmann::json* value) {
  const nlohmann::json as_sent = make_operation(OpKind::Remove, path.text, value);
  // A bare extension URN removes the extension; the strict engine ignores any value there.
  if (path.attribute() == nullptr) return {as_sent};
  const Attribute& attr = *path.attribute();
  if (attr.mutability == Mutability::ReadOnly) {
    ctx.log.record(kReadOnlyInInput);
    return {};
  }
  if (value != nullptr) {
    const bool plain = attr.multi_valued && !path.filter.has_value() && path.sub == nullptr;
    return plain ? rewrite_remove_with_value(ctx, path, *value) : Operations{as_sent};
  }
  // `members[value eq "x"].display`: removing a readOnly sub-attribute of the selected values. A
  // required one stays an error (400 mutability), as in strict mode.
  if (path.filter.has_value() && path.sub != nullptr &&
      path.sub->mutability == Mutability::ReadOnly && !path.sub->required) {
    ctx.log.record(kReadOnlyInInput);
    return {};
  }
  return {as_sent};
}

}  // namespace scim::engine::lenient
