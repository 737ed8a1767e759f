// Case-insensitive access to JSON object members. SCIM attribute names are case-insensitive
// (RFC 7643 §2.1), so every lookup in client input and stored resources goes through here, and
// every write stores the canonical spelling and drops case variants.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace scim::engine {

// The member whose name equals `name` ignoring ASCII case; nullptr when absent or `obj` is not an
// object. An exact-case match wins over a case variant.
const nlohmann::json* lookup_member(const nlohmann::json& obj, std::string_view name);
nlohmann::json* lookup_member(nlohmann::json& obj, std::string_view name);

// Stores `value` under `canonical`, erasing any case variant first. `obj` must be an object.
void set_member(nlohmann::json& obj, std::string_view canonical, nlohmann::json value);

// Erases every member whose name equals `name` ignoring case; true when something was erased.
bool erase_member(nlohmann::json& obj, std::string_view name);

// RFC 7643 §2.5: unassigned, null and an empty array are equivalent in state.
bool is_unassigned(const nlohmann::json& value);

}  // namespace scim::engine
