// Resource endpoints (RFC 7644 §3.3 create, §3.4.1 retrieve, §3.5.1 replace, §3.5.2 modify,
// §3.6 delete) on any registered resource type's endpoint. Each returns the exact RFC status:
// 201 + Location + ETag, 200, 304 (If-None-Match), 204, 404, 409, 412 (If-Match).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scim/server/endpoints/context.hpp"
#include "scim/server/store/resource_store.hpp"

namespace scim::server {

Response create_resource(const Context& ctx, const ResourceType& type);
Response get_resource(const Context& ctx, const ResourceType& type, std::string_view id);
Response replace_resource(const Context& ctx, const ResourceType& type, std::string_view id);
Response patch_resource(const Context& ctx, const ResourceType& type, std::string_view id);
Response delete_resource(const Context& ctx, const ResourceType& type, std::string_view id);

// POST's validation (RFC 7644 §3.3) of `input`, with `id` (or a new UUID) assigned; not stored.
Result<nlohmann::json> validated_for_create(const Context& ctx, const ResourceType& type,
                                            const nlohmann::json& input,
                                            std::optional<std::string> id);
// The create path shared with seed loading: validate as POST, assign `id` (or a new UUID), store,
// notify. Errors are the ones POST answers.
Result<store::WriteOutcome> create_validated(const Context& ctx, const ResourceType& type,
                                             const nlohmann::json& input,
                                             std::optional<std::string> id);
// The same for an input the caller gives up (a body parsed for this request): its values are
// moved into the stored resource instead of copied; afterwards `input` is unspecified.
Result<store::WriteOutcome> create_validated(const Context& ctx, const ResourceType& type,
                                             nlohmann::json&& input, std::optional<std::string> id);

}  // namespace scim::server
