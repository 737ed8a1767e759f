// What the SCIM tools share: resolving a resourceType against the target's /ResourceTypes, the
// argument schema fragments, and turning an HTTP answer into a tool result (status, ETag,
// Location and the resource as structured content, a readable summary as text).
#pragma once

#include <string>
#include <vector>

#include "scim/mcp/target.hpp"
#include "scim/mcp/tool.hpp"

namespace scim::mcp::scim_tools {

// Readable text is bounded: a model's context is precious and a list can be megabytes.
inline constexpr std::size_t kMaxText = 48 * 1024;

struct TypeChoice {
  std::shared_ptr<const Discovery> discovery;
  const conf::ResourceTypeInfo* type = nullptr;
};

// The resource type named `name` (or whose endpoint is `name`), or a tool error naming the
// choices; an unreachable target is a tool error too.
Result<TypeChoice, ToolResult> choose_type(Target& target, const std::string& name);

// {"type": "string", "enum": [names]} from the cached discovery (open string before any).
json resource_type_property(const Target& target);
json id_property();
json if_match_property();
json attributes_properties(const Target& target);

// "<endpoint>/<percent-encoded id>".
std::string resource_path(const conf::ResourceTypeInfo& type, const std::string& id);
// "?attributes=a,b&excludedAttributes=c" (RFC 7644 §3.9) or "".
std::string projection_query(const json& arguments);

// 2xx: the resource (when the body is JSON), "status", "etag", "location"; otherwise a tool
// error with the SCIM error's status, scimType and detail.
ToolResult result_of(Target& target, const conf::ScimClient::Sent& sent, std::string summary);

// Pretty JSON, cut to kMaxText with a note.
std::string readable(const json& value);

// Adds "schemas" from the resource's keys (core URN plus extension URNs used) when absent.
json with_schemas(json resource, const conf::ResourceTypeInfo& type);

}  // namespace scim::mcp::scim_tools
