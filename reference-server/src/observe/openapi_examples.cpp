// RFC 7644's examples as OpenAPI example values (see openapi_examples.hpp). The values are the
// RFC's own, so a reader can find each one in the RFC text.
#include "scim/server/observe/openapi_examples.hpp"

namespace scim::observe {
namespace {
using json = nlohmann::json;
}  // namespace

json example_user_request() {
  return {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
          {"userName", "bjensen"},
          {"externalId", "bjensen"},
          {"name",
           {{"formatted", "Ms. Barbara J Jensen III"},
            {"familyName", "Jensen"},
            {"givenName", "Barbara"}}}};
}

json example_user_response() {
  json user = example_user_request();
  user.erase("userName");  // §3.3's response shows these members
  user.erase("name");
  user["id"] = "2819c223-7f76-453a-919d-413861904646";
  user["meta"] = {{"resourceType", "User"},
                  {"created", "2011-08-01T21:32:44.882Z"},
                  {"lastModified", "2011-08-01T21:32:44.882Z"},
                  {"location", "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646"},
                  {"version", "W/\"e180ee84f0671b1\""}};
  user["name"] = {{"formatted", "Ms. Barbara J Jensen III"},
                  {"familyName", "Jensen"},
                  {"givenName", "Barbara"}};
  user["userName"] = "bjensen";
  return user;
}

json example_list_response() {
  return {{"totalResults", 100},
          {"itemsPerPage", 10},
          {"startIndex", 1},
          {"schemas", {"urn:ietf:params:scim:api:messages:2.0:ListResponse"}},
          {"Resources", json::array({example_user_response()})}};
}

// §3.5.2.1's example adds a member with "display", "$ref" and "value"; the "$ref" member is left
// out here, because OpenAPI tools treat every "$ref" member of the document, examples included,
// as a JSON Reference to resolve.
json example_patch_request() {
  return {
      {"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
      {"Operations",
       {{{"op", "add"},
         {"path", "members"},
         {"value",
          {{{"display", "Babs Jensen"}, {"value", "2819c223-7f76-453a-919d-413861904646"}}}}}}}};
}

json example_search_request() {
  return {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
          {"attributes", {"displayName", "userName"}},
          {"excludedAttributes", json::array()},
          {"filter", "displayName sw \"smith\""},
          {"startIndex", 1},
          {"count", 10}};
}

json example_bulk_request() {
  return {
      {"schemas", {"urn:ietf:params:scim:api:messages:2.0:BulkRequest"}},
      {"failOnErrors", 1},
      {"Operations",
       {{{"method", "POST"},
         {"path", "/Users"},
         {"bulkId", "qwerty"},
         {"data",
          {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}}, {"userName", "Alice"}}}}}}};
}

json example_error() {
  return {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:Error"}},
          {"detail", "Resource 2819c223-7f76-453a-919d-413861904646 not found"},
          {"status", "404"}};
}

}  // namespace scim::observe
