// Internals of the lenient pre-pass: the per-request log of applied leniencies, the request
// context, the value rewrites that POST/PUT and PATCH share (values.cpp) and the PATCH operation
// rewrites (operation.cpp, pathless.cpp, remove_with_value.cpp). Everything here only rewrites
// what it recognises; anything else is passed on unchanged for the strict engine to judge.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/schema.hpp"
#include "scim/server/engine/lenient/names.hpp"
#include "scim/server/engine/patch/path.hpp"
#include "scim/server/engine/validate/validate.hpp"

namespace scim::engine::lenient {

// The leniencies one request used: sorted, each name once.
class LeniencyLog {
 public:
  void record(std::string_view name) { used_.emplace(name); }
  void merge(const LeniencyLog& other) { used_.insert(other.used_.begin(), other.used_.end()); }
  std::vector<std::string> names() const { return {used_.begin(), used_.end()}; }

 private:
  std::set<std::string, std::less<>> used_;
};

// attribute-name-case: attribute and PatchOp member names are case-insensitive in both modes
// (RFC 7643 §2.1); a lenient request only reports a spelling that differs from the canonical one.
void observe_name(LeniencyLog& log, std::string_view written, std::string_view canonical);
// The same for the member `name` of `object`, when present only in another spelling.
void observe_member(LeniencyLog& log, const nlohmann::json& object, std::string_view name);

// ---- Values (values.cpp), each in RFC form for the attribute it is meant for.
// One simple value: "True"/"False" (any case) for a boolean attribute becomes a JSON boolean
// (boolean-string).
nlohmann::json rewrite_simple(LeniencyLog& log, const Attribute& attr, const nlohmann::json& value);
// One value of `attr`: an element of a multi-valued attribute or a singular value. A complex
// object's writable sub-attributes are rewritten as simple values and their names observed.
nlohmann::json rewrite_element(LeniencyLog& log, const Attribute& attr,
                               const nlohmann::json& value);
// The whole value of `attr` as a POST or PUT body carries it (an array for multi-valued ones).
nlohmann::json rewrite_attribute_value(LeniencyLog& log, const Attribute& attr,
                                       const nlohmann::json& value);
// The whole value of `attr` as a PATCH add or replace carries it: also a single value for a
// multi-valued attribute, and a bare string for a singular complex attribute with a "value"
// sub-attribute, which becomes {"value": "..."} (complex-value-shorthand).
nlohmann::json rewrite_patch_value(LeniencyLog& log, const Attribute& attr,
                                   const nlohmann::json& value);

// ---- PATCH operations.
enum class OpKind { Add, Remove, Replace };
using Operations = std::vector<nlohmann::json>;

struct RewriteContext {
  const Registry& registry;
  const ResourceType& type;
  const WriteLimits& limits;
  const std::optional<std::string>& resource_id;
  LeniencyLog& log;
};

// {"op": kind, "path": path (omitted when null), "value": *value (omitted when nullptr)}.
nlohmann::json make_operation(OpKind kind, const nlohmann::json& path, const nlohmann::json* value);
// Parses a PATCH path within the limits; nullopt when the strict engine would refuse it.
std::optional<PatchPath> parse_path(const RewriteContext& ctx, std::string_view text);
// True when the attribute part of `text` (before any value filter) names no attribute of the
// resource type: such an operation is dropped (unknown-attribute). A path that fails for another
// reason (an unclosed filter, an unknown sub-attribute after a filter) reaches the strict engine,
// which explains it.
bool names_no_attribute(const RewriteContext& ctx, std::string_view text);

// operation.cpp: add/replace of `value` at the path written as `text`; remove at `path`.
Operations rewrite_path_operation(RewriteContext& ctx, OpKind kind, const std::string& text,
                                  const nlohmann::json& value);
Operations rewrite_remove(RewriteContext& ctx, const PatchPath& path, const nlohmann::json* value);

// What one attribute written by add/replace becomes.
struct WriteRewrite {
  enum class Action { Keep, Drop, Remove };
  Action action = Action::Keep;
  nlohmann::json value;  // Keep: the value in RFC form
};
WriteRewrite rewrite_write(RewriteContext& ctx, OpKind kind, const PatchPath& path,
                           const nlohmann::json& value);

// pathless.cpp: a path-less add/replace (RFC 7644 §3.5.2.1, §3.5.2.3).
Operations rewrite_pathless(RewriteContext& ctx, OpKind kind, const nlohmann::json& value);

// remove_with_value.cpp: {"op":"remove","path":"members","value":[{"value":"id"}]}.
Operations rewrite_remove_with_value(RewriteContext& ctx, const PatchPath& path,
                                     const nlohmann::json& value);

}  // namespace scim::engine::lenient
