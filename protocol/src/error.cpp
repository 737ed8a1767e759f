// RFC 7644 §3.12 error model: Table 9 scimType spellings, statuses and the JSON error body.
#include "scim/protocol/error.hpp"

#include <array>
#include <utility>

#include "scim/protocol/urns.hpp"

namespace scim {
namespace {

struct ScimTypeInfo {
  ScimType type;
  std::string_view wire;
  int status;
};

// RFC 7644 Table 9. uniqueness is 409 per §3.3 (Table 9 says 400; shared/specs/README decides 409).
// tooMany and sensitive are 400/403 per Table 9.
constexpr std::array<ScimTypeInfo, 13> kScimTypes{{
    {ScimType::InvalidFilter, "invalidFilter", 400},
    {ScimType::TooMany, "tooMany", 400},
    {ScimType::Uniqueness, "uniqueness", 409},
    {ScimType::Mutability, "mutability", 400},
    {ScimType::InvalidSyntax, "invalidSyntax", 400},
    {ScimType::InvalidPath, "invalidPath", 400},
    {ScimType::NoTarget, "noTarget", 400},
    {ScimType::InvalidValue, "invalidValue", 400},
    {ScimType::InvalidVers, "invalidVers", 400},
    {ScimType::Sensitive, "sensitive", 403},
    // RFC 9865 §2.1 "Pagination Errors": all three are 400 (Bad Request) detail types.
    {ScimType::InvalidCursor, "invalidCursor", 400},
    {ScimType::ExpiredCursor, "expiredCursor", 400},
    {ScimType::InvalidCount, "invalidCount", 400},
}};

ScimError make(ScimType type, std::string detail) {
  return ScimError{default_status(type), type, std::move(detail)};
}

}  // namespace

std::string_view to_string(ScimType type) {
  for (const auto& t : kScimTypes)
    if (t.type == type) return t.wire;
  return {};
}

std::optional<ScimType> parse_scim_type(std::string_view text) {
  for (const auto& t : kScimTypes)
    if (t.wire == text) return t.type;
  return std::nullopt;
}

int default_status(ScimType type) {
  for (const auto& t : kScimTypes)
    if (t.type == type) return t.status;
  return 500;
}

nlohmann::json ScimError::to_json() const {
  nlohmann::json body{{"schemas", {std::string(urn::kError)}}, {"status", std::to_string(status)}};
  if (scim_type != ScimType::None) body["scimType"] = std::string(to_string(scim_type));
  if (!detail.empty()) body["detail"] = detail;
  return body;
}

std::optional<ScimError> ScimError::from_json(const nlohmann::json& body) {
  if (!body.is_object()) return std::nullopt;
  auto it = body.find("status");
  if (it == body.end()) return std::nullopt;
  ScimError error;
  if (it->is_string()) {
    const auto& s = it->get_ref<const std::string&>();
    if (s.empty() || s.size() > 3 || s.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    error.status = std::stoi(s);
  } else if (it->is_number_integer()) {
    error.status = it->get<int>();
  } else {
    return std::nullopt;
  }
  if (auto t = body.find("scimType"); t != body.end() && t->is_string())
    error.scim_type = parse_scim_type(t->get_ref<const std::string&>()).value_or(ScimType::None);
  if (auto d = body.find("detail"); d != body.end() && d->is_string())
    error.detail = d->get<std::string>();
  return error;
}

ScimError invalid_filter(std::string detail) {
  return make(ScimType::InvalidFilter, std::move(detail));
}
ScimError too_many(std::string detail) {
  return make(ScimType::TooMany, std::move(detail));
}
ScimError uniqueness(std::string detail) {
  return make(ScimType::Uniqueness, std::move(detail));
}
ScimError mutability(std::string detail) {
  return make(ScimType::Mutability, std::move(detail));
}
ScimError invalid_syntax(std::string detail) {
  return make(ScimType::InvalidSyntax, std::move(detail));
}
ScimError invalid_path(std::string detail) {
  return make(ScimType::InvalidPath, std::move(detail));
}
ScimError no_target(std::string detail) {
  return make(ScimType::NoTarget, std::move(detail));
}
ScimError invalid_value(std::string detail) {
  return make(ScimType::InvalidValue, std::move(detail));
}
ScimError invalid_vers(std::string detail) {
  return make(ScimType::InvalidVers, std::move(detail));
}
ScimError sensitive(std::string detail) {
  return make(ScimType::Sensitive, std::move(detail));
}
ScimError invalid_cursor(std::string detail) {
  return make(ScimType::InvalidCursor, std::move(detail));
}
ScimError expired_cursor(std::string detail) {
  return make(ScimType::ExpiredCursor, std::move(detail));
}
ScimError invalid_count(std::string detail) {
  return make(ScimType::InvalidCount, std::move(detail));
}
ScimError http_error(int status, std::string detail) {
  return ScimError{status, ScimType::None, std::move(detail)};
}
ScimError not_found(std::string detail) {
  return http_error(404, std::move(detail));
}

}  // namespace scim
