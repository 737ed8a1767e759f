// Projection of a stored resource for a response (RFC 7644 §3.4.2.5, §3.9; RFC 7643 §7
// "returned"): decides per attribute and sub-attribute what the client sees.
#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/engine/filter/json.hpp"
#include "scim/server/engine/query/query.hpp"

namespace scim::engine {
namespace {

enum class Mode { Default, Only, Except };

// RFC 7644 §3.9: `attributes` (even naming nothing known) selects, `excludedAttributes` removes,
// neither gives the default view.
Mode mode_of(const Projection& projection) {
  if (projection.attributes_given || !projection.attributes.empty()) return Mode::Only;
  return projection.excluded.empty() ? Mode::Default : Mode::Except;
}

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

// Renames a kept member to its schema's spelling (RFC 7643 §2.1: attribute names are
// case-insensitive; the response uses the schema's). Done after the walk so that no iterator is
// invalidated; when two spellings of one attribute were stored, the one later in key order
// wins, as it did when the projection built a new object member by member.
struct Renames {
  std::vector<std::pair<std::string, std::string>> list;  // stored key -> schema name

  void note(const std::string& key, const std::string& name) {
    if (key != name) list.emplace_back(key, name);
  }

  void apply(nlohmann::json& obj) const {
    std::vector<std::string> renamed;
    for (const auto& [key, name] : list) {
      const bool kept_in_place =
          obj.contains(name) && std::find(renamed.begin(), renamed.end(), name) == renamed.end();
      if (kept_in_place && name > key) {
        obj.erase(key);  // the member spelt as the schema comes later in key order: it wins
        continue;
      }
      nlohmann::json value = std::move(obj[key]);
      obj.erase(key);
      obj[name] = std::move(value);
      renamed.push_back(name);
    }
  }
};

// Keeps the members of `obj` to which `name_of(key, value)` gives a name (the schema's spelling,
// which the member is renamed to) and erases the others, in place: the caller owns its copy of
// the resource, so what stays is neither copied nor reallocated. False when nothing is left.
template <class NameOf>
bool keep_members(nlohmann::json& obj, NameOf name_of) {
  Renames renames;
  for (auto it = obj.begin(); it != obj.end();) {
    if (const std::string* name = name_of(it.key(), it.value())) {
      renames.note(it.key(), *name);
      ++it;
    } else {
      it = obj.erase(it);
    }
  }
  renames.apply(obj);
  return !obj.empty();
}

// Keeps the defined, selected members of one complex value. False when nothing is left.
bool project_object(nlohmann::json& obj, const Attribute& a, const SubRule& rule) {
  if (!obj.is_object()) return false;
  return keep_members(obj, [&](const std::string& key, const nlohmann::json& v) {
    const Attribute* sub = a.find_sub(key);
    return sub && !v.is_null() && rule.keep(*sub) ? &sub->name : nullptr;
  });
}

// Projects the value of attribute `a` in place; false when nothing of it is returned.
bool project_value(nlohmann::json& v, const Attribute& a, const SubRule& rule) {
  if (!a.is_complex()) return true;
  if (!v.is_array()) return project_object(v, a, rule);
  for (auto it = v.begin(); it != v.end();) {
    it = project_object(*it, a, rule) ? std::next(it) : v.erase(it);
  }
  return !v.empty();
}

// The extension schema a top-level member holds, if the type declares it.
const Schema* extension_schema(std::string_view key, const Registry& registry,
                               const ResourceType& type) {
  if (!istarts_with(key, "urn:") || !type.has_extension(key)) return nullptr;
  return registry.find_schema(key);
}

struct Projector {
  const Projection& projection;
  Mode mode;
  const Registry& registry;
  const ResourceType& type;
  const Schema* core;

  // Projects the value of attribute `a` (defined in `schema`, null for common attributes) in
  // place; false when it is not returned.
  bool apply(nlohmann::json& v, const Schema* schema, const Attribute& a) const {
    if (a.returned == Returned::Never || v.is_null()) return false;
    if (a.returned == Returned::Always) return project_value(v, a, SubRule{nullptr, nullptr, true});
    if (mode == Mode::Only) {
      const Selection s = select(projection.attributes, schema, a);
      if (s.whole) return project_value(v, a, SubRule{nullptr, nullptr, true});
      // Only the named sub-attributes (plus returned:always ones, which SubRule keeps).
      if (s.subs.empty() && !has_always_sub(a)) return false;
      return project_value(v, a, SubRule{&s.subs, nullptr, false});
    }
    if (a.returned == Returned::Request) return false;
    if (mode == Mode::Except) {
      const Selection s = select(projection.excluded, schema, a);
      if (s.whole) return false;
      return project_value(v, a, SubRule{nullptr, &s.subs, false});
    }
    return project_value(v, a, SubRule{});
  }

  static bool has_always_sub(const Attribute& a) {
    return std::any_of(a.sub_attributes.begin(), a.sub_attributes.end(),
                       [](const Attribute& s) { return s.returned == Returned::Always; });
  }

  // Projects the attributes of `schema` found in the extension object `obj` in place; false
  // when nothing is left.
  bool apply_schema(nlohmann::json& obj, const Schema& schema) const {
    return keep_members(obj, [&](const std::string& key, nlohmann::json& v) {
      const Attribute* a = schema.find(key);
      return a && apply(v, &schema, *a) ? &a->name : nullptr;
    });
  }

  // Projects one top-level member in place; the name it keeps (the schema's spelling), or
  // nullptr when it is dropped. Members the schemas do not define are dropped.
  const std::string* apply_top(const std::string& key, nlohmann::json& value) const {
    static const std::string kSchemas = "schemas";
    // "schemas" is always present: it tells the client what it is reading.
    if (iequals(key, kSchemas)) return &kSchemas;
    if (const Attribute* common = find_common_attribute(key)) {
      return apply(value, nullptr, *common) ? &common->name : nullptr;
    }
    if (const Attribute* a = core ? core->find(key) : nullptr) {
      return apply(value, core, *a) ? &a->name : nullptr;
    }
    if (const Schema* ext = extension_schema(key, registry, type)) {
      return value.is_object() && apply_schema(value, *ext) ? &ext->id : nullptr;
    }
    return nullptr;
  }
};

}  // namespace

bool is_default_view(const Projection& projection) {
  return mode_of(projection) == Mode::Default;
}

bool returned_by_default(const Attribute& attribute) {
  return attribute.returned != Returned::Never && attribute.returned != Returned::Request;
}

bool sub_returned_by_default(const Attribute& parent, const Attribute& sub) {
  return SubRule{nullptr, nullptr, parent.returned == Returned::Always}.keep(sub);
}

// In place: a response is built from the caller's decoded copy without allocating a second tree
// (for the default projection of a stored resource nothing is removed at all).
nlohmann::json project(nlohmann::json resource, const Projection& projection,
                       const Registry& registry, const ResourceType& type) {
  if (!resource.is_object()) return resource;
  const Mode mode = mode_of(projection);
  const Projector projector{projection, mode, registry, type, registry.find_schema(type.schema)};
  keep_members(resource, [&](const std::string& key, nlohmann::json& value) {
    return projector.apply_top(key, value);
  });
  return resource;
}

}  // namespace scim::engine
