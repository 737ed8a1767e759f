// The SCIM error model of RFC 7644 §3.12: an HTTP status, an optional scimType from Table 9 and a
// human-readable detail, rendered with the status as a JSON string.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "scim/protocol/result.hpp"

namespace scim {

// RFC 7644 §3.12, Table 9. `None` means the error body carries no scimType.
enum class ScimType {
  None,
  InvalidFilter,
  TooMany,
  Uniqueness,
  Mutability,
  InvalidSyntax,
  InvalidPath,
  NoTarget,
  InvalidValue,
  InvalidVers,
  Sensitive,
  // RFC 9865 §2.1 extends Table 9 for cursor-based pagination.
  InvalidCursor,
  ExpiredCursor,
  InvalidCount,
};

// Wire spelling ("invalidFilter", ...); empty for None.
std::string_view to_string(ScimType type);
// Case-sensitive parse of the wire spelling; nullopt for unknown values.
std::optional<ScimType> parse_scim_type(std::string_view text);
// The status Table 9 (with §3.3's 409 for uniqueness) assigns to a scimType.
int default_status(ScimType type);

struct ScimError {
  int status = 500;
  ScimType scim_type = ScimType::None;
  std::string detail;

  // {"schemas":[Error URN],"status":"400","scimType":"invalidFilter","detail":"..."}
  nlohmann::json to_json() const;
  // Parses an error body; accepts status as a string or a number (lenient reader).
  static std::optional<ScimError> from_json(const nlohmann::json& body);

  bool operator==(const ScimError&) const = default;
};

// Factories for the common cases; each picks the Table 9 status.
ScimError invalid_filter(std::string detail);
ScimError too_many(std::string detail);
ScimError uniqueness(std::string detail);
ScimError mutability(std::string detail);
ScimError invalid_syntax(std::string detail);
ScimError invalid_path(std::string detail);
ScimError no_target(std::string detail);
ScimError invalid_value(std::string detail);
ScimError invalid_vers(std::string detail);
ScimError sensitive(std::string detail);
ScimError invalid_cursor(std::string detail);  // RFC 9865 §2.1, 400
ScimError expired_cursor(std::string detail);  // RFC 9865 §2.1, 400
ScimError invalid_count(std::string detail);   // RFC 9865 §2.1, 400
// Errors without a scimType.
ScimError http_error(int status, std::string detail);
ScimError not_found(std::string detail);  // 404

}  // namespace scim
