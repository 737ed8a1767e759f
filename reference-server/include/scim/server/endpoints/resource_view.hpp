// How a stored resource is shown to a client: absolute meta.location and $ref URLs (RFC 7643
// §3.1, §4.1.2, §4.2), the ETag header (RFC 7644 §3.14), and the attributes/excludedAttributes
// projection every resource-returning response honours (RFC 7644 §3.9).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "scim/server/endpoints/context.hpp"
#include "scim/server/engine/query/query.hpp"
#include "scim/server/store/resource_store.hpp"

namespace scim::server {

// Adds meta.location and the $ref of "groups" and "members" entries.
nlohmann::json present(const Context& ctx, const ResourceType& type, nlohmann::json resource);
// The projection asked for by the request's attributes/excludedAttributes query parameters.
Result<engine::Projection> request_projection(const Context& ctx, const ResourceType& type);
// A single-resource response: projected body, ETag, and Location when `status` is 201. Pass the
// resource as an rvalue when it is not needed afterwards: it is then presented and projected
// in place instead of copied.
Response resource_response(const Context& ctx, const ResourceType& type,
                           store::StoredResource stored, int status,
                           const engine::Projection& projection);

// The resource a store's get() or query() gives for a record it handed out in stored form: its
// bytes decoded, with the computed "groups" it carries.
nlohmann::json decoded_record(const store::StoredRecord& record);

// One top-level member of a stored record as stored, whatever the default view shows of it, read
// while default_view_text writes the record: what a filter reading that attribute alone needs to
// be decided on the record without decoding a tree (list_text.cpp).
struct MemberCapture {
  std::string_view name;           // the attribute, as the filter names it
  bool found = false;              // the record holds the member (under any spelling)
  bool scalar = true;              // false: its value is an array or object, or it is held twice
  nlohmann::json value = nullptr;  // the scalar value, when found and scalar
};

// The default view of a stored record (no attributes/excludedAttributes) as JSON text, written
// from its stored bytes without a JSON tree: the members dump(project(present(resource))) would
// give, each with the same value, in the store's order instead of the alphabet's (RFC 8259 §4:
// the order of an object's members carries no meaning). nullopt when the record holds what only
// the tree path presents (a member stored under another spelling than its schema's, RFC 7643
// §2.1; the EndpointApp extension's references; a stored "$ref" or meta.location; no meta); the
// caller then answers from the tree. With `capture`, the same walk also reads one member.
std::optional<std::string> default_view_text(const Context& ctx, const ResourceType& type,
                                             const store::StoredRecord& record,
                                             MemberCapture* capture = nullptr);
// The same text appended to `out` (a list page's buffer); false, with `out` as it was, when
// default_view_text would give nullopt.
bool append_default_view_text(const Context& ctx, const ResourceType& type,
                              const store::StoredRecord& record, std::string& out,
                              MemberCapture* capture = nullptr);

}  // namespace scim::server
