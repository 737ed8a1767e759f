// fill_required: fixture bodies completed from the target's own schemas (see header).
#include "scim/conformance/core/fixture_body.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"

namespace scim::conf {
namespace {

struct Filler {
  const UniqueValue& unique;
  const std::vector<std::string>& omit;
  FixtureFill& out;
  std::string type;

  bool omitted(const std::string& path) const {
    return std::any_of(omit.begin(), omit.end(), [&](const auto& o) { return iequals(o, path); });
  }

  static nlohmann::json* member(nlohmann::json& object, std::string_view name) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (iequals(it.key(), name)) return &it.value();
    }
    return nullptr;
  }

  static bool unassigned(const nlohmann::json* value) {
    // RFC 7643 §2.5: null and [] are unassigned.
    return value == nullptr || value->is_null() || (value->is_array() && value->empty()) ||
           (value->is_object() && value->empty());
  }

  nlohmann::json scalar(const Attribute& a, const std::string& path) {
    if (!a.canonical_values.empty() && a.type == AttributeType::String)
      return a.canonical_values.front();
    switch (a.type) {
      case AttributeType::Boolean:
        return true;  // e.g. "active": an enabled account is the ordinary fixture
      case AttributeType::Integer:
        return 1;
      case AttributeType::Decimal:
        return 1.5;
      case AttributeType::DateTime:
        return "2000-01-01T00:00:00Z";  // RFC 7643 §2.3.5 xsd:dateTime
      case AttributeType::Binary:
        return "c2NpbWNvbmY=";  // base64 of "scimconf" (RFC 7643 §2.3.6)
      case AttributeType::Reference:
        return reference(a, path);
      case AttributeType::Complex:
        return complex(a, path);
      case AttributeType::String:
        break;
    }
    const std::string value = unique(a.name);
    if (to_lower(a.name).find("email") != std::string::npos || iequals(path, "emails.value"))
      return value + "@example.com";
    return value;
  }

  nlohmann::json reference(const Attribute& a, const std::string& path) {
    const auto& types = a.reference_types;
    const bool external = types.empty() || std::any_of(types.begin(), types.end(), [](auto& t) {
                            return iequals(t, "external") || iequals(t, "uri");
                          });
    if (external) return "https://example.com/scimconf/" + unique(a.name);
    out.unsatisfied.push_back(type + "." + path + ": a required reference to another resource (" +
                              join(types) + ") cannot be invented for a fixture");
    return nullptr;
  }

  static std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& i : items) text += (text.empty() ? "" : ", ") + i;
    return text;
  }

  // A complex value needs at least one sub-attribute to be assigned (§2.5): the required ones,
  // else "value", else the first writable string.
  nlohmann::json complex(const Attribute& a, const std::string& path) {
    nlohmann::json value = nlohmann::json::object();
    fill(a.sub_attributes, value, path + ".");
    if (!value.empty()) return value;
    const Attribute* pick = a.find_sub("value");
    for (const auto& sub : a.sub_attributes) {
      if (pick != nullptr) break;
      if (sub.type == AttributeType::String && sub.mutability != Mutability::ReadOnly) pick = &sub;
    }
    if (pick == nullptr) {
      out.unsatisfied.push_back(type + "." + path + ": a required complex attribute without a " +
                                "writable sub-attribute cannot be filled");
      return nullptr;
    }
    value[pick->name] = scalar(*pick, path + "." + pick->name);
    return value;
  }

  nlohmann::json make(const Attribute& a, const std::string& path) {
    nlohmann::json value = scalar(a, path);
    if (value.is_null()) return value;
    return a.multi_valued ? nlohmann::json::array({value}) : value;
  }

  // Fills required attributes of `attributes` missing from `object`; recurses into complex values
  // that are present so their required sub-attributes are filled too.
  void fill(const std::vector<Attribute>& attributes, nlohmann::json& object,
            const std::string& prefix) {
    for (const auto& a : attributes) {
      const std::string path = prefix + a.name;
      if (a.mutability == Mutability::ReadOnly || omitted(path)) continue;
      nlohmann::json* present = member(object, a.name);
      if (unassigned(present)) {
        if (!a.required) continue;
        nlohmann::json value = make(a, path);
        if (value.is_null()) continue;
        object[a.name] = std::move(value);
        out.added.push_back(type + "." + path);
      } else if (a.is_complex()) {
        if (present->is_object()) fill(a.sub_attributes, *present, path + ".");
        if (present->is_array()) {
          for (auto& item : *present) {
            if (item.is_object()) fill(a.sub_attributes, item, path + ".");
          }
        }
      }
    }
  }
};

bool lists_schema(const nlohmann::json& body, std::string_view urn) {
  const auto it = body.find("schemas");
  if (it == body.end() || !it->is_array()) return false;
  return std::any_of(it->begin(), it->end(), [&](const nlohmann::json& s) {
    return s.is_string() && iequals(s.get<std::string>(), urn);
  });
}

}  // namespace

FixtureFill fill_required(const Capabilities& caps, std::string_view type, nlohmann::json body,
                          const UniqueValue& unique, const std::vector<std::string>& omit) {
  FixtureFill out;
  if (!body.is_object()) {
    out.body = std::move(body);
    return out;
  }
  Filler filler{unique, omit, out, std::string(type)};
  if (const Schema* core = caps.schemas.find(caps.schema_urn(type)); core != nullptr)
    filler.fill(core->attributes, body, "");
  if (const auto* info = caps.find_type(type); info != nullptr) {
    for (const auto& [urn, required] : info->extensions) {
      const Schema* ext = caps.schemas.find(urn);
      nlohmann::json* container = Filler::member(body, urn);
      if (ext == nullptr || (!required && container == nullptr)) continue;
      if (container == nullptr) container = &(body[urn] = nlohmann::json::object());
      if (!container->is_object()) continue;
      filler.fill(ext->attributes, *container, urn + ":");
      if (!lists_schema(body, urn) && body["schemas"].is_array()) body["schemas"].push_back(urn);
    }
  }
  out.body = std::move(body);
  return out;
}

}  // namespace scim::conf
