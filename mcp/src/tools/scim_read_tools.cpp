// scim_discover (RFC 7644 §4 discovery, summarised), scim_search (§3.4.2 filter, sort, paging,
// projection, by GET or POST .search §3.4.3) and scim_get (§3.4.1).
#include "scim/mcp/resource_schema.hpp"
#include "scim/mcp/scim_tools.hpp"
#include "scim/protocol/urns.hpp"
#include "scim_support.hpp"

namespace scim::mcp {
namespace {

using namespace scim_tools;

json schema_summary(const conf::Capabilities& caps) {
  json out = json::array();
  for (const auto& s : schema_list(caps)) {
    if (!s.is_object()) continue;
    json required = json::array();
    std::size_t count = 0;
    for (const auto& a : s.value("attributes", json::array())) {
      ++count;
      if (a.value("required", false)) required.push_back(a.value("name", ""));
    }
    out.push_back({{"id", s.value("id", "")},
                   {"name", s.value("name", "")},
                   {"attributes", count},
                   {"required", required}});
  }
  return out;
}

std::string discovery_text(const conf::Capabilities& caps, const std::string& url) {
  std::string text = "Target " + url + "\nFeatures:";
  const std::pair<const char*, bool> features[] = {
      {"patch", caps.patch}, {"bulk", caps.bulk},    {"filter", caps.filter},
      {"sort", caps.sort},   {"etag", caps.etag},    {"changePassword", caps.change_password},
      {"/Me", caps.me},      {"events", caps.events}};
  for (const auto& [name, on] : features) text += std::string(" ") + name + (on ? "=yes" : "=no");
  if (caps.filter) text += "\nfilter maxResults: " + std::to_string(caps.filter_max_results);
  if (caps.bulk) text += "\nbulk maxOperations: " + std::to_string(caps.bulk_max_operations);
  text += "\nResource types:";
  for (const auto& t : caps.resource_types) {
    text += "\n- " + t.name + " at " + t.endpoint + " (" + t.schema + ")";
    for (const auto& [urn, required] : t.extensions) {
      text += "\n  extension " + urn + (required ? " (required)" : "");
    }
  }
  return text;
}

ToolResult discover(Target& target, const json& arguments) {
  auto discovery = target.discovery(arguments.value("refresh", true));
  if (!discovery) return ToolResult::error(discovery.error());
  const auto& caps = (*discovery)->caps;
  ToolResult r;
  r.structured = caps.to_json();
  r.structured["schemas"] = schema_summary(caps);
  r.structured["serviceProviderConfig"] = caps.service_provider_config;
  r.text = discovery_text(caps, target.options().base_url);
  return r;
}

ToolSpec discover_spec() {
  return {.name = "scim_discover",
          .title = "Discover the SCIM target",
          .description =
              "Reads the target's /ServiceProviderConfig, /ResourceTypes and /Schemas "
              "(RFC 7644 §4) and summarises what it supports: PATCH, bulk, filter, "
              "sort, ETags, /Me, events, each resource type with its extensions, and "
              "each schema with its required attributes. Call this first.",
          .input_schema = {{"type", "object"},
                           {"properties",
                            {{"refresh",
                              {{"type", "boolean"},
                               {"description",
                                "Read again instead of the cached copy (default "
                                "true)."}}}}},
                           {"additionalProperties", false}},
          .hints = {.read_only = true}};
}

std::string search_query(const json& a) {
  std::string query = projection_query(a);
  auto add = [&](const char* key, const std::string& value) {
    query += std::string(query.empty() ? "?" : "&") + key + "=" + conf::percent_encode(value);
  };
  if (a.contains("filter")) add("filter", a["filter"].get<std::string>());
  if (a.contains("sortBy")) add("sortBy", a["sortBy"].get<std::string>());
  if (a.contains("sortOrder")) add("sortOrder", a["sortOrder"].get<std::string>());
  if (a.contains("startIndex")) add("startIndex", std::to_string(a["startIndex"].get<long long>()));
  if (a.contains("count")) add("count", std::to_string(a["count"].get<long long>()));
  return query;
}

json search_body(const json& a) {
  json body{{"schemas", json::array({std::string(urn::kSearchRequest)})}};
  for (const char* key : {"filter", "sortBy", "sortOrder", "startIndex", "count", "attributes",
                          "excludedAttributes"}) {
    if (a.contains(key)) body[key] = a[key];
  }
  return body;
}

ToolResult search(Target& target, const json& a) {
  auto choice = choose_type(target, a["resourceType"].get<std::string>());
  if (!choice) return choice.error();
  const bool post = a.value("method", "GET") == "POST";
  const auto& endpoint = choice->type->endpoint;
  auto sent = post ? target.send("POST", endpoint + "/.search", search_body(a).dump())
                   : target.send("GET", endpoint + search_query(a), std::nullopt);
  auto result = result_of(target, sent, "search " + choice->type->name);
  if (result.is_error) return result;
  auto& list = result.structured["resource"];
  if (list.is_object()) {
    json summary{{"totalResults", list.value("totalResults", json(nullptr))},
                 {"itemsPerPage", list.value("itemsPerPage", json(nullptr))},
                 {"startIndex", list.value("startIndex", json(nullptr))}};
    result.structured["page"] = summary;
    result.structured["resources"] = list.value("Resources", json::array());
    result.structured.erase("resource");
    result.text = "search " + choice->type->name + ": " + summary.dump() + "\n\n" +
                  readable(result.structured["resources"]);
  }
  return result;
}

ToolSpec search_spec(const Target& target) {
  json properties = attributes_properties(target);
  properties["resourceType"] = resource_type_property(target);
  properties["filter"] = {{"type", "string"},
                          {"description",
                           "An RFC 7644 §3.4.2.2 filter, e.g. userName eq "
                           "\"bjensen\" or emails[type eq \"work\"]."}};
  properties["sortBy"] = {{"type", "string"}, {"description", "An attribute path to sort by."}};
  properties["sortOrder"] = {{"type", "string"}, {"enum", {"ascending", "descending"}}};
  properties["startIndex"] = {{"type", "integer"}, {"minimum", 1}};
  properties["count"] = {{"type", "integer"}, {"minimum", 0}};
  properties["method"] = {{"type", "string"},
                          {"enum", {"GET", "POST"}},
                          {"description",
                           "GET with query parameters (default) or POST "
                           "<endpoint>/.search (RFC 7644 §3.4.3)."}};
  return {.name = "scim_search",
          .title = "Search SCIM resources",
          .description =
              "Lists resources of one type with an optional filter, sorting, paging "
              "and attribute projection (RFC 7644 §3.4.2). A filter the target cannot "
              "parse comes back as its invalidFilter error.",
          .input_schema = {{"type", "object"},
                           {"properties", properties},
                           {"required", {"resourceType"}},
                           {"additionalProperties", false}},
          .hints = {.read_only = true}};
}

ToolResult get(Target& target, const json& a) {
  auto choice = choose_type(target, a["resourceType"].get<std::string>());
  if (!choice) return choice.error();
  const auto id = a["id"].get<std::string>();
  auto sent =
      target.send("GET", resource_path(*choice->type, id) + projection_query(a), std::nullopt);
  return result_of(target, sent, "get " + choice->type->name + " " + id);
}

ToolSpec get_spec(const Target& target) {
  json properties = attributes_properties(target);
  properties["resourceType"] = resource_type_property(target);
  properties["id"] = id_property();
  return {.name = "scim_get",
          .title = "Get a SCIM resource",
          .description =
              "Reads one resource by id (RFC 7644 §3.4.1) and returns it with its "
              "ETag.",
          .input_schema = {{"type", "object"},
                           {"properties", properties},
                           {"required", {"resourceType", "id"}},
                           {"additionalProperties", false}},
          .hints = {.read_only = true}};
}

}  // namespace

std::vector<std::shared_ptr<Tool>> make_scim_read_tools(Target& target) {
  auto* t = &target;
  return {
      std::make_shared<FunctionTool>(
          discover_spec, [t](const json& a, RequestContext&) { return discover(*t, a); }),
      std::make_shared<FunctionTool>([t] { return search_spec(*t); },
                                     [t](const json& a, RequestContext&) { return search(*t, a); }),
      std::make_shared<FunctionTool>([t] { return get_spec(*t); },
                                     [t](const json& a, RequestContext&) { return get(*t, a); }),
  };
}

}  // namespace scim::mcp
