// Discovery endpoints (RFC 7644 §4; RFC 7643 §5, §6, §7, §8.5-§8.7).
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;

TEST(Discovery, ServiceProviderConfigReflectsTheConfiguration) {
  ServiceConfig config;
  config.max_results = 123;
  config.bulk = bulk::BulkLimits{.max_operations = 50, .max_payload_bytes = 4096};
  config.documentation_uri = "https://example.com/help";
  config.service_provider_config_extra = {{"securityEvents", {{"supported", true}}}};
  Harness h(config);
  auto r = h.call("GET", "/ServiceProviderConfig");
  ASSERT_EQ(r.status, 200);
  auto doc = body_of(r);
  EXPECT_EQ(doc["schemas"],
            json::array({"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"}));
  EXPECT_EQ(doc["filter"], (json{{"supported", true}, {"maxResults", 123}}));
  EXPECT_EQ(doc["bulk"],
            (json{{"supported", true}, {"maxOperations", 50}, {"maxPayloadSize", 4096}}));
  EXPECT_EQ(doc["etag"]["supported"], true);
  EXPECT_EQ(doc["patch"]["supported"], true);
  EXPECT_EQ(doc["sort"]["supported"], true);
  EXPECT_EQ(doc["changePassword"]["supported"], true);
  EXPECT_EQ(doc["documentationUri"], "https://example.com/help");
  EXPECT_EQ(doc["securityEvents"]["supported"], true);
  ASSERT_FALSE(doc["authenticationSchemes"].empty());
  EXPECT_EQ(doc["authenticationSchemes"][0]["type"], "oauthbearertoken");
  EXPECT_EQ(doc["meta"]["resourceType"], "ServiceProviderConfig");
  EXPECT_EQ(doc["meta"]["location"], std::string(testing::kBase) + "/ServiceProviderConfig");
}

TEST(Discovery, ResourceTypesListAndSingle) {
  Harness h;
  auto list = body_of(h.call("GET", "/ResourceTypes"));
  EXPECT_EQ(list["totalResults"], 2);
  ASSERT_EQ(list["Resources"].size(), 2u);
  auto user = body_of(h.call("GET", "/ResourceTypes/User"));
  EXPECT_EQ(user["endpoint"], "/Users");
  EXPECT_EQ(user["schema"], "urn:ietf:params:scim:schemas:core:2.0:User");
  EXPECT_EQ(user["meta"]["location"], std::string(testing::kBase) + "/ResourceTypes/User");
  EXPECT_THAT(h.call("GET", "/ResourceTypes/Widget"), IsScimError(404, ""));
}

TEST(Discovery, SchemasListAndSingleByUrn) {
  Harness h;
  auto list = body_of(h.call("GET", "/Schemas"));
  EXPECT_GE(list["totalResults"], 3);
  auto user = h.call("GET", "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
  ASSERT_EQ(user.status, 200);
  auto doc = body_of(user);
  EXPECT_EQ(doc["id"], "urn:ietf:params:scim:schemas:core:2.0:User");
  EXPECT_EQ(doc["meta"]["location"],
            std::string(testing::kBase) + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
  EXPECT_THAT(h.call("GET", "/Schemas/urn:nope"), IsScimError(404, ""));
}

TEST(Discovery, FilterIs403AndOtherQueryParametersAreIgnored) {
  Harness h;
  EXPECT_THAT(h.call("GET", "/Schemas", "", {}, {{"filter", "id pr"}}), IsScimError(403, ""));
  EXPECT_THAT(h.call("GET", "/ResourceTypes", "", {}, {{"filter", "id pr"}}), IsScimError(403, ""));
  auto paged =
      body_of(h.call("GET", "/ResourceTypes", "", {}, {{"count", "1"}, {"sortBy", "name"}}));
  EXPECT_EQ(paged["Resources"].size(), 2u);
}

TEST(Discovery, NeedsNoTenantStore) {
  Harness h;
  h.tenant.clear();
  EXPECT_EQ(h.call("GET", "/ServiceProviderConfig").status, 200);
}

}  // namespace
}  // namespace scim::server
