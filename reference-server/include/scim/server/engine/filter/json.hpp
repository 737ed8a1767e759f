// Robust reads of resource JSON shared by the filter evaluator, sorting and projection: attribute
// names are case-insensitive (RFC 7643 §2.1) and "present" follows RFC 7643 §2.5 / RFC 7644
// §3.4.2.2 ("pr": null, "", [] and {} are not values).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace scim::engine {

// The member `name` of `object` (exact spelling first, then case-insensitively); nullptr when
// `object` is not an object or has no such member.
const nlohmann::json* find_member(const nlohmann::json& object, std::string_view name);

// True when `value` carries data: not null, not "", not an empty array or object, and (for
// arrays and objects) at least one element or member that carries data.
bool has_value(const nlohmann::json& value);

}  // namespace scim::engine
