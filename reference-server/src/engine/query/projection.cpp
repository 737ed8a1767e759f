// Projection of a stored resource for a response (RFC 7644 §3.4.2.5, §3.9; RFC 7643 §7
// "returned"): decides per attribute and sub-attribute what the client sees.
#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/engine/filter/json.hpp"
#include "scim/server/engine/query/query.hpp"

namespace scim::engine {
namespace {

enum class Mode { Default, Only, Except };

// What the projection list says about one top-level attribute.
struct Selection {
  bool whole = false;                  // named itself (or its extension's bare URN)
  std::vector<const Attribute*> subs;  // named sub-attributes
};

Selection select(const std::vector<ResolvedAttribute>& list, const Schema* schema,
                 const Attribute& a) {
  Selection s;
  for (const auto& r : list) {
    if (r.attribute == &a) {
      if (r.sub_attribute) {
        s.subs.push_back(r.sub_attribute);
      } else {
        s.whole = true;
      }
    } else if (!r.attribute && schema && r.schema == schema) {
      s.whole = true;  // "urn:...:enterprise:2.0:User" names every attribute of the extension
    }
  }
  return s;
}

bool contains(const std::vector<const Attribute*>& v, const Attribute* a) {
  return std::find(v.begin(), v.end(), a) != v.end();
}

// Which sub-attributes of a kept complex attribute survive.
struct SubRule {
  const std::vector<const Attribute*>* only = nullptr;    // attributes=emails.value
  const std::vector<const Attribute*>* except = nullptr;  // excludedAttributes=emails.display
  bool allow_request = false;                             // the parent itself was named

  bool keep(const Attribute& sub) const {
    if (sub.returned == Returned::Never) return false;
    if (sub.returned == Returned::Always) return true;
    if (only) return contains(*only, &sub);
    if (except && contains(*except, &sub)) return false;
    return sub.returned != Returned::Request || allow_request;
  }
};

// Keeps the defined, selected members of one complex value; null when nothing is left. Values
// are moved out of `obj` (the caller's own copy of the resource), never copied: a response is
// built from the decoded record without a second deep copy of every value.
nlohmann::json project_object(nlohmann::json& obj, const Attribute& a, const SubRule& rule) {
  if (!obj.is_object()) return nullptr;
  nlohmann::json out = nlohmann::json::object();
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const Attribute* sub = a.find_sub(it.key());
    if (sub && !it.value().is_null() && rule.keep(*sub)) out[sub->name] = std::move(it.value());
  }
  return out.empty() ? nlohmann::json(nullptr) : out;
}

nlohmann::json project_value(nlohmann::json& v, const Attribute& a, const SubRule& rule) {
  if (!a.is_complex()) return std::move(v);
  if (!v.is_array()) return project_object(v, a, rule);
  nlohmann::json out = nlohmann::json::array();
  for (auto& e : v) {
    auto p = project_object(e, a, rule);
    if (!p.is_null()) out.push_back(std::move(p));
  }
  return out.empty() ? nlohmann::json(nullptr) : out;
}

struct Projector {
  const Projection& projection;
  Mode mode;

  // The projected value of attribute `a` (defined in `schema`, null for common attributes), or
  // null when it is not returned.
  nlohmann::json apply(nlohmann::json& v, const Schema* schema, const Attribute& a) const {
    if (a.returned == Returned::Never || v.is_null()) return nullptr;
    if (a.returned == Returned::Always) return project_value(v, a, SubRule{nullptr, nullptr, true});
    if (mode == Mode::Only) {
      const Selection s = select(projection.attributes, schema, a);
      if (s.whole) return project_value(v, a, SubRule{nullptr, nullptr, true});
      // Only the named sub-attributes (plus returned:always ones, which SubRule keeps).
      if (s.subs.empty() && !has_always_sub(a)) return nullptr;
      return project_value(v, a, SubRule{&s.subs, nullptr, false});
    }
    if (a.returned == Returned::Request) return nullptr;
    if (mode == Mode::Except) {
      const Selection s = select(projection.excluded, schema, a);
      if (s.whole) return nullptr;
      return project_value(v, a, SubRule{nullptr, &s.subs, false});
    }
    return project_value(v, a, SubRule{});
  }

  static bool has_always_sub(const Attribute& a) {
    return std::any_of(a.sub_attributes.begin(), a.sub_attributes.end(),
                       [](const Attribute& s) { return s.returned == Returned::Always; });
  }

  // Projects the attributes of `schema` found in `obj` into `out`.
  void apply_schema(nlohmann::json& obj, const Schema& schema, nlohmann::json& out) const {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      const Attribute* a = schema.find(it.key());
      if (!a) continue;
      auto v = apply(it.value(), &schema, *a);
      if (!v.is_null()) out[a->name] = std::move(v);
    }
  }
};

// The extension schema a top-level member holds, if the type declares it.
const Schema* extension_schema(std::string_view key, const Registry& registry,
                               const ResourceType& type) {
  if (!istarts_with(key, "urn:") || !type.has_extension(key)) return nullptr;
  return registry.find_schema(key);
}

}  // namespace

nlohmann::json project(nlohmann::json resource, const Projection& projection,
                       const Registry& registry, const ResourceType& type) {
  if (!resource.is_object()) return resource;
  const Mode mode = (projection.attributes_given || !projection.attributes.empty()) ? Mode::Only
                    : projection.excluded.empty()                                   ? Mode::Default
                                                                                    : Mode::Except;
  const Projector projector{projection, mode};
  const Schema* core = registry.find_schema(type.schema);
  nlohmann::json out = nlohmann::json::object();
  for (auto it = resource.begin(); it != resource.end(); ++it) {
    const std::string& key = it.key();
    if (iequals(key, "schemas")) {
      out["schemas"] =
          std::move(it.value());  // always present: it tells the client what it is reading
    } else if (const Attribute* common = find_common_attribute(key)) {
      auto v = projector.apply(it.value(), nullptr, *common);
      if (!v.is_null()) out[common->name] = std::move(v);
    } else if (const Attribute* a = core ? core->find(key) : nullptr) {
      auto v = projector.apply(it.value(), core, *a);
      if (!v.is_null()) out[a->name] = std::move(v);
    } else if (const Schema* ext = extension_schema(key, registry, type)) {
      if (!it.value().is_object()) continue;
      nlohmann::json inner = nlohmann::json::object();
      projector.apply_schema(it.value(), *ext, inner);
      if (!inner.empty()) out[ext->id] = std::move(inner);
    }
  }
  return out;
}

}  // namespace scim::engine
