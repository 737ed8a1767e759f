// scim_create (RFC 7644 §3.3), scim_replace (§3.5.1), scim_patch (§3.5.2), scim_delete (§3.6)
// and scim_bulk (§3.7). The resource argument's schema is derived from the target's /Schemas:
// one definition per resource type, chosen by resourceType (if/then), so a missing required
// attribute or a wrong type is refused before anything is sent.
#include "scim/mcp/resource_schema.hpp"
#include "scim/mcp/schema_check.hpp"
#include "scim/mcp/scim_tools.hpp"
#include "scim/protocol/urns.hpp"
#include "scim_support.hpp"

namespace scim::mcp {
namespace {

using namespace scim_tools;

// {"resourceType": ..., "resource": ...} plus `extra`, with one if/then branch per type.
json resource_input_schema(const Target& target, json extra, json required) {
  json properties = std::move(extra);
  properties["resourceType"] = resource_type_property(target);
  properties["resource"] = {{"type", "object"},
                            {"description",
                             "The resource as JSON; its shape depends on "
                             "resourceType (see definitions)."}};
  json schema{{"type", "object"},
              {"properties", std::move(properties)},
              {"required", std::move(required)},
              {"additionalProperties", false}};
  auto discovery = target.cached_discovery();
  if (!discovery) return schema;
  json definitions = json::object();
  json branches = json::array();
  for (const auto& type : discovery->caps.resource_types) {
    definitions[type.name] = writable_resource_schema(discovery->caps, type);
    branches.push_back(
        {{"if", {{"properties", {{"resourceType", {{"const", type.name}}}}}}},
         {"then", {{"properties", {{"resource", {{"$ref", "#/definitions/" + type.name}}}}}}}});
  }
  schema["definitions"] = std::move(definitions);
  schema["allOf"] = std::move(branches);
  return schema;
}

// The target's schema for this type, checked here too: the advertised schema may have been
// derived before the target changed, and this gives messages about the resource alone.
std::optional<ToolResult> check_resource(const TypeChoice& choice, const json& resource) {
  auto problems =
      schema_violations(writable_resource_schema(choice.discovery->caps, *choice.type), resource);
  if (problems.empty()) return std::nullopt;
  std::string text = "the resource does not match the target's " + choice.type->name + " schema:";
  for (const auto& p : problems) text += "\n- resource" + p;
  return ToolResult::error(text, json{{"violations", problems}});
}

conf::Headers if_match(const json& a) {
  if (!a.contains("ifMatch")) return {};
  return {{"If-Match", a["ifMatch"].get<std::string>()}};
}

ToolResult create(Target& target, const json& a) {
  auto choice = choose_type(target, a["resourceType"].get<std::string>());
  if (!choice) return choice.error();
  if (auto bad = check_resource(*choice, a["resource"])) return *bad;
  auto body = with_schemas(a["resource"], *choice->type);
  auto sent = target.send("POST", choice->type->endpoint, body.dump());
  return result_of(target, sent, "create " + choice->type->name);
}

ToolResult replace(Target& target, const json& a) {
  auto choice = choose_type(target, a["resourceType"].get<std::string>());
  if (!choice) return choice.error();
  if (auto bad = check_resource(*choice, a["resource"])) return *bad;
  const auto id = a["id"].get<std::string>();
  auto body = with_schemas(a["resource"], *choice->type);
  auto sent = target.send("PUT", resource_path(*choice->type, id), body.dump(), if_match(a));
  return result_of(target, sent, "replace " + choice->type->name + " " + id);
}

ToolResult patch(Target& target, const json& a) {
  auto choice = choose_type(target, a["resourceType"].get<std::string>());
  if (!choice) return choice.error();
  const auto id = a["id"].get<std::string>();
  const auto path = resource_path(*choice->type, id);
  json body{{"schemas", json::array({std::string(urn::kPatchOp)})},
            {"Operations", a["operations"]}};
  auto sent = target.send("PATCH", path, body.dump(), if_match(a));
  const auto summary = "patch " + choice->type->name + " " + id;
  if (sent.response.status != 204) return result_of(target, sent, summary);
  // RFC 7644 §3.5.2: 204 is a legal answer; read the resource back so the agent sees the result.
  auto result =
      result_of(target, target.send("GET", path, std::nullopt), summary + " (204; read back)");
  result.structured["status"] = 204;
  return result;
}

ToolResult remove(Target& target, const json& a) {
  auto choice = choose_type(target, a["resourceType"].get<std::string>());
  if (!choice) return choice.error();
  const auto id = a["id"].get<std::string>();
  auto sent = target.send("DELETE", resource_path(*choice->type, id), std::nullopt, if_match(a));
  return result_of(target, sent, "delete " + choice->type->name + " " + id);
}

ToolResult bulk(Target& target, const json& a) {
  json body{{"schemas", json::array({std::string(urn::kBulkRequest)})},
            {"Operations", a["operations"]}};
  if (a.contains("failOnErrors")) body["failOnErrors"] = a["failOnErrors"];
  auto result = result_of(target, target.send("POST", "/Bulk", body.dump()), "bulk");
  if (result.is_error) return result;
  std::string lines;
  for (const auto& op : result.structured["resource"].value("Operations", json::array())) {
    auto status = op.value("status", json(nullptr));
    if (status.is_object()) status = status.value("code", json(nullptr));  // RFC 7644 §3.7.3 form
    lines += "\n- " + op.value("method", std::string("?")) + " " +
             op.value("location", op.value("bulkId", std::string())) + " -> " +
             (status.is_string() ? status.get<std::string>() : status.dump());
  }
  result.text = "bulk: " + std::to_string(a["operations"].size()) + " operation(s)" + lines;
  return result;
}

json patch_operations_schema() {
  return {{"type", "array"},
          {"minItems", 1},
          {"description", "RFC 7644 §3.5.2 operations, applied in order and atomically."},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"op", {{"type", "string"}, {"enum", {"add", "remove", "replace"}}}},
              {"path",
               {{"type", "string"},
                {"description",
                 "An attribute path, e.g. "
                 "emails[type eq \"work\"].value"}}},
              {"value", {{"description", "The value (any JSON); not for remove."}}}}},
            {"required", {"op"}}}}};
}

