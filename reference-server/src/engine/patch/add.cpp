// The PATCH "add" operation with a path (RFC 7644 §3.5.2.1).
#include <string>
#include <unordered_map>

#include "scim/protocol/error.hpp"
#include "scim/server/engine/patch/ops.hpp"
#include "scim/server/engine/validate/json_access.hpp"
#include "scim/server/engine/validate/value_shape.hpp"

namespace scim::engine {

namespace {

// Duplicate detection key: the "value" sub-attribute of a complex element, or the simple value.
// Candidates sharing a key are compared in full, so large groups stay O(n + m) per add.
std::string dedupe_key(const nlohmann::json& element) {
  if (!element.is_object()) return element.dump();
  const auto* value = lookup_member(element, "value");
  return value == nullptr ? std::string() : value->dump();
}

// §3.5.2.1: a new value is appended; one the attribute already contains changes nothing.
Status<> add_values(PatchContext& ctx, nlohmann::json& container, const Attribute& attr,
                    const nlohmann::json& values, const std::string& name) {
  nlohmann::json* have = lookup_member(container, attr.name);
  if (have == nullptr || !have->is_array()) {
    set_member(container, attr.name, nlohmann::json::array());
    have = lookup_member(container, attr.name);
  }
  std::unordered_multimap<std::string, std::size_t> index;
  for (std::size_t i = 0; i < have->size(); ++i) index.emplace(dedupe_key((*have)[i]), i);
  std::vector<std::size_t> fresh;
  for (const auto& value : values) {
    const std::string key = dedupe_key(value);
    bool present = false;
    for (auto [it, end] = index.equal_range(key); it != end && !present; ++it) {
      present = element_contains((*have)[it->second], value);
    }
    if (present) continue;
    if (have->size() >= ctx.options.limits.max_values_per_attribute) {
      return invalid_value("attribute '" + name + "' would exceed the limit of " +
                           std::to_string(ctx.options.limits.max_values_per_attribute) + " values");
    }
    have->push_back(value);
    fresh.push_back(have->size() - 1);
    index.emplace(key, have->size() - 1);
  }
  if (have->empty()) erase_member(container, attr.name);
  return have->empty() ? Status<>(Ok{}) : settle_primary(*have, fresh, name);
}

}  // namespace

Status<> apply_add(PatchContext& ctx, const PatchPath& path, const nlohmann::json& value) {
  if (is_unassigned(value)) {
    // Adding nothing: RFC 7644 §3.5.2.1 defines no null add, so name the problem.
    return invalid_value("\"add\" to '" + path.text + "' needs a value; null and [] add nothing");
  }
  if (path.attribute() == nullptr) {
    return apply_extension_object(ctx, PatchOpKind::Add, *path.target.schema, value);
  }
  const Attribute& attr = *path.attribute();
  const std::string name = path.target.path.to_string();
  if (auto st = writable(attr, name); !st) return st;
  if (path.filter.has_value()) return write_value_path(ctx, PatchOpKind::Add, path, value);
  if (path.sub != nullptr) return write_sub_attribute(ctx, path, value);
  auto prepared = prepare_whole_value(ctx, attr, value, name);
  if (!prepared) return prepared.error();
  if (prepared->is_null()) return Ok{};
  nlohmann::json& container = *target_container(ctx, path.target, true);
  Status<> st = Ok{};
  if (attr.multi_valued) {
    st = add_values(ctx, container, attr, *prepared, name);
  } else if (attr.is_complex()) {
    st = merge_complex(container, attr, *prepared, name);
  } else {
    st = check_immutable_change(attr, lookup_member(container, attr.name), &*prepared, name);
    if (st) set_member(container, attr.name, std::move(*prepared));
  }
  tidy_extension(ctx, path.target);
  return st;
}

}  // namespace scim::engine
