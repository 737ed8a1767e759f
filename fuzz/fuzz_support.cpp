// Fixtures of the fuzz targets (see fuzz_support.hpp). Function-local statics: a fuzz target is
// one process running one function millions of times, and these are its constants.
#include "fuzz_support.hpp"

#include <cstdlib>
#include <iostream>

#include "scim/server/app/server.hpp"

namespace scim::fuzz {

const Registry& registry() {
  static const Registry r = Registry::with_builtin();
  return r;
}

const ResourceType& user_type() {
  return *registry().find_resource_type("User");
}

const ResourceType& group_type() {
  return *registry().find_resource_type("Group");
}

const nlohmann::json& sample_user() {
  static const nlohmann::json user = nlohmann::json::parse(R"({
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    "id": "2819c223-7f76-453a-919d-413861904646",
    "externalId": "701984",
    "userName": "bjensen@example.com",
    "name": {"formatted": "Ms. Barbara J Jensen, III", "familyName": "Jensen",
             "givenName": "Barbara", "middleName": "Jane"},
    "displayName": "Babs Jensen", "nickName": "Babs", "title": "Tour Guide",
    "userType": "Employee", "preferredLanguage": "en-US", "locale": "en-US",
    "timezone": "America/Los_Angeles", "active": true,
    "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true},
               {"value": "babs@jensen.org", "type": "home"}],
    "addresses": [{"type": "work", "streetAddress": "100 Universal City Plaza",
                   "locality": "Hollywood", "region": "CA", "postalCode": "91608",
                   "country": "USA", "primary": true}],
    "phoneNumbers": [{"value": "555-555-5555", "type": "work"}],
    "groups": [{"value": "e9e30dba-f08f-4109-8486-d5c6a331660a", "display": "Tour Guides"}],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
      "employeeNumber": "701984", "costCenter": "4130", "organization": "Universal Studios",
      "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith"}},
    "meta": {"resourceType": "User", "created": "2010-01-23T04:56:22Z",
             "lastModified": "2011-05-13T04:42:34Z", "version": "W/\"3694e05e9dff591\"",
             "location": "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646"}
  })");
  return user;
}

app::ReferenceServer& reference_server() {
  constexpr int kRequestsPerServer = 5000;
  static std::unique_ptr<app::ReferenceServer> server;
  static int calls = 0;
  if (!server || ++calls % kRequestsPerServer == 0) {
    server.reset();
    app::ServerConfig config;
    config.async.runner.workers = 1;
    auto created = app::ReferenceServer::create(std::move(config));
    if (!created) {
      std::cerr << "fuzz: cannot build the reference server: " << created.error() << "\n";
      std::abort();
    }
    server = std::move(*created);
  }
  return *server;
}

}  // namespace scim::fuzz