json bulk_operations_schema() {
  return {{"type", "array"},
          {"minItems", 1},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"method", {{"type", "string"}, {"enum", {"POST", "PUT", "PATCH", "DELETE"}}}},
              {"path", {{"type", "string"}, {"description", "e.g. /Users or /Users/{id}"}}},
              {"bulkId", {{"type", "string"}}},
              {"version", {{"type", "string"}}},
              {"data", {{"type", "object"}}}}},
            {"required", {"method", "path"}}}}};
}

ToolSpec write_spec(std::string name, std::string title, std::string description, json schema,
                    bool destructive, bool idempotent) {
  return {.name = std::move(name),
          .title = std::move(title),
          .description = std::move(description),
          .input_schema = std::move(schema),
          .hints = {.read_only = false, .destructive = destructive, .idempotent = idempotent},
          .writes = true};
}

std::vector<std::shared_ptr<Tool>> tools_for(Target& t) {
  auto* p = &t;
  auto tool = [](auto spec, auto call) { return std::make_shared<FunctionTool>(spec, call); };
  json id_props{{"id", id_property()}, {"ifMatch", if_match_property()}};
  return {
      tool(
          [p] {
            return write_spec(
                "scim_create", "Create a SCIM resource",
                "Creates a resource (POST, RFC 7644 §3.3) and returns it with its id "
                "and ETag. The resource schema comes from the target's /Schemas; "
                "'schemas' is filled in when omitted.",
                resource_input_schema(*p, json::object(), {"resourceType", "resource"}), false,
                false);
          },
          [p](const json& a, RequestContext&) { return create(*p, a); }),
      tool(
          [p, id_props] {
            return write_spec(
                "scim_replace", "Replace a SCIM resource",
                "Replaces a resource (PUT, RFC 7644 §3.5.1): attributes left out are "
                "cleared. Returns the resource and its new ETag.",
                resource_input_schema(*p, id_props, {"resourceType", "id", "resource"}), true,
                true);
          },
          [p](const json& a, RequestContext&) { return replace(*p, a); }),
      tool(
          [p, id_props] {
            json props = id_props;
            props["resourceType"] = resource_type_property(*p);
            props["operations"] = patch_operations_schema();
            return write_spec("scim_patch", "Patch a SCIM resource",
                              "Modifies a resource with PATCH operations (RFC 7644 §3.5.2) and "
                              "returns the result and its ETag.",
                              {{"type", "object"},
                               {"properties", props},
                               {"required", {"resourceType", "id", "operations"}},
                               {"additionalProperties", false}},
                              true, false);
          },
          [p](const json& a, RequestContext&) { return patch(*p, a); }),
      tool(
          [p, id_props] {
            json props = id_props;
            props["resourceType"] = resource_type_property(*p);
            return write_spec("scim_delete", "Delete a SCIM resource",
                              "Deletes a resource (DELETE, RFC 7644 §3.6). It cannot be undone.",
                              {{"type", "object"},
                               {"properties", props},
                               {"required", {"resourceType", "id"}},
                               {"additionalProperties", false}},
                              true, true);
          },
          [p](const json& a, RequestContext&) { return remove(*p, a); }),
      tool(
          [] {
            return write_spec("scim_bulk", "Run a SCIM bulk request",
                              "Sends several operations in one POST /Bulk (RFC 7644 §3.7); bulkId "
                              "lets later operations refer to resources created earlier.",
                              {{"type", "object"},
                               {"properties",
                                {{"operations", bulk_operations_schema()},
                                 {"failOnErrors", {{"type", "integer"}, {"minimum", 1}}}}},
                               {"required", {"operations"}},
                               {"additionalProperties", false}},
                              true, false);
          },
          [p](const json& a, RequestContext&) { return bulk(*p, a); }),
  };
}

}  // namespace

std::vector<std::shared_ptr<Tool>> make_scim_write_tools(Target& target) {
  return tools_for(target);
}

}  // namespace scim::mcp
