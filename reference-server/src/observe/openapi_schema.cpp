// SCIM schemas as JSON Schema components (see openapi_schema.hpp). Types follow RFC 7643 §2.3:
// decimal is a JSON number, dateTime an xsd:dateTime string (§2.3.5), binary base64 (§2.3.6),
// reference a URI (§2.3.7). readOnly and writeOnly carry §7's mutability.
#include "scim/server/observe/openapi_schema.hpp"

#include "scim/protocol/urns.hpp"

namespace scim::observe {
namespace {

using json = nlohmann::json;

json type_schema(AttributeType type) {
  switch (type) {
    case AttributeType::String:
      return {{"type", "string"}};
    case AttributeType::Boolean:
      return {{"type", "boolean"}};
    case AttributeType::Decimal:
      return {{"type", "number"}};
    case AttributeType::Integer:
      return {{"type", "integer"}};
    case AttributeType::DateTime:
      return {{"type", "string"}, {"format", "date-time"}};
    case AttributeType::Binary:
      return {{"type", "string"}, {"contentEncoding", "base64"}};
    case AttributeType::Reference:
      return {{"type", "string"}, {"format", "uri-reference"}};
    case AttributeType::Complex:
      return {{"type", "object"}};
  }
  return json::object();
}

json properties_of(const std::vector<Attribute>& attributes, json* required) {
  json properties = json::object();
  for (const auto& a : attributes) {
    properties[a.name] = attribute_schema(a);
    if (required && a.required && a.mutability != Mutability::ReadOnly) required->push_back(a.name);
  }
  return properties;
}

}  // namespace

json schema_ref(const std::string& component) {
  return {{"$ref", "#/components/schemas/" + component}};
}

std::string component_name(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    out += ok ? c : '_';
  }
  return out;
}

json attribute_schema(const Attribute& a) {
  json s = type_schema(a.type);
  if (!a.description.empty()) s["description"] = a.description;
  if (a.type == AttributeType::Complex) s["properties"] = properties_of(a.sub_attributes, nullptr);
  if (!a.canonical_values.empty()) s["examples"] = a.canonical_values;
  if (a.mutability == Mutability::ReadOnly) s["readOnly"] = true;
  if (a.mutability == Mutability::WriteOnly || a.returned == Returned::Never) s["writeOnly"] = true;
  if (!a.multi_valued) return s;
  json array = {{"type", "array"}, {"items", std::move(s)}};
  if (!a.description.empty()) array["description"] = a.description;
  return array;
}

json scim_schema_component(const Schema& schema) {
  json required = json::array();
  json s = {{"type", "object"},
            {"title", schema.name.empty() ? schema.id : schema.name},
            {"description", schema.description.empty() ? schema.id : schema.description},
            {"properties", properties_of(schema.attributes, &required)}};
  if (!required.empty()) s["required"] = std::move(required);
  return s;
}

json resource_type_component(const ResourceType& type, const Registry& registry) {
  json properties = {
      {"schemas", {{"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", 1}}},
      {"id", {{"type", "string"}, {"readOnly", true}}},
      {"externalId", {{"type", "string"}}},
      {"meta", schema_ref("Meta")}};
  for (const auto& ext : type.extensions) {
    if (registry.find_schema(ext.schema))
      properties[ext.schema] = schema_ref(component_name(ext.schema));
  }
  json all_of = json::array({{{"type", "object"}, {"properties", std::move(properties)}}});
  if (registry.find_schema(type.schema)) all_of.push_back(schema_ref(component_name(type.schema)));
  return {{"title", type.name},
          {"description", type.description.empty() ? type.name : type.description},
          {"allOf", std::move(all_of)}};
}

json message_components() {
  const json strings = {{"type", "array"}, {"items", {{"type", "string"}}}};
  return {
      {"Meta",
       {{"type", "object"},
        {"readOnly", true},
        {"properties",
         {{"resourceType", {{"type", "string"}}},
          {"created", {{"type", "string"}, {"format", "date-time"}}},
          {"lastModified", {{"type", "string"}, {"format", "date-time"}}},
          {"location", {{"type", "string"}, {"format", "uri"}}},
          {"version", {{"type", "string"}}}}}}},
      {"ScimError",
       {{"type", "object"},
        {"description", "RFC 7644 §3.12 error response"},
        {"required", {"schemas", "status"}},
        {"properties",
         {{"schemas", strings},
          {"status", {{"type", "string"}}},
          {"scimType", {{"type", "string"}}},
          {"detail", {{"type", "string"}}}}}}},
      {"ListResponse",
       {{"type", "object"},
        {"description", "RFC 7644 §3.4.2 query response"},
        {"required", {"schemas", "totalResults"}},
        {"properties",
         {{"schemas", strings},
          {"totalResults", {{"type", "integer"}, {"minimum", 0}}},
          {"itemsPerPage", {{"type", "integer"}}},
          {"startIndex", {{"type", "integer"}}},
          {"nextCursor", {{"type", "string"}}},
          {"previousCursor", {{"type", "string"}}},
          {"Resources", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}},
      {"PatchOp",
       {{"type", "object"},
        {"description", "RFC 7644 §3.5.2 PATCH request"},
        {"required", {"schemas", "Operations"}},
        {"properties",
         {{"schemas", strings},
          {"Operations",
           {{"type", "array"},
            {"items",
             {{"type", "object"},
              {"required", {"op"}},
              {"properties",
               {{"op", {{"type", "string"}, {"examples", {"add", "remove", "replace"}}}},
                {"path", {{"type", "string"}}},
                {"value", json::object()}}}}}}}}}}},
      {"SearchRequest",
       {{"type", "object"},
        {"description", "RFC 7644 §3.4.3 query by POST"},
        {"required", {"schemas"}},
        {"properties",
         {{"schemas", strings},
          {"attributes", strings},
          {"excludedAttributes", strings},
          {"filter", {{"type", "string"}}},
          {"sortBy", {{"type", "string"}}},
          {"sortOrder", {{"type", "string"}, {"enum", {"ascending", "descending"}}}},
          {"startIndex", {{"type", "integer"}}},
          {"count", {{"type", "integer"}}}}}}},
      {"BulkRequest",
       {{"type", "object"},
        {"description", "RFC 7644 §3.7 bulk request"},
        {"required", {"schemas", "Operations"}},
        {"properties",
         {{"schemas", strings},
          {"failOnErrors", {{"type", "integer"}}},
          {"Operations", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}},
      {"BulkResponse",
       {{"type", "object"},
        {"description", "RFC 7644 §3.7 bulk response"},
        {"properties",
         {{"schemas", strings},
          {"Operations", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}},
  };
}

}  // namespace scim::observe
