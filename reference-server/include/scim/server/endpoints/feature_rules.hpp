// The request rules behind Features (service_config.hpp): what a query, a /Me request, a root
// query or a group write meets when a deployment has switched the feature off. Each answer is the
// one the RFC gives a provider without the feature.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/server/endpoints/context.hpp"
#include "scim/server/engine/filter/filter.hpp"

namespace scim::server {

// 400 invalidFilter naming the first operator of `filter` that `allowed` (Features::
// filter_operators; empty allows all) does not list: RFC 7644 §3.12 Table 9, "the specified
// attribute and filter comparison combination is not supported".
std::optional<ScimError> unsupported_filter_operator(const engine::Filter& filter,
                                                     const std::vector<std::string>& allowed);

// With nested groups off, 400 invalidValue when a member of `resource` (a group of `type`) is a
// resource of that same type (RFC 7643 §4.2 lets the provider choose not to support nesting).
std::optional<ScimError> refused_nesting(const Context& ctx, const ResourceType& type,
                                         const nlohmann::json& resource);

}  // namespace scim::server
