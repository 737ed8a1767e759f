// A path-less add/replace in RFC form (RFC 7644 §3.5.2.1, §3.5.2.3). The strict engine applies
// the value object's members one by one, in the object's (sorted) key order, each as if its name
// were the path. The rewrite walks the members in that order and
//  - keeps a member, its value rewritten for its attribute;
//  - drops a member that changes nothing: a readOnly attribute (readonly-in-input), "id" equal to
//    the resource's id (pathless-replace-id), add of null or [] (null-as-unassigned);
//  - turns a member into an operation of its own where RFC form needs a path: a value path as
//    key (pathless-value-paths), replace of null or [] (a remove, null-as-unassigned);
//  - drops a member that names no attribute (unknown-attribute).
// Kept members between two such operations form one path-less operation, so everything applies
// in the original order. A value whose members all drop leaves no operation.
#include <string>
#include <utility>

#include "scim/protocol/strings.hpp"
#include "scim/server/engine/lenient/rewrite.hpp"
#include "scim/server/engine/validate/rules.hpp"

namespace scim::engine::lenient {

namespace {

// The operations a path-less value becomes: runs of kept members and the operations between them.
class Segments {
 public:
  explicit Segments(OpKind kind) : kind_(kind) {}

  // Keeps `value` under `key`, inside the extension object `container` when one is named.
  void keep(const std::string& container, const std::string& key, nlohmann::json value) {
    nlohmann::json& target = container.empty() ? current_ : current_[container];
    target[key] = std::move(value);
  }
  void emit(Operations ops) {
    if (ops.empty()) return;
    flush();
    for (auto& op : ops) out_.push_back(std::move(op));
  }
  Operations finish() {
    flush();
    return std::move(out_);
  }

 private:
  void flush() {
    if (current_.empty()) return;
    out_.push_back(make_operation(kind_, nullptr, &current_));
    current_ = nlohmann::json::object();
  }

  OpKind kind_;
  nlohmann::json current_ = nlohmann::json::object();
  Operations out_;
};

// One attribute of the value (or of an extension object in it) at `path`.
void rewrite_member(RewriteContext& ctx, OpKind kind, const PatchPath& path,
                    const std::string& container, const std::string& key,
                    const nlohmann::json& value, Segments& out) {
  WriteRewrite write = rewrite_write(ctx, kind, path, value);
  switch (write.action) {
    case WriteRewrite::Action::Keep:
      out.keep(container, key, std::move(write.value));
      return;
    case WriteRewrite::Action::Drop:
      return;
    case WriteRewrite::Action::Remove:
      out.emit(rewrite_remove(ctx, path, nullptr));
      return;
  }
}

// Okta renames a group with {"op":"replace","value":{"id":"<its id>","displayName":"new"}}. A
// different id stays a 400 mutability.
void rewrite_id(RewriteContext& ctx, const std::string& key, const nlohmann::json& value,
                Segments& out) {
  if (ctx.resource_id.has_value() && value.is_string() &&
      value.get_ref<const std::string&>() == *ctx.resource_id) {
    ctx.log.record(kPathlessReplaceId);
    return;
  }
  out.keep("", key, value);
}

// {"urn:...:enterprise:2.0:User": {"department": "x", "manager": "id"}}: each member is an
// attribute of the extension.
void rewrite_extension_object(RewriteContext& ctx, OpKind kind, const Schema& extension,
                              const std::string& key, const nlohmann::json& value, Segments& out) {
  if (!value.is_object() || value.empty()) {
    out.keep("", key, value);
    return;
  }
  for (const auto& [name, member] : value.items()) {
    std::optional<PatchPath> path;
    if (name.find('[') == std::string::npos) path = parse_path(ctx, extension.id + ":" + name);
    if (!path || path->attribute() == nullptr) {
      ctx.log.record(kUnknownAttribute);  // no attribute of the extension: dropped
      continue;
    }
    rewrite_member(ctx, kind, *path, key, name, member, out);
  }
}

void rewrite_key(RewriteContext& ctx, OpKind kind, const std::string& key,
                 const nlohmann::json& value, Segments& out) {
  if (iequals(key, "schemas")) return out.keep("", key, value);
  if (iequals(key, "id")) return rewrite_id(ctx, key, value, out);
  if (const Schema* ext = find_extension(ctx.registry, ctx.type, key); ext != nullptr) {
    return rewrite_extension_object(ctx, kind, *ext, key, value, out);
  }
  if (key.find('[') != std::string::npos) {
    // Entra ID (aadOptscim062020): {"op":"replace","value":{"emails[type eq \"work\"].value":
    // "x"}}. A path-less value holds attribute names, not paths: the key becomes a path.
    ctx.log.record(kPathlessValuePaths);
    return out.emit(rewrite_path_operation(ctx, kind, key, value));
  }
  auto path = parse_path(ctx, key);
  if (!path) return ctx.log.record(kUnknownAttribute);  // names no attribute: dropped
  observe_name(ctx.log, key, path->target.path.to_string());
  rewrite_member(ctx, kind, *path, "", key, value, out);
}

}  // namespace

Operations rewrite_pathless(RewriteContext& ctx, OpKind kind, const nlohmann::json& value) {
  if (!value.is_object() || value.empty()) return {make_operation(kind, nullptr, &value)};
  Segments out(kind);
  for (const auto& [key, member] : value.items()) rewrite_key(ctx, kind, key, member, out);
  return out.finish();
}

}  // namespace scim::engine::lenient
