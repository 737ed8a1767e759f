// URN constants for every schema and message of RFC 7643, RFC 7644 and the SCIM events profile
// (draft-ietf-scim-events-16). Attribute-level URNs are built by appending ":attr" to a schema URN.
#pragma once

#include <string_view>

namespace scim::urn {

// RFC 7643 §8.7.1 / §8.7.2: resource and service provider schemas.
inline constexpr std::string_view kUser = "urn:ietf:params:scim:schemas:core:2.0:User";
inline constexpr std::string_view kGroup = "urn:ietf:params:scim:schemas:core:2.0:Group";
inline constexpr std::string_view kEnterpriseUser =
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
inline constexpr std::string_view kServiceProviderConfig =
    "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
inline constexpr std::string_view kResourceType =
    "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
inline constexpr std::string_view kSchema = "urn:ietf:params:scim:schemas:core:2.0:Schema";

// RFC 7644 §3.1 and following: protocol messages.
inline constexpr std::string_view kListResponse =
    "urn:ietf:params:scim:api:messages:2.0:ListResponse";
inline constexpr std::string_view kSearchRequest =
    "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
inline constexpr std::string_view kPatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
inline constexpr std::string_view kBulkRequest =
    "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
inline constexpr std::string_view kBulkResponse =
    "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
inline constexpr std::string_view kError = "urn:ietf:params:scim:api:messages:2.0:Error";

// Prefixes (RFC 7643 §10.2).
inline constexpr std::string_view kSchemasPrefix = "urn:ietf:params:scim:schemas:";
inline constexpr std::string_view kCoreSchemaPrefix = "urn:ietf:params:scim:schemas:core:2.0:";
inline constexpr std::string_view kExtensionPrefix = "urn:ietf:params:scim:schemas:extension:";

// SCIM events profile (draft-ietf-scim-events-16 §2.4, §2.5, §2.6; RFC 9967).
namespace event {
inline constexpr std::string_view kPrefix = "urn:ietf:params:scim:event:";
inline constexpr std::string_view kFeedAdd = "urn:ietf:params:scim:event:feed:add";
inline constexpr std::string_view kFeedRemove = "urn:ietf:params:scim:event:feed:remove";
inline constexpr std::string_view kCreateNotice = "urn:ietf:params:scim:event:prov:create:notice";
inline constexpr std::string_view kCreateFull = "urn:ietf:params:scim:event:prov:create:full";
inline constexpr std::string_view kPatchNotice = "urn:ietf:params:scim:event:prov:patch:notice";
inline constexpr std::string_view kPatchFull = "urn:ietf:params:scim:event:prov:patch:full";
inline constexpr std::string_view kPutNotice = "urn:ietf:params:scim:event:prov:put:notice";
inline constexpr std::string_view kPutFull = "urn:ietf:params:scim:event:prov:put:full";
inline constexpr std::string_view kDelete = "urn:ietf:params:scim:event:prov:delete";
inline constexpr std::string_view kActivate = "urn:ietf:params:scim:event:prov:activate";
inline constexpr std::string_view kDeactivate = "urn:ietf:params:scim:event:prov:deactivate";
inline constexpr std::string_view kSignalPasswordReset = "urn:ietf:params:scim:event:passwordReset";
inline constexpr std::string_view kAsyncResponse = "urn:ietf:params:scim:event:misc:asyncresp";
}  // namespace event

// Media types (RFC 7644 §3.1, §8.1; RFC 8417 §2.3).
inline constexpr std::string_view kScimMediaType = "application/scim+json";
inline constexpr std::string_view kJsonMediaType = "application/json";
inline constexpr std::string_view kSecEventMediaType = "application/secevent+jwt";

}  // namespace scim::urn
