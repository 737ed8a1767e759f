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

// With filtering off (Features::filter), 400 invalidFilter for a query that has a "filter": RFC
// 7644 §3.4.2.2 "Filtering is an OPTIONAL parameter", and Table 9 gives invalidFilter for a
// "filter comparison combination [that] is not supported" (here: none is).
std::optional<ScimError> refused_filter(const Context& ctx);

// With PATCH off (Features::patch), 501: §3.5.2 "HTTP PATCH is an OPTIONAL server function", and
// Table 8 gives 501 when the "Service provider does not support the request operation, e.g.,
// PATCH".
std::optional<ScimError> refused_patch(const Context& ctx);

// With changePassword off (Features::change_password), 501 when a PUT or PATCH would give the
// resource a "password" other than the one it holds (RFC 7643 §5 changePassword: "whether or
// not the operation is supported"; RFC 7644 Table 8). Sending the stored value again, or none,
// changes nothing and passes.
std::optional<ScimError> refused_password_change(const Context& ctx, const nlohmann::json& current,
                                                 const nlohmann::json& next);

}  // namespace scim::server
