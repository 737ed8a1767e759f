// Request bodies in the shapes Microsoft Entra ID documents for its SCIM client.
#include "entra.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/protocol/uuid.hpp"

namespace scim::suites::profiles {

json entra_user(conf::Context& ctx) {
  std::string name = ctx.unique_name("entra");
  return {{"schemas", {std::string(urn::kUser), std::string(urn::kEnterpriseUser)}},
          {"externalId", new_uuid_v4()},
          {"userName", name + "@example.com"},
          {"active", true},
          {"displayName", "Entra Test User"},
          {"emails", {{{"primary", true}, {"type", "work"}, {"value", name + "@example.com"}}}},
          {"meta", {{"resourceType", "User"}}},
          {"name", {{"formatted", "Entra Test"}, {"familyName", "Test"}, {"givenName", "Entra"}}},
          {"roles", json::array()}};
}

json entra_group(conf::Context& ctx) {
  return {{"schemas", {std::string(urn::kGroup)}},
          {"externalId", new_uuid_v4()},
          {"displayName", ctx.unique_name("entragrp")},
          {"meta", {{"resourceType", "Group"}}},
          {"members", json::array()}};
}

}  // namespace scim::suites::profiles
