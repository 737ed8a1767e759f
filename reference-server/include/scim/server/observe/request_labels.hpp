// The label values of a request, each from a bounded set, so that a hostile client can never
// mint new series: the method from the RFC 9110 methods the server knows (else "OTHER"), the
// status class ("2xx"), the resource type from the registry (never a path or an id), and the
// tenant only when it exists (a path-addressed anonymous request names any tenant it likes).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "scim/protocol/strings.hpp"
#include "scim/server/api/request.hpp"

namespace scim::observe {

// Used where a request has no value for a label (no tenant, not a resource endpoint).
inline constexpr std::string_view kNoLabel = "none";

struct RequestLabelSources {
  // Endpoint segment -> resource type name: "users" -> "User" (RFC 7643 §6), found without
  // case, so a request's segment is looked up as it is.
  std::unordered_map<std::string, std::string, IHash, IEqual> type_by_endpoint;
  // Whether a tenant exists; asked only for requests without a credential.
  std::function<bool(std::string_view tenant)> tenant_exists;
};

// The labels are views: of static text, of `s` or of `request`, valid as long as they are.
std::string_view method_label(std::string_view method);
std::string_view status_class_label(int status);
// The resource type a request addresses ("/Users/2819c223" -> "User"), else "none".
std::string_view resource_type_label(const server::Request& request, const RequestLabelSources& s);
std::string_view tenant_label(const server::Request& request, const RequestLabelSources& s);

}  // namespace scim::observe
