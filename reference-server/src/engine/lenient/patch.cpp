// rewrite_patch: a lenient PatchOp request in RFC form (RFC 7644 §3.5.2). The envelope is read as
// the strict engine reads it; each operation gets its op name in lower case (op-case) and is then
// rewritten by path (operation.cpp) or, without one, member by member (pathless.cpp).
#include <algorithm>
#include <string>
#include <utility>

#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/engine/lenient/lenient.hpp"
#include "scim/server/engine/lenient/rewrite.hpp"
#include "scim/server/engine/validate/json_access.hpp"

namespace scim::engine::lenient {

namespace {

// The "Operations" array when the envelope is one the strict engine accepts; nullptr otherwise
// (the request then goes to the engine unchanged, which explains what is wrong).
const nlohmann::json* operations_of(const nlohmann::json& body, const WriteLimits& limits,
                                    LeniencyLog& log) {
  if (!body.is_object()) return nullptr;
  const auto* schemas = lookup_member(body, "schemas");
  if (schemas == nullptr || !schemas->is_array()) return nullptr;
  const bool has_urn = std::any_of(schemas->begin(), schemas->end(), [](const nlohmann::json& s) {
    return s.is_string() && iequals(s.get_ref<const std::string&>(), urn::kPatchOp);
  });
  const auto* ops = lookup_member(body, "Operations");
  if (!has_urn || ops == nullptr || !ops->is_array() || ops->empty()) return nullptr;
  if (ops->size() > limits.max_operations) return nullptr;
  observe_member(log, body, "schemas");
  observe_member(log, body, "Operations");
  return ops;
}

// Entra ID sends "Replace", "Add" and "Remove"; RFC 7644 §3.5.2 spells them in lower case.
std::optional<OpKind> read_kind(const nlohmann::json* op, LeniencyLog& log) {
  if (op == nullptr || !op->is_string()) return std::nullopt;
  const auto& name = op->get_ref<const std::string&>();
  static constexpr std::pair<std::string_view, OpKind> kOps[] = {
      {"add", OpKind::Add}, {"remove", OpKind::Remove}, {"replace", OpKind::Replace}};
  for (const auto& [text, kind] : kOps) {
    if (name == text) return kind;
    if (iequals(name, text)) {
      log.record(kOpCase);
      return kind;
    }
  }
  return std::nullopt;
}

bool has_only_known_members(const nlohmann::json& op) {
  for (const auto& [key, unused] : op.items()) {
    if (!iequals(key, "op") && !iequals(key, "path") && !iequals(key, "value")) return false;
  }
  return true;
}

Operations rewrite_operation(RewriteContext& ctx, const nlohmann::json& op) {
  if (!op.is_object() || !has_only_known_members(op)) return {op};
  auto kind = read_kind(lookup_member(op, "op"), ctx.log);
  if (!kind) return {op};
  for (const char* name : {"op", "path", "value"}) observe_member(ctx.log, op, name);
  const nlohmann::json* path = lookup_member(op, "path");
  if (path != nullptr && path->is_null()) path = nullptr;
  const nlohmann::json* value = lookup_member(op, "value");
  // A "value": null on remove carries nothing (the strict engine reads it so too).
  if (*kind == OpKind::Remove && value != nullptr && value->is_null()) value = nullptr;
  const nlohmann::json no_path;
  if (path != nullptr && !path->is_string()) return {make_operation(*kind, *path, value)};
  if (*kind == OpKind::Remove) {
    auto parsed =
        path != nullptr ? parse_path(ctx, path->get_ref<const std::string&>()) : std::nullopt;
    if (!parsed && path != nullptr &&
        names_no_attribute(ctx, path->get_ref<const std::string&>())) {
      ctx.log.record(kUnknownAttribute);  // removing what the type does not have: nothing to do
      return {};
    }
    if (!parsed) return {make_operation(*kind, path != nullptr ? *path : no_path, value)};
    return rewrite_remove(ctx, *parsed, value);
  }
  if (value == nullptr) return {make_operation(*kind, path != nullptr ? *path : no_path, value)};
  if (path == nullptr) return rewrite_pathless(ctx, *kind, *value);
  return rewrite_path_operation(ctx, *kind, path->get_ref<const std::string&>(), *value);
}

}  // namespace

PatchRewrite rewrite_patch(const nlohmann::json& body, const Registry& registry,
                           const ResourceType& type, const std::optional<std::string>& resource_id,
                           Mode mode, const WriteLimits& limits) {
  PatchRewrite out{body, {}, {}, false};
  out.options.limits = limits;
  if (mode == Mode::Strict) return out;
  // The engine options need the stored resource (or relax a value check), so lenient requests
  // get all of them and the engine reports which ones made a difference.
  out.options.accept_non_canonical_values = true;
  out.options.create_unmatched_values = true;
  out.options.ignore_unmatched_removes = true;
  LeniencyLog log;
  const nlohmann::json* ops = operations_of(body, limits, log);
  if (ops == nullptr) return out;
  RewriteContext ctx{registry, type, limits, resource_id, log};
  nlohmann::json rewritten = nlohmann::json::array();
  std::vector<std::size_t> numbers;
  for (std::size_t i = 0; i < ops->size(); ++i) {
    for (auto& op : rewrite_operation(ctx, (*ops)[i])) {
      rewritten.push_back(std::move(op));
      numbers.push_back(i);
    }
  }
  out.nothing_left = rewritten.empty();
  // The client's operations are within the limit; operations split off one of them (path-less
  // value paths, listed values) do not count again.
  out.options.limits.max_operations = std::max(limits.max_operations, rewritten.size());
  out.options.operation_numbers = std::move(numbers);
  set_member(out.body, "Operations", std::move(rewritten));
  out.used = log.names();
  return out;
}

}  // namespace scim::engine::lenient
