// Schema-aware pieces of filter parsing: resolving an attribute path to an AttrRef (core, common,
// URN-qualified extension, "schemas", or a sub-attribute inside a value path) and checking that an
// operator and literal suit the attribute's type (RFC 7644 §3.4.2.2 Table 3, RFC 7643 §2.3).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/engine/filter/ast.hpp"

namespace scim::engine {

// Everything a name resolves against. `parent` is set inside a value path; `parent_unknown` marks a
// value path on an unknown attribute (every name inside then has no value).
struct FilterScope {
  const Registry* registry = nullptr;
  const ResourceType* type = nullptr;
  const std::vector<std::string>* schema_urns = nullptr;  // the registry's; none inside a value
                                                          // filter parsed on its own
  const Attribute* parent = nullptr;
  bool parent_unknown = false;
  bool reject_unknown = false;
  std::string_view text;  // the whole filter, for error positions
};

// Resolves `path` (written at `offset`). Errors: 400 invalidFilter for malformed paths, bare
// schema URNs, and (with reject_unknown) unknown attributes.
Result<AttrRef> resolve_filter_attribute(const FilterScope& scope, std::string_view path,
                                         std::size_t offset);

// Checks `op` and `value` against the attribute type and pre-digests the literal. Errors are 400
// invalidFilter, e.g. `active gt true` (§3.4.2.2: boolean and binary SHALL fail for gt/ge/lt/le).
// For a multi-valued complex attribute without sub-attribute this switches `attr` to its "value"
// sub-attribute (`emails co "x"` compares emails.value).
Result<Literal> check_comparison(const FilterScope& scope, AttrRef& attr, CompareOp op,
                                 nlohmann::json value, std::size_t offset);

// Checks that `attr` can carry a value path (`emails[...]`): a complex attribute without a
// sub-attribute, or an unknown attribute.
Status<> check_value_path_parent(const FilterScope& scope, const AttrRef& attr, std::size_t offset);

}  // namespace scim::engine
