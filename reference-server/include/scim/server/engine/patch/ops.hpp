// Internal interface of the PATCH engine (RFC 7644 §3.5.2): the per-request context and one entry
// point per operation (add.cpp, remove.cpp, replace.cpp), the path-less
// expansion (pathless.cpp), value-path targets (value_path.cpp) and shared target helpers
// (target.cpp). Everything works on a private copy of the resource, so a failing operation
// simply discards the copy (atomicity, §3.5.2).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/engine/patch/patch.hpp"
#include "scim/server/engine/patch/path.hpp"
#include "scim/server/engine/validate/value_types.hpp"

namespace scim::engine {

enum class PatchOpKind { Add, Remove, Replace };

struct PatchContext {
  const Registry& registry;
  const ResourceType& type;
  const PatchOptions& options;
  ValueContext& values;
  nlohmann::json& doc;  // the working copy being patched
  // What the request needed of PatchOptions (reported in PatchResult).
  bool created_unmatched_value = false;
  bool ignored_unmatched_remove = false;
};

// ---- Operations (path given). `value` is the operation's "value" member.
Status<> apply_add(PatchContext& ctx, const PatchPath& path, const nlohmann::json& value);
Status<> apply_replace(PatchContext& ctx, const PatchPath& path, const nlohmann::json& value);
// `value` is null unless the client sent one (then 400 invalidSyntax unless the path is a bare
// extension URN, whose removal ignores it).
Status<> apply_remove(PatchContext& ctx, const PatchPath& path, const nlohmann::json* value);

// ---- Path-less add/replace (§3.5.2.1, §3.5.2.3): each member of the value object is applied as
// if it were an operation with that member's name as path (dotted and URN-qualified names work).
Status<> apply_pathless(PatchContext& ctx, PatchOpKind kind, const nlohmann::json& value);
// A bare extension URN as path: the value object's members are attributes of that extension.
Status<> apply_extension_object(PatchContext& ctx, PatchOpKind kind, const Schema& extension,
                                const nlohmann::json& value);

// ---- Value paths: "emails[type eq \"work\"]" and "emails[type eq \"work\"].value".
Status<> write_value_path(PatchContext& ctx, PatchOpKind kind, const PatchPath& path,
                          const nlohmann::json& value);
Status<> remove_value_path(PatchContext& ctx, const PatchPath& path);

// ---- The interop profile's narrower rules (InteropRules, interop_rules.cpp): 400 invalidSyntax
// for an operation without "path" (§6.5.1.1), for a path or value naming an undefined attribute
// (§5.3). `parse_error` is what parse_patch_path answered for `path_text`.
Status<> interop_require_path(const PatchOptions& options, const nlohmann::json* path);
ScimError interop_path_error(const PatchContext& ctx, std::string_view path_text,
                             ScimError parse_error);
Status<> interop_check_value(const PatchContext& ctx, const PatchPath& path,
                             const nlohmann::json& value);

// ---- Shared helpers.
// The object holding the attribute: the resource for core and common attributes, the extension
// object for extension attributes. With `create`, a missing extension object is created and its
// URN added to "schemas" (§3.5.2: adding a URN-qualified attribute adds its schema).
nlohmann::json* target_container(PatchContext& ctx, const ResolvedAttribute& target, bool create);
// Removes an extension object left empty, and its URN from "schemas" unless it is required.
void tidy_extension(PatchContext& ctx, const ResolvedAttribute& target);
// RFC 7644 §3.5.2: "a client MUST NOT modify an attribute that has mutability readOnly":
// 400 mutability.
Status<> writable(const Attribute& attr, std::string_view name);
// Immutable (§3.5.2): a value may be added when none exists; changing one is 400 mutability.
Status<> check_immutable_change(const Attribute& attr, const nlohmann::json* existing,
                                const nlohmann::json* incoming, std::string_view name);
// §3.5.2: setting "primary": true on the values at `fresh` clears it on every other value.
Status<> settle_primary(nlohmann::json& values, const std::vector<std::size_t>& fresh,
                        std::string_view name);
// Normalises a value meant for `attr` as a whole (wraps a single value for multi-valued
// attributes, as §3.5.2.1 allows).
Result<nlohmann::json> prepare_whole_value(PatchContext& ctx, const Attribute& attr,
                                           const nlohmann::json& value, std::string_view name);
// add/replace on "attr.sub" of a singular complex attribute ("name.givenName",
// "...:manager.value").
Status<> write_sub_attribute(PatchContext& ctx, const PatchPath& path, const nlohmann::json& value);
// Writes `value` (already normalised, singular complex) into the complex attribute, member by
// member: "sub-attributes that are not specified are left unchanged" (§3.5.2.3).
Status<> merge_complex(nlohmann::json& container, const Attribute& attr,
                       const nlohmann::json& value, std::string_view name);

}  // namespace scim::engine
