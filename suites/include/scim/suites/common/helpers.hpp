// Small, shared assertions and request builders for checks: resource paths, ListResponse
// handling, case-insensitive attribute lookup (RFC 7643 §2.1) and PatchOp bodies. Expected
// values always come from the check itself, never from the target.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "scim/conformance/context.hpp"

namespace scim::suites {

using nlohmann::json;

// "/Users/<id>" for a resource returned by the target (fails the check when it has no "id").
std::string path_of(conf::Context& ctx, std::string_view endpoint, const json& resource);
std::string user_path(conf::Context& ctx, const json& user);
std::string group_path(conf::Context& ctx, const json& group);

// Asserts `status` and a JSON object body; returns the body.
json expect_json(conf::Context& ctx, const conf::HttpResponse& response, int status,
                 std::string_view what);
// Asserts 200 and an RFC 7644 §3.4.2 ListResponse; returns the body.
json expect_list(conf::Context& ctx, const conf::HttpResponse& response, std::string_view what);
// GET <endpoint>?filter=<filter><extra> and expect a ListResponse.
json query(conf::Context& ctx, std::string_view endpoint, std::string_view filter,
           std::string_view extra = "");

// GET /Users?filter=userName sw "<prefix>"<extra>: how checks about lists (sorting, paging,
// search) select only their own users. Skips when the target declines that filter (400
// invalidFilter, RFC 7644 §3.12 Table 9); such checks list kScopedBy as a prerequisite, so a
// target whose sw does not work has them skipped in that check's name.
inline constexpr const char* kScopedBy = "rfc7644/3.4.2.2/sw-matches-prefix";
json list_by_prefix(conf::Context& ctx, const std::string& prefix, std::string_view extra = "");

// The "Resources" array of a list (empty when absent).
json resources_of(const json& list);
std::set<std::string> ids_of(const json& list);
// Asserts that the list's resources are exactly `expected` (by id).
void expect_ids(conf::Context& ctx, const json& list, const std::set<std::string>& expected,
                std::string_view what);

// Case-insensitive member lookup (attribute names are case-insensitive, RFC 7643 §2.1).
const json* member(const json& object, std::string_view name);
bool has_member(const json& object, std::string_view name);
bool has_schema(const json& body, std::string_view urn);
// A JSON string literal for use inside a filter: "a\"b" -> "\"a\\\"b\"".
std::string literal(std::string_view text);
// {"schemas":[PatchOp],"Operations":ops}
json patch_body(json operations);
// Whether a Group's "members" holds a value equal to `id`.
bool lists_member(const json& group, std::string_view id);
// The resource id or the empty string.
std::string id_string(const json& resource);
// Short rendering of a JSON value for expected/actual texts.
std::string brief(const json& value);
std::string brief(const conf::HttpResponse& response);
// Asserts that the response carries a header (case-insensitive name); returns its value.
std::string expect_header(conf::Context& ctx, const conf::HttpResponse& response,
                          std::string_view name);
// Skips the check unless the target advertises a resource type named `name`.
void require_type(conf::Context& ctx, std::string_view name);

}  // namespace scim::suites
