// apply_patch: the PatchOp envelope (RFC 7644 §3.5.2), operation parsing and dispatch, and the
// atomicity guarantee (all operations apply to a private copy; any error discards it).
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/engine/patch/ops.hpp"
#include "scim/server/engine/patch/patch.hpp"
#include "scim/server/engine/validate/json_access.hpp"
#include "scim/server/engine/validate/rules.hpp"

namespace scim::engine {

namespace {

struct Operation {
  PatchOpKind kind = PatchOpKind::Add;
  const nlohmann::json* path = nullptr;
  const nlohmann::json* value = nullptr;
};

// Member names are case-insensitive (RFC 7643 §2.1).
const nlohmann::json* member(const nlohmann::json& obj, std::string_view name) {
  return lookup_member(obj, name);
}

Result<const nlohmann::json*> read_envelope(const nlohmann::json& request,
                                            const WriteLimits& limits) {
  if (!request.is_object()) return invalid_syntax("the PATCH body must be a JSON object");
  const auto* schemas = member(request, "schemas");
  bool has_urn = false;
  if (schemas != nullptr && schemas->is_array()) {
    for (const auto& s : *schemas) {
      has_urn =
          has_urn || (s.is_string() && iequals(s.get_ref<const std::string&>(), urn::kPatchOp));
    }
  }
  if (!has_urn) {
    return invalid_syntax("\"schemas\" must contain \"" + std::string(urn::kPatchOp) +
                          "\" (RFC 7644 §3.5.2)");
  }
  const auto* ops = member(request, "Operations");
  if (ops == nullptr || !ops->is_array() || ops->empty()) {
    return invalid_syntax("\"Operations\" must be an array of one or more operations");
  }
  if (ops->size() > limits.max_operations) {
    return http_error(413, "a PATCH request may carry at most " +
                               std::to_string(limits.max_operations) + " operations, got " +
                               std::to_string(ops->size()));
  }
  return ops;
}

// The op names are case-sensitive: RFC 7644 §3.5.2 spells them "add", "remove" and "replace".
Result<PatchOpKind> read_op_name(const nlohmann::json* op) {
  if (op == nullptr || !op->is_string()) {
    return invalid_syntax("each operation needs \"op\": \"add\", \"remove\" or \"replace\"");
  }
  const auto& name = op->get_ref<const std::string&>();
  static constexpr std::pair<std::string_view, PatchOpKind> kOps[] = {
      {"add", PatchOpKind::Add},
      {"remove", PatchOpKind::Remove},
      {"replace", PatchOpKind::Replace}};
  for (const auto& [text, kind] : kOps) {
    if (name == text) return kind;
  }
  return invalid_syntax("unknown op \"" + name.substr(0, 40) +
                        "\"; expected \"add\", \"remove\" or \"replace\" (lower case)");
}

Result<Operation> read_operation(const nlohmann::json& op) {
  if (!op.is_object()) return invalid_syntax("each operation must be a JSON object");
  for (const auto& [key, unused] : op.items()) {
    if (!iequals(key, "op") && !iequals(key, "path") && !iequals(key, "value")) {
      return invalid_syntax("unknown operation member \"" + key.substr(0, 40) + "\"");
    }
  }
  auto kind = read_op_name(member(op, "op"));
  if (!kind) return kind.error();
  Operation out{*kind, member(op, "path"), member(op, "value")};
  if (out.path != nullptr && out.path->is_null()) out.path = nullptr;
  // A "value": null on remove carries nothing (some clients always send the member).
  if (out.kind == PatchOpKind::Remove && out.value != nullptr && out.value->is_null()) {
    out.value = nullptr;
  }
  if (out.path != nullptr && !out.path->is_string()) {
    return invalid_path("\"path\" must be a string");
  }
  return out;
}

Status<> run_operation(PatchContext& ctx, const Operation& op) {
  if (auto st = interop_require_path(ctx.options, op.path); !st) return st;
  if (op.kind == PatchOpKind::Remove && op.path == nullptr) {
    return no_target("\"remove\" needs a \"path\" (RFC 7644 §3.5.2.2)");
  }
  if (op.kind != PatchOpKind::Remove && op.value == nullptr) {
    return invalid_syntax("\"add\" and \"replace\" need a \"value\" (RFC 7644 §3.5.2.1)");
  }
  if (op.path == nullptr) return apply_pathless(ctx, op.kind, *op.value);
  auto path = parse_patch_path(op.path->get_ref<const std::string&>(), ctx.registry, ctx.type,
                               ctx.options.limits.max_path_length);
  if (!path) return interop_path_error(ctx, op.path->get_ref<const std::string&>(), path.error());
  if (op.value != nullptr) {
    if (auto st = interop_check_value(ctx, *path, *op.value); !st) return st;
  }
  switch (op.kind) {
    case PatchOpKind::Add:
      return apply_add(ctx, *path, *op.value);
    case PatchOpKind::Replace:
      return apply_replace(ctx, *path, *op.value);
    case PatchOpKind::Remove:
      break;
  }
  return apply_remove(ctx, *path, op.value);
}

ScimError in_operation(ScimError error, std::size_t index, const PatchOptions& options) {
  const std::size_t number =
      index < options.operation_numbers.size() ? options.operation_numbers[index] : index;
  error.detail = "Operations[" + std::to_string(number) + "]: " + error.detail;
  return error;
}

}  // namespace

Result<PatchResult> apply_patch(const nlohmann::json& resource, const nlohmann::json& patch_request,
                                const Registry& registry, const ResourceType& type,
                                const PatchOptions& options) {
  const ValueOptions value_options{options.limits, options.accept_non_canonical_values,
                                   options.interop};
  ValueContext values{value_options};
  auto ops = read_envelope(patch_request, options.limits);
  if (!ops) return ops.error();
  // §3.5.2: "the original SCIM resource MUST be restored" on error: work on a copy.
  nlohmann::json doc = resource;
  PatchContext ctx{registry, type, options, values, doc};
  for (std::size_t i = 0; i < (*ops)->size(); ++i) {
    auto op = read_operation((**ops)[i]);
    if (!op) return in_operation(std::move(op.error()), i, options);
    if (auto st = run_operation(ctx, *op); !st) {
      return in_operation(std::move(st.error()), i, options);
    }
  }
  if (auto st = check_required(doc, registry, type); !st) return st.error();
  const bool changed = doc != resource;
  return PatchResult{std::move(doc), changed, values.accepted_non_canonical_value,
                     ctx.created_unmatched_value, ctx.ignored_unmatched_remove};
}

}  // namespace scim::engine
