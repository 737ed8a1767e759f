// The target's own schemas, read from GET /Schemas (RFC 7643 §7) before any check runs, so that
// checks choose the attributes they use from what the target defines (RFC 7643 §8.7.1: a provider
// may support a subset, or require more) and fixtures fill what it marks "required". Read
// leniently: an absent or unknown characteristic takes its RFC 7643 §2.2 default, because judging
// the documents' shapes is the job of the rfc7643/7 checks, not of discovery. When the target
// served no readable schema, the RFC 7643 §8.7 schemas stand in (from_target() is then false).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/schema.hpp"

namespace scim::conf {

class TargetSchemas {
 public:
  // From the /Schemas body: a ListResponse (its "Resources") or a bare array; entries without a
  // string "id" are ignored.
  static TargetSchemas from_json(const nlohmann::json& document);
  // The RFC 7643 §8.7 schemas (User, Group, Enterprise User, and the discovery schemas).
  static TargetSchemas rfc7643();

  bool empty() const { return schemas_.empty(); }
  bool from_target() const { return from_target_; }
  const std::vector<Schema>& all() const { return schemas_; }
  // Case-insensitive lookup by URN; nullptr when the target does not serve that schema.
  const Schema* find(std::string_view urn) const;

 private:
  std::vector<Schema> schemas_;
  bool from_target_ = true;
};

// One attribute read leniently from its §7 JSON (exposed for tests).
Attribute attribute_from_json(const nlohmann::json& json);

// The attribute `path` ("nickName", "name.givenName", "emails.value") of `schema`, matched
// case-insensitively (RFC 7643 §2.1); nullptr when the schema does not define it.
const Attribute* find_attribute(const Schema& schema, std::string_view path);

}  // namespace scim::conf
