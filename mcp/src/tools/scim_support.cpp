// Shared pieces of the SCIM tools (RFC 7644 §3: endpoints, ETags §3.14, projection §3.9).
#include "scim_support.hpp"

#include "scim/conformance/http.hpp"

namespace scim::mcp::scim_tools {

Result<TypeChoice, ToolResult> choose_type(Target& target, const std::string& name) {
  auto discovery = target.discovery();
  if (!discovery)
    return ToolResult::error("cannot read the target's discovery: " + discovery.error());
  const auto& caps = (*discovery)->caps;
  std::string names;
  for (const auto& t : caps.resource_types) {
    if (t.name == name || t.id == name || t.endpoint == name || t.endpoint == "/" + name) {
      return TypeChoice{*discovery, &t};
    }
    names += (names.empty() ? "" : ", ") + t.name;
  }
  return ToolResult::error("unknown resourceType '" + name + "'; the target offers: " +
                           (names.empty() ? "(no resource types)" : names));
}

json resource_type_property(const Target& target) {
  json property{{"type", "string"},
                {"description",
                 "A resource type of the target (its /ResourceTypes name), "
                 "e.g. User or Group."}};
  if (auto d = target.cached_discovery(); d && !d->caps.resource_types.empty()) {
    json names = json::array();
    for (const auto& t : d->caps.resource_types) names.push_back(t.name);
    property["enum"] = std::move(names);
  }
  return property;
}

json id_property() {
  return {{"type", "string"}, {"minLength", 1}, {"description", "The resource's id."}};
}

json if_match_property() {
  return {{"type", "string"},
          {"description",
           "An ETag (e.g. W/\"3\"): the write only happens if the resource is "
           "still at that version (RFC 7644 §3.14)."}};
}

json attributes_properties(const Target&) {
  json list{{"type", "array"}, {"items", {{"type", "string"}}}};
  json attributes = list;
  attributes["description"] = "Only these attributes are returned (RFC 7644 §3.9).";
  json excluded = list;
  excluded["description"] = "These attributes are left out of the response (RFC 7644 §3.9).";
  return {{"attributes", attributes}, {"excludedAttributes", excluded}};
}

std::string resource_path(const conf::ResourceTypeInfo& type, const std::string& id) {
  return type.endpoint + "/" + conf::percent_encode(id);
}

std::string projection_query(const json& arguments) {
  std::string query;
  for (const char* key : {"attributes", "excludedAttributes"}) {
    auto it = arguments.find(key);
    if (it == arguments.end() || !it->is_array() || it->empty()) continue;
    std::string joined;
    for (const auto& a : *it) joined += (joined.empty() ? "" : ",") + a.get<std::string>();
    query += std::string(query.empty() ? "?" : "&") + key + "=" + conf::percent_encode(joined);
  }
  return query;
}

std::string readable(const json& value) {
  auto text = value.dump(2, ' ', false, json::error_handler_t::replace);
  if (text.size() > kMaxText) {
    const auto total = text.size();
    text.resize(kMaxText);
    text += "\n... (" + std::to_string(total) + " bytes; the structured content has it all)";
  }
  return text;
}

ToolResult result_of(Target& target, const conf::ScimClient::Sent& sent, std::string summary) {
  const auto& r = sent.response;
  json details{{"status", r.status}, {"request", sent.exchange.method + " " + sent.exchange.url}};
  // The body as the agent sees it: password attributes and configured secrets masked.
  auto body = nlohmann::json::parse(target.redact(r.body), nullptr, false);
  if (r.body.empty() || body.is_discarded()) body = nullptr;
  if (r.status < 200 || r.status >= 300) {
    if (!body.is_null()) details["scimError"] = body;
    auto message = summary + " failed: " + describe_failure(r);
    return ToolResult::error(target.redact(message), std::move(details));
  }
  if (const auto* etag = r.header("ETag")) details["etag"] = *etag;
  if (const auto* location = r.header("Location")) details["location"] = *location;
  ToolResult result;
  std::string text = summary + ": HTTP " + std::to_string(r.status);
  if (details.contains("etag")) text += ", ETag " + details["etag"].get<std::string>();
  if (details.contains("location")) text += ", Location " + details["location"].get<std::string>();
  if (!body.is_null()) {
    details["resource"] = std::move(body);
    text += "\n\n" + readable(details["resource"]);
  }
  result.text = target.redact(text);
  result.structured = std::move(details);
  return result;
}

json with_schemas(json resource, const conf::ResourceTypeInfo& type) {
  if (!resource.is_object() || resource.contains("schemas")) return resource;
  json schemas = json::array({type.schema});
  for (const auto& [urn, required] : type.extensions) {
    if (resource.contains(urn)) schemas.push_back(urn);
  }
  resource["schemas"] = std::move(schemas);
  return resource;
}

}  // namespace scim::mcp::scim_tools
