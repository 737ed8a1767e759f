// Shape checks of attribute values (RFC 7643 §2.3.8 complex, §2.4 multi-valued): canonical
// sub-attribute names, readOnly sub-attributes dropped, unknown sub-attributes rejected, element
// limits and the "primary appears at most once" rule. Simple values go to value_types.hpp.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "scim/protocol/result.hpp"
#include "scim/protocol/schema.hpp"
#include "scim/server/engine/validate/value_types.hpp"

namespace scim::engine {

// Normalises the whole value of `attr`: an array for multi-valued attributes, an object for
// complex ones, a simple value otherwise. Returns JSON null when the value is unassigned
// (RFC 7643 §2.5: null, [] or a complex value left empty). `name` names the attribute in errors.
// Errors: 400 invalidValue.
Result<nlohmann::json> normalize_attribute_value(const Attribute& attr, const nlohmann::json& value,
                                                 const AttrName& name, ValueContext& ctx);
// The same for a value the caller gives up (a parsed body): its simple values are moved into the
// result instead of copied. Afterwards `value` holds what was not moved (unspecified; destroy or
// assign it), on success and on an error alike; the result and errors are those of the copy.
Result<nlohmann::json> normalize_attribute_value(const Attribute& attr, nlohmann::json&& value,
                                                 const AttrName& name, ValueContext& ctx);

// Normalises one value of `attr` (one element of a multi-valued attribute, or the value of a
// singular one): a complex object gets canonical sub-attribute names and loses readOnly
// sub-attributes (RFC 7644 §3.5.1 "readOnly: any values provided SHALL be ignored"). A complex
// value with nothing writable left is returned as an empty object.
Result<nlohmann::json> normalize_element(const Attribute& attr, const nlohmann::json& value,
                                         const AttrName& name, ValueContext& ctx);

// RFC 7643 §2.4: the primary value "true" MUST appear no more than once.
Status<> check_single_primary(const nlohmann::json& values, const AttrName& name);

// True when every member of `wanted` (a normalised element) equals the same member of `have`:
// "the target location already contains the value specified" (RFC 7644 §3.5.2.1). Simple values
// compare by equality.
bool element_contains(const nlohmann::json& have, const nlohmann::json& wanted);

}  // namespace scim::engine
