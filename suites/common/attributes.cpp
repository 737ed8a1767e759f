// Schema-driven attribute choice for checks (see attributes.hpp).
#include "scim/suites/common/attributes.hpp"

namespace scim::suites {
namespace attributes_local {

std::string joined(std::string_view type, const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& p : paths) out += (out.empty() ? "" : ", ") + std::string(type) + "." + p;
  return out;
}

bool is_urn(std::string_view key) {
  return key.size() > 4 && (key.substr(0, 4) == "urn:" || key.substr(0, 4) == "URN:");
}

bool holds_in(const json& value, std::string_view path) {
  if (value.is_array()) {
    for (const auto& item : value) {
      if (holds_in(item, path)) return true;
    }
    return false;
  }
  const auto dot = path.find('.');
  const json* v = member(value, path.substr(0, dot));
  if (v == nullptr || v->is_null() || (v->is_array() && v->empty())) return false;
  return dot == std::string_view::npos || holds_in(*v, path.substr(dot + 1));
}

void add_paths(const json& value, const std::string& prefix, std::vector<std::string>& out) {
  const json* object = &value;
  if (value.is_array()) object = value.empty() ? nullptr : &value.front();
  if (object == nullptr || !object->is_object()) return;
  for (auto it = object->begin(); it != object->end(); ++it) out.push_back(prefix + it.key());
}

json create_with(conf::Context& ctx, std::string_view type, const json& overrides) {
  const auto paths = paths_in(overrides);
  require_defined(ctx, type, paths);
  json created = type == "User" ? ctx.create_user(overrides) : ctx.create_group(overrides);
  require_stored(ctx, created, type, paths);
  // Every value of a multi-valued attribute sent must come back: a check about the second email
  // cannot judge a target that keeps only one (RFC 7644 §3.3 "free to ... ignore").
  for (auto it = overrides.begin(); it != overrides.end(); ++it) {
    const json* back = member(created, it.key());
    if (!it->is_array() || back == nullptr || !back->is_array()) continue;
    if (back->size() < it->size())
      ctx.skip("target stores only " + std::to_string(back->size()) + " of the " +
               std::to_string(it->size()) + " " + std::string(type) + "." + it.key() +
               " values sent (RFC 7644 §3.3: the server is free to ignore POSTed content)");
  }
  return created;
}

}  // namespace attributes_local

bool holds(const json& resource, std::string_view path) {
  using namespace attributes_local;
  if (is_urn(path)) {
    // Extension paths: the longest "urn:...:Name" prefix naming a container in the resource.
    for (auto colon = path.rfind(':'); colon != std::string_view::npos && colon > 4;
         colon = path.rfind(':', colon - 1)) {
      const json* container = member(resource, path.substr(0, colon));
      if (container != nullptr) return holds_in(*container, path.substr(colon + 1));
    }
    return false;
  }
  return holds_in(resource, path);
}

std::vector<std::string> paths_in(const json& body) {
  using namespace attributes_local;
  std::vector<std::string> out;
  if (!body.is_object()) return out;
  for (auto it = body.begin(); it != body.end(); ++it) {
    const std::string& key = it.key();
    if (key == "schemas") continue;
    if (is_urn(key) && it->is_object()) {
      for (auto ext = it->begin(); ext != it->end(); ++ext) out.push_back(key + ":" + ext.key());
      continue;
    }
    out.push_back(key);
    std::vector<std::string> subs;
    add_paths(it.value(), key + ".", subs);
    out.insert(out.end(), subs.begin(), subs.end());
  }
  return out;
}

void require_defined(conf::Context& ctx, std::string_view type,
                     const std::vector<std::string>& paths) {
  using namespace attributes_local;
  std::vector<std::string> missing;
  for (const auto& p : paths) {
    if (ctx.caps().attribute(type, p) == nullptr) missing.push_back(p);
  }
  if (!missing.empty())
    ctx.skip("target does not define " + joined(type, missing) +
             " (RFC 7643 §8.7.1: optional attributes may be left out)");
}

void require_stored(conf::Context& ctx, const json& resource, std::string_view type,
                    const std::vector<std::string>& paths) {
  using namespace attributes_local;
  std::vector<std::string> missing;
  for (const auto& p : paths) {
    const auto* a = ctx.caps().attribute(type, p);
    // Values that are never or only on request returned cannot be confirmed from the response.
    if (a != nullptr && (a->returned == Returned::Never || a->returned == Returned::Request))
      continue;
    if (!holds(resource, p)) missing.push_back(p);
  }
  if (!missing.empty())
    ctx.skip("target does not store " + joined(type, missing) +
             " (RFC 7644 §3.3: the server is free to ignore POSTed content)");
}

json create_user_with(conf::Context& ctx, const json& overrides) {
  using namespace attributes_local;
  return create_with(ctx, "User", overrides);
}

json create_group_with(conf::Context& ctx, const json& overrides) {
  using namespace attributes_local;
  return create_with(ctx, "Group", overrides);
}

Writable pick_writable(conf::Context& ctx, std::string_view type, bool optional_only) {
  const bool user = type == "User";
  const std::vector<std::string> preferred =
      user ? std::vector<std::string>{"displayName", "nickName",          "title",
                                      "userType",    "preferredLanguage", "locale"}
           : std::vector<std::string>{};
  for (const auto& name : preferred) {
    const auto* a = ctx.caps().attribute(type, name);
    if (a == nullptr || a->multi_valued || a->type != AttributeType::String ||
        a->mutability != Mutability::ReadWrite || a->uniqueness != Uniqueness::None ||
        a->required || !a->canonical_values.empty() || a->returned == Returned::Never ||
        a->returned == Returned::Request)
      continue;
    return {name, ctx.unique_name("before"), ctx.unique_name("after")};
  }
  const std::string unique = user ? "userName" : "displayName";
  const auto* a = ctx.caps().attribute(type, unique);
  if (!optional_only && a != nullptr && a->mutability == Mutability::ReadWrite)
    return {unique, ctx.unique_name("before"), ctx.unique_name("after")};
  ctx.skip("target's " + std::string(type) + " schema has no " +
           (optional_only ? "optional " : "") + "writable string attribute to change");
}

}  // namespace scim::suites
