// Shared test helpers for the filter and query tests: the built-in registry, parse shortcuts,
// a representative User ("bjensen", after RFC 7643 §8.2) and an error matcher.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "scim/protocol/error.hpp"
#include "scim/protocol/resource_type.hpp"
#include "scim/server/engine/filter/filter.hpp"

namespace scim::engine::testing {

// Matches a ScimError with the given status and scimType (always both, never just "not ok").
MATCHER_P2(IsScimError, status, scim_type, "") {
  if (arg.status != status || arg.scim_type != scim_type) {
    *result_listener << "got status " << arg.status << " scimType \"" << to_string(arg.scim_type)
                     << "\" detail \"" << arg.detail << "\"";
    return false;
  }
  return true;
}

class FilterEnv {
 public:
  FilterEnv() : registry_(Registry::with_builtin()) {}

  const Registry& registry() const { return registry_; }
  const ResourceType& user() const { return *registry_.find_resource_type("User"); }
  const ResourceType& group() const { return *registry_.find_resource_type("Group"); }

  Result<Filter> parse(std::string_view text, const FilterOptions& options = {}) const {
    return parse_filter(text, registry_, user(), options);
  }
  Result<Filter> parse_group(std::string_view text) const {
    return parse_filter(text, registry_, group());
  }
  // Parses (asserting success) and evaluates on `resource`.
  bool eval(std::string_view text, const nlohmann::json& resource) const {
    auto f = parse(text);
    EXPECT_TRUE(f.ok()) << text << ": " << (f.ok() ? "" : f.error().detail);
    return f.ok() && matches(*f, resource);
  }

 private:
  Registry registry_;
};

// Barbara Jensen, shaped like RFC 7643 §8.2 with the enterprise extension.
inline nlohmann::json bjensen() {
  return nlohmann::json::parse(R"({
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    "id": "2819c223-7f76-453a-919d-413861904646",
    "externalId": "701984",
    "userName": "bjensen@example.com",
    "name": {"formatted": "Ms. Barbara J Jensen, III", "familyName": "Jensen",
             "givenName": "Barbara"},
    "displayName": "Babs Jensen",
    "title": "Tour Guide",
    "userType": "Employee",
    "active": true,
    "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true},
               {"value": "babs@jensen.org", "type": "home"}],
    "ims": [{"value": "someaimhandle", "type": "aim"}],
    "x509Certificates": [{"value": "MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAw"}],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "701984", "department": "Tour Operations",
      "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith"}},
    "meta": {"resourceType": "User", "created": "2010-01-23T04:56:22Z",
             "lastModified": "2011-05-13T04:42:34Z",
             "version": "W/\"3694e05e9dff591\"",
             "location": "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646"}
  })");
}

}  // namespace scim::engine::testing
