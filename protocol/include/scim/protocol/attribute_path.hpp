// Attribute paths (RFC 7644 §3.10, RFC 7643 §2.1): "userName", "name.givenName",
// "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", and a bare schema URN
// "urn:...:enterprise:2.0:User" (used by PATCH to address a whole extension).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"

namespace scim {

struct AttributePath {
  std::string schema_urn;     // empty when unqualified
  std::string attribute;      // empty when the path is a bare schema URN
  std::string sub_attribute;  // empty when none

  bool is_schema_only() const { return attribute.empty(); }
  // Canonical text form, e.g. "urn:...:User:name.givenName" or "emails.value".
  std::string to_string() const;
  bool operator==(const AttributePath&) const = default;
};

// Parses an attribute path. `known_schema_urns` disambiguates a URN prefix from the attribute name
// (URNs contain ':' and '.', e.g. "2.0"): the longest known URN that prefixes the text
// (case-insensitively) followed by ':' or end-of-text wins. Without a known URN, a text starting
// with "urn:" splits at the last ':'. Errors are 400 invalidPath naming the offending text.
Result<AttributePath> parse_attribute_path(std::string_view text,
                                           const std::vector<std::string>& known_schema_urns = {});

// True when `c` may appear in an ATTRNAME after the first character (RFC 7643 §2.1:
// ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA). "$ref" is also accepted.
bool is_name_char(char c);
bool is_valid_attribute_name(std::string_view name);

}  // namespace scim
