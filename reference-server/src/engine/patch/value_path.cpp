// PATCH on value paths (RFC 7644 §3.5.2): "emails[type eq \"work\"]" selects values of a
// multi-valued attribute, optionally narrowed to one sub-attribute ("...].value"). Selection uses
// the filter engine's value filter (engine/filter/filter.hpp).
#include <optional>
#include <string>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/server/engine/filter/ast.hpp"
#include "scim/server/engine/patch/ops.hpp"
#include "scim/server/engine/validate/json_access.hpp"
#include "scim/server/engine/validate/value_shape.hpp"

namespace scim::engine {

namespace {

std::vector<std::size_t> matching(const nlohmann::json* values, const Filter& filter) {
  std::vector<std::size_t> out;
  if (values == nullptr || !values->is_array()) return out;
  for (std::size_t i = 0; i < values->size(); ++i) {
    if (matches(filter, (*values)[i])) out.push_back(i);
  }
  return out;
}

// The value a filter of equalities describes: `type eq "work"` -> {"type": "work"}. Used by
// PatchOptions::create_unmatched_values (Entra adds emails[type eq "work"].value to a user
// without one).
std::optional<nlohmann::json> seed_from_filter(const FilterNode& node) {
  if (node.kind == FilterNode::Kind::Compare && node.op == CompareOp::Eq) {
    return nlohmann::json{{node.attr.name, node.literal.json}};
  }
  if (node.kind != FilterNode::Kind::And) return std::nullopt;
  nlohmann::json seed = nlohmann::json::object();
  for (const auto& child : node.children) {
    auto part = seed_from_filter(*child);
    if (!part) return std::nullopt;
    seed.update(*part);
  }
  return seed;
}

ScimError nothing_matched(const PatchPath& path) {
  return no_target("no value of '" + path.attribute()->name + "' matches the filter [" +
                   path.filter_text + "] (RFC 7644 §3.5.2.3)");
}

Status<> create_from_filter(PatchContext& ctx, const PatchPath& path, const nlohmann::json& value) {
  const Attribute& attr = *path.attribute();
  auto seed = seed_from_filter(path.filter->root());
  if (!seed || !attr.is_complex()) return nothing_matched(path);
  if (path.sub != nullptr) {
    (*seed)[path.sub->name] = value;
  } else if (value.is_object()) {
    seed->update(value);
  }
  PatchPath whole = path;
  whole.filter.reset();
  whole.sub = nullptr;
  return apply_add(ctx, whole, nlohmann::json::array({*seed}));
}

Status<> write_sub_of_matches(PatchContext& ctx, const PatchPath& path, nlohmann::json& values,
                              const std::vector<std::size_t>& hits, const nlohmann::json& value) {
  const std::string name = path.attribute()->name + "." + path.sub->name;
  if (auto st = writable(*path.sub, name); !st) return st;
  auto normalized = normalize_simple_value(*path.sub, value, name, ctx.values);
  if (!normalized) return normalized.error();
  for (std::size_t i : hits) {
    auto st = check_immutable_change(*path.sub, lookup_member(values[i], path.sub->name),
                                     &*normalized, name);
    if (!st) return st;
    set_member(values[i], path.sub->name, *normalized);
  }
  const bool primary =
      path.sub->name == "primary" && normalized->is_boolean() && normalized->get<bool>();
  return settle_primary(values, primary ? hits : std::vector<std::size_t>{},
                        path.attribute()->name);
}

Status<> write_matches(PatchContext& ctx, PatchOpKind kind, const PatchPath& path,
                       nlohmann::json& values, const std::vector<std::size_t>& hits,
                       const nlohmann::json& value) {
  const Attribute& attr = *path.attribute();
  auto element = normalize_element(attr, value, attr.name, ctx.values);
  if (!element) return element.error();
  for (std::size_t i : hits) {
    nlohmann::json merged = kind == PatchOpKind::Add ? values[i] : nlohmann::json::object();
    if (merged.is_object() && element->is_object()) {
      merged.update(*element);
    } else {
      merged = *element;
    }
    for (const auto& sub : attr.sub_attributes) {
      auto st = check_immutable_change(sub, lookup_member(values[i], sub.name),
                                       lookup_member(merged, sub.name), attr.name + "." + sub.name);
      if (!st) return st;
    }
    values[i] = std::move(merged);
  }
  const auto* primary = lookup_member(*element, "primary");
  const bool fresh = primary != nullptr && primary->is_boolean() && primary->get<bool>();
  return settle_primary(values, fresh ? hits : std::vector<std::size_t>{}, attr.name);
}

}  // namespace

Status<> write_value_path(PatchContext& ctx, PatchOpKind kind, const PatchPath& path,
                          const nlohmann::json& value) {
  nlohmann::json* container = target_container(ctx, path.target, false);
  nlohmann::json* values =
      container == nullptr ? nullptr : lookup_member(*container, path.attribute()->name);
  const auto hits = matching(values, *path.filter);
  if (hits.empty()) {
    // §3.5.2.3: replace with a filter that matches nothing is 400 noTarget; add likewise has no
    // value to add to, unless the caller asked for the value the filter describes.
    if (!ctx.options.create_unmatched_values) return nothing_matched(path);
    ctx.created_unmatched_value = true;
    return create_from_filter(ctx, path, value);
  }
  if (path.sub != nullptr) return write_sub_of_matches(ctx, path, *values, hits, value);
  return write_matches(ctx, kind, path, *values, hits, value);
}

Status<> remove_value_path(PatchContext& ctx, const PatchPath& path) {
  const Attribute& attr = *path.attribute();
  nlohmann::json* container = target_container(ctx, path.target, false);
  nlohmann::json* values = container == nullptr ? nullptr : lookup_member(*container, attr.name);
  const auto hits = matching(values, *path.filter);
  if (hits.empty()) {
    if (!ctx.options.ignore_unmatched_removes) return nothing_matched(path);
    ctx.ignored_unmatched_remove = true;
    return Ok{};
  }
  if (path.sub != nullptr) {
    const std::string name = attr.name + "." + path.sub->name;
    if (path.sub->required) return mutability("sub-attribute '" + name + "' is required");
    if (auto st = writable(*path.sub, name); !st) return st;
    for (std::size_t i : hits) {
      auto st = check_immutable_change(*path.sub, lookup_member((*values)[i], path.sub->name),
                                       nullptr, name);
      if (!st) return st;
      erase_member((*values)[i], path.sub->name);
    }
  } else {
    nlohmann::json kept = nlohmann::json::array();
    std::size_t next = 0;
    for (std::size_t i = 0; i < values->size(); ++i) {
      if (next < hits.size() && hits[next] == i) {
        ++next;
      } else {
        kept.push_back(std::move((*values)[i]));
      }
    }
    *values = std::move(kept);
  }
  if (values->empty()) erase_member(*container, attr.name);
  tidy_extension(ctx, path.target);
  return Ok{};
}

}  // namespace scim::engine
