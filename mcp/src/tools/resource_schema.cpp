// From SCIM attribute definitions (RFC 7643 §7: name, type, multiValued, required, mutability,
// canonicalValues, subAttributes) to JSON Schema. canonicalValues are listed in descriptions,
// not enforced: RFC 7643 §2.4 lets a service provider accept other values.
#include "scim/mcp/resource_schema.hpp"

namespace scim::mcp {
namespace {

using json = nlohmann::json;

std::string text_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool flag_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

json value_schema(const json& attribute);

json attributes_schema(const json& attributes) {
  json properties = json::object();
  json required = json::array();
  if (!attributes.is_array()) return json{{"type", "object"}};
  for (const auto& a : attributes) {
    if (!a.is_object()) continue;
    const auto name = text_of(a, "name");
    if (name.empty() || text_of(a, "mutability") == "readOnly") continue;
    json item = value_schema(a);
    properties[name] = flag_of(a, "multiValued") ? json{{"type", "array"}, {"items", item}} : item;
    if (flag_of(a, "multiValued") && !text_of(a, "description").empty()) {
      properties[name]["description"] = text_of(a, "description");
    }
    if (flag_of(a, "required")) required.push_back(name);
  }
  json schema{{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) schema["required"] = std::move(required);
  return schema;
}

json value_schema(const json& attribute) {
  const auto type = text_of(attribute, "type");
  json schema;
  if (type == "complex") {
    schema = attributes_schema(attribute.value("subAttributes", json::array()));
  } else if (type == "boolean") {
    schema = {{"type", "boolean"}};
  } else if (type == "integer") {
    schema = {{"type", "integer"}};
  } else if (type == "decimal") {
    schema = {{"type", "number"}};
  } else {  // string, reference, dateTime, binary: JSON strings (RFC 7643 §2.3)
    schema = {{"type", "string"}};
    if (type == "dateTime") schema["format"] = "date-time";
  }
  std::string description = text_of(attribute, "description");
  if (auto canon = attribute.find("canonicalValues");
      canon != attribute.end() && canon->is_array() && !canon->empty()) {
    description += (description.empty() ? "" : " ") + std::string("Canonical values: ");
    for (std::size_t i = 0; i < canon->size(); ++i) {
      description += (i ? ", " : "") + (*canon)[i].dump();
    }
    description += ".";
  }
  if (!description.empty()) schema["description"] = description;
  return schema;
}

void collect_paths(const json& attributes, const std::string& prefix,
                   std::vector<std::string>& out) {
  if (!attributes.is_array()) return;
  for (const auto& a : attributes) {
    if (!a.is_object() || text_of(a, "returned") == "never") continue;
    const auto name = text_of(a, "name");
    if (name.empty()) continue;
    out.push_back(prefix + name);
    if (text_of(a, "type") == "complex" && prefix.find('.') == std::string::npos) {
      collect_paths(a.value("subAttributes", json::array()), prefix + name + ".", out);
    }
  }
}

}  // namespace

const json& schema_list(const conf::Capabilities& caps) {
  static const json kEmpty = json::array();
  const auto& doc = caps.schemas_json;
  if (doc.is_array()) return doc;
  if (doc.is_object()) {
    if (auto it = doc.find("Resources"); it != doc.end() && it->is_array()) return *it;
  }
  return kEmpty;
}

const json* find_schema(const conf::Capabilities& caps, const std::string& urn) {
  for (const auto& s : schema_list(caps)) {
    if (s.is_object() && text_of(s, "id") == urn) return &s;
  }
  return nullptr;
}

json writable_resource_schema(const conf::Capabilities& caps, const conf::ResourceTypeInfo& type) {
  const json* core = find_schema(caps, type.schema);
  json schema = core ? attributes_schema(core->value("attributes", json::array()))
                     : json{{"type", "object"}, {"properties", json::object()}};
  schema["title"] = type.name;
  schema["description"] =
      "A " + type.name + " (" + type.schema + ") as the target's /Schemas define it.";
  auto& properties = schema["properties"];
  properties["schemas"] = {{"type", "array"},
                           {"items", {{"type", "string"}}},
                           {"description", "Schema URNs; filled in from the keys when omitted."}};
  properties["externalId"] = {{"type", "string"},
                              {"description", "The provisioning client's own identifier."}};
  for (const auto& [urn, required] : type.extensions) {
    const json* ext = find_schema(caps, urn);
    properties[urn] =
        ext ? attributes_schema(ext->value("attributes", json::array())) : json{{"type", "object"}};
    if (required) schema["required"].push_back(urn);
  }
  return schema;
}

std::vector<std::string> attribute_paths(const conf::Capabilities& caps,
                                         const conf::ResourceTypeInfo& type) {
  std::vector<std::string> out{"id", "externalId", "meta.created", "meta.lastModified"};
  if (const json* core = find_schema(caps, type.schema)) {
    collect_paths(core->value("attributes", json::array()), "", out);
  }
  for (const auto& [urn, required] : type.extensions) {
    if (const json* ext = find_schema(caps, urn)) {
      collect_paths(ext->value("attributes", json::array()), urn + ":", out);
    }
  }
  return out;
}

}  // namespace scim::mcp
