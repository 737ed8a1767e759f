// Whether a request names only what the resource type defines: every member, sub-attribute and
// schema URN of a resource body (interop profile §5.3). Strict RFC validation finds the same
// members one by one and answers invalidValue; the profile asks for invalidSyntax, so this walk
// runs first when InteropRules::undefined_is_invalid_syntax is set.
#pragma once

#include <nlohmann/json.hpp>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"

namespace scim::engine {

// 400 invalidSyntax naming the first member, sub-attribute or "schemas" URN of `body` that
// `type` does not define; Ok otherwise (and for shapes validation will refuse anyway).
Status<> check_defined(const nlohmann::json& body, const Registry& registry,
                       const ResourceType& type);

// The same for a value written to `attribute` (a PATCH value): the keys of a complex value, or
// of each element of a multi-valued complex value, must be sub-attributes of `attribute`.
Status<> check_defined_value(const nlohmann::json& value, const Attribute& attribute);

}  // namespace scim::engine
