// The OpenAPI 3.1 document (see openapi_document.hpp). Each route of the table becomes one
// operation; a {type} route becomes one operation per registered resource type, with that
// type's schema, so a custom resource type appears with its own paths and attributes.
#include "scim/server/observe/openapi_document.hpp"

#include "scim/server/observe/openapi_examples.hpp"
#include "scim/server/observe/openapi_schema.hpp"

namespace scim::observe {
namespace {

using json = nlohmann::json;
using server::Access;
using server::Route;

constexpr std::string_view kScimJson = "application/scim+json";

json body(std::string_view media, json schema, const json& example = nullptr) {
  json content = {{"schema", std::move(schema)}};
  if (!example.is_null()) content["example"] = example;
  return {{"content", {{std::string(media), std::move(content)}}}};
}

// What one operation reads and answers: the request body schema (null for none), the success
// status and its schema.
struct Shape {
  json request = nullptr;
  json request_example = nullptr;
  std::string status = "200";
  json response = json{{"type", "object"}};
  json response_example = nullptr;
};

bool is_user(const ResourceType* type) {
  return type && type->schema == "urn:ietf:params:scim:schemas:core:2.0:User";
}

Shape resource_shape(const Route& r, const ResourceType* type) {
  const json resource = type ? schema_ref(component_name(type->name)) : json{{"type", "object"}};
  const json user_req = is_user(type) ? example_user_request() : json(nullptr);
  const json user_res = is_user(type) ? example_user_response() : json(nullptr);
  const std::string_view p = r.pattern;
  const bool item = p.ends_with("/{id}");
  if (p.ends_with("/.search")) {
    return {schema_ref("SearchRequest"), example_search_request(), "200",
            schema_ref("ListResponse"), example_list_response()};
  }
  if (r.method == "GET" && !item)
    return {nullptr, nullptr, "200", schema_ref("ListResponse"), example_list_response()};
  if (r.method == "POST") return {resource, user_req, "201", resource, user_res};
  if (r.method == "PUT") return {resource, user_req, "200", resource, user_res};
  if (r.method == "PATCH") return {schema_ref("PatchOp"), example_patch_request(), "200", resource};
  if (r.method == "DELETE") return {nullptr, nullptr, "204", nullptr};
  return {nullptr, nullptr, "200", resource, user_res};
}

Shape shape_of(const Route& r, const ResourceType* type) {
  if (type || r.pattern == "/Me") return resource_shape(r, type);
  if (r.pattern == "/.search") return resource_shape(r, nullptr);
  if (r.pattern == "/Bulk") {
    return {schema_ref("BulkRequest"), example_bulk_request(), "200", schema_ref("BulkResponse")};
  }
  Shape s;
  if (r.method == "POST" || r.method == "PUT" || r.method == "PATCH") {
    s.request = {{"type", "object"}};
  }
  if (r.method == "DELETE") {
    s.status = "204";
    s.response = nullptr;
  }
  return s;
}

std::string media_of(const Route& r) {
  return r.scope == server::Scope::Scim ? std::string(kScimJson) : "application/json";
}

json responses(const Route& r, const Shape& s) {
  json out = json::object();
  if (r.pattern == "/metrics") {
    out["200"] = body("text/plain", {{"type", "string"}});
    out["200"]["description"] = "Prometheus text exposition format 0.0.4";
  } else if (s.response.is_null()) {
    out[s.status] = {{"description", "done, no body"}};
  } else {
    out[s.status] = body(media_of(r), s.response, s.response_example);
    out[s.status]["description"] = r.summary;
  }
  if (r.access != Access::Public) out["401"] = {{"description", "no or invalid credentials"}};
  out["default"] = body(media_of(r), schema_ref("ScimError"), example_error());
  out["default"]["description"] = "an error (RFC 7644 §3.12)";
  return out;
}

json security(const Route& r, bool basic) {
  if (r.access == Access::Public) return json::array();
  if (r.access == Access::Admin) return json::array({{{"adminToken", json::array()}}});
  json s = json::array({{{"bearer", json::array()}}});
  if (basic) s.push_back({{"basic", json::array()}});
  return s;
}

std::string tag_of(const Route& r, const ResourceType* type) {
  if (type) return type->name;
  if (r.access == Access::Admin) return "Admin";
  if (r.scope == server::Scope::Root) return "Operator";
  if (r.rfc.find("RFC 7644 §4") != std::string_view::npos) return "Discovery";
  if (r.pattern.starts_with("/Feeds")) return "Events";
  return "SCIM";
}

// The path's {name} segments as required path parameters.
json path_parameters(const std::string& path) {
  json params = json::array();
  for (std::size_t open = path.find('{'); open != std::string::npos;
       open = path.find('{', open + 1)) {
    const auto close = path.find('}', open);
    params.push_back({{"name", path.substr(open + 1, close - open - 1)},
                      {"in", "path"},
                      {"required", true},
                      {"schema", {{"type", "string"}}}});
  }
  return params;
}

// RFC 7644 §3.4.2 query parameters of GET on a resource endpoint.
void add_query_parameters(json& params) {
  for (const char* name : {"filter", "sortBy", "sortOrder", "startIndex", "count", "attributes",
                           "excludedAttributes"}) {
    params.push_back({{"name", name}, {"in", "query"}, {"schema", {{"type", "string"}}}});
  }
}

std::string operation_id(const std::string& method, const std::string& path) {
  std::string id = method;
  for (char c : path) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    id += ok ? c : '_';
  }
  return id;
}

std::string lower(std::string_view method) {
  std::string out(method);
  for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

json operation(const Route& r, const ResourceType* type, const std::string& path,
               const OpenApiInputs& in) {
  const Shape s = shape_of(r, type);
  json op = {{"operationId", operation_id(lower(r.method), path)},
             {"summary", r.summary},
             {"tags", {tag_of(r, type)}},
             {"security", security(r, in.basic_auth)},
             {"responses", responses(r, s)}};
  if (r.rfc != "-") op["description"] = "Defined by " + std::string(r.rfc) + ".";
  json params = path_parameters(path);
  if (type && r.method == "GET" && r.pattern == "/{type}") add_query_parameters(params);
  if (!params.empty()) op["parameters"] = std::move(params);
  if (!s.request.is_null()) {
    op["requestBody"] = body(media_of(r), s.request, s.request_example);
    op["requestBody"]["required"] = true;
  }
  return op;
}

// The concrete paths of a route: one per resource type for a {type} pattern.
void add_route(json& paths, const Route& r, const OpenApiInputs& in) {
  const std::string prefix = r.scope == server::Scope::Scim ? in.base_path : "";
  const std::string pattern(r.pattern);
  const auto slot = pattern.find("{type}");
  if (slot == std::string::npos) {
    const std::string path = prefix + pattern;
    paths[path][lower(r.method)] = operation(r, nullptr, path, in);
    return;
  }
  for (const ResourceType* type : in.registry.resource_types()) {
    std::string path = prefix + pattern;
    path.replace(prefix.size() + slot, 6, type->endpoint.substr(1));
    paths[path][lower(r.method)] = operation(r, type, path, in);
  }
}

json components(const OpenApiInputs& in) {
  json schemas = message_components();
  for (const Schema* s : in.registry.schemas()) {
    schemas[component_name(s->id)] = scim_schema_component(*s);
  }
  for (const ResourceType* t : in.registry.resource_types()) {
    schemas[component_name(t->name)] = resource_type_component(*t, in.registry);
  }
  json schemes = {
      {"bearer",
       {{"type", "http"},
        {"scheme", "bearer"},
        {"description", "A tenant's bearer token (RFC 6750), --token"}}},
      {"adminToken",
       {{"type", "http"},
        {"scheme", "bearer"},
        {"description", "An admin token (--admin-token); only for /admin/v1 (docs/mock.md)"}}}};
  if (in.basic_auth) {
    schemes["basic"] = {
        {"type", "http"}, {"scheme", "basic"}, {"description", "HTTP Basic (RFC 7617), --basic"}};
  }
  return {{"schemas", std::move(schemas)}, {"securitySchemes", std::move(schemes)}};
}

}  // namespace

json openapi_document(const OpenApiInputs& in) {
  json paths = json::object();
  for (const Route& r : in.routes) add_route(paths, r, in);
  return {
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "scim-reference-server"},
        {"version", in.version},
        {"description",
         "A strict SCIM 2.0 service provider (RFC 7643, RFC 7644). SCIM paths are shown under " +
             in.base_path + "; the same paths serve each tenant under /tenants/{tenant}" +
             in.base_path + " (RFC 7644 §6.1)."}}},
      {"servers", json::array({{{"url", "/"}}})},
      {"security", json::array({{{"bearer", json::array()}}})},
      {"paths", std::move(paths)},
      {"components", components(in)}};
}

}  // namespace scim::observe
