// PATCH paths (RFC 7644 §3.5.2 Figure 7: PATH = attrPath / valuePath [subAttr]) resolved against
// a resource type: "members", "name.familyName", "urn:...:enterprise:2.0:User:manager",
// a bare extension URN, "emails[type eq \"work\"]" and "emails[type eq \"work\"].value".
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/engine/filter/filter.hpp"

namespace scim::engine {

struct PatchPath {
  std::string text;                // as the client wrote it (for error details)
  ResolvedAttribute target;        // target.attribute is nullptr for a bare extension URN
  std::optional<Filter> filter;    // the valuePath filter, when "[...]" is present
  std::string filter_text;         // the text inside the brackets
  const Attribute* sub = nullptr;  // "name.familyName" or "emails[...].value"

  const Attribute* attribute() const { return target.attribute; }
};

// Parses and resolves `text`. Errors: 400 invalidPath naming the problem (malformed path, unknown
// attribute or sub-attribute, a filter on a single-valued attribute, or a malformed filter).
Result<PatchPath> parse_patch_path(std::string_view text, const Registry& registry,
                                   const ResourceType& type, std::size_t max_length);

// Index of the ']' closing the '[' at `open`, skipping quoted strings (with backslash escapes);
// npos when there is none.
std::size_t find_closing_bracket(std::string_view text, std::size_t open);

}  // namespace scim::engine
