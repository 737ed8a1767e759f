// Capabilities read from discovery documents (RFC 7643 §5, §6; events draft §4) and discovery
// failures.
#include "scim/conformance/capabilities.hpp"

#include <gtest/gtest.h>

#include "fake_transport.hpp"
#include "scim/conformance/core/discovery.hpp"

namespace scim::conf {
namespace {

// RFC 7643 §8.5, abridged.
const char* kSpc = R"({
  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
  "patch": {"supported": true},
  "bulk": {"supported": true, "maxOperations": 1000, "maxPayloadSize": 1048576},
  "filter": {"supported": true, "maxResults": 200},
  "changePassword": {"supported": true},
  "sort": {"supported": true},
  "etag": {"supported": true},
  "authenticationSchemes": [{"type": "oauthbearertoken", "name": "OAuth Bearer Token"}],
  "securityEvents": {"asyncRequest": "request", "eventUris": ["urn:ietf:params:scim:event:prov:create:full"]}
})";

// RFC 7643 §8.6, abridged.
const char* kTypes = R"([{"id":"User","name":"User","endpoint":"/Users",
  "schema":"urn:ietf:params:scim:schemas:core:2.0:User",
  "schemaExtensions":[{"schema":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","required":true}]},
  {"id":"Group","name":"Group","endpoint":"/Groups","schema":"urn:ietf:params:scim:schemas:core:2.0:Group"}])";

TEST(Capabilities, Rfc7643Section8_5ServiceProviderConfig) {
  const auto caps =
      capabilities_from(nlohmann::json::parse(kSpc), nlohmann::json::parse(kTypes), nullptr);
  for (const char* c : {"patch", "bulk", "filter", "changePassword", "sort", "etag", "events",
                        "async", "users", "groups", "enterpriseUser"}) {
    EXPECT_TRUE(caps.has(c)) << c;
  }
  EXPECT_FALSE(caps.has("me"));
  EXPECT_FALSE(caps.has("unknown-capability"));
  EXPECT_EQ(caps.bulk_max_operations, 1000);
  EXPECT_EQ(caps.bulk_max_payload_size, 1048576);
  EXPECT_EQ(caps.filter_max_results, 200);
  EXPECT_EQ(caps.authentication_schemes, std::vector<std::string>{"oauthbearertoken"});
  ASSERT_NE(caps.find_type("user"), nullptr);
  EXPECT_EQ(caps.find_type("Group")->endpoint, "/Groups");
  EXPECT_EQ(caps.to_json()["bulk"]["maxOperations"], 1000);
}

TEST(Capabilities, TypedAndNamedLookupsAgree) {
  const auto caps =
      capabilities_from(nlohmann::json::parse(kSpc), nlohmann::json::parse(kTypes), nullptr);
  for (Capability c : kAllCapabilities)
    EXPECT_EQ(caps.has(c), caps.has(to_string(c))) << to_string(c);
}

TEST(Capabilities, GarbageAdvertisesNothing) {
  const auto caps = capabilities_from(nlohmann::json::parse(R"({"patch":{"supported":"yes"}})"),
                                      nlohmann::json::parse("42"), nullptr);
  EXPECT_FALSE(caps.has("patch"));
  EXPECT_FALSE(caps.has("events"));
  EXPECT_FALSE(caps.has("enterpriseUser"));
  // No readable resource types: conventional endpoints assumed rather than skipping everything.
  EXPECT_TRUE(caps.has("users"));
  EXPECT_TRUE(caps.has("groups"));
}

TEST(Capabilities, ResourceTypesDecideUsersAndGroupsWhenReadable) {
  const auto caps = capabilities_from(
      nullptr,
      nlohmann::json::parse(R"({"Resources":[{"id":"User","name":"User","endpoint":"/Users"}]})"),
      nullptr);
  EXPECT_TRUE(caps.has("users"));
  EXPECT_FALSE(caps.has("groups"));
}

TEST(Capabilities, AsyncNoneIsNotAsync) {
  const auto caps = capabilities_from(
      nlohmann::json::parse(R"({"securityEvents":{"asyncRequest":"NONE"}})"), nullptr, nullptr);
  EXPECT_TRUE(caps.has("events"));
  EXPECT_FALSE(caps.has("async"));
}

class DiscoveryTest : public ::testing::Test {
 protected:
  testing::FakeTransport fake_;
  Authenticator auth_{{"tok", "", {}, std::nullopt}, fake_};
  ScimClient client_{fake_, auth_, "https://t/scim/v2/"};
};

TEST_F(DiscoveryTest, ReadsDocumentsAndProbesMe) {
  testing::script_discovery(fake_, {"patch"});
  fake_.on("GET", "/Me", 200, R"({"id":"me"})");
  std::vector<Exchange> transcript;
  const auto caps = discover(client_, std::chrono::seconds(5), &transcript);
  ASSERT_TRUE(caps.ok());
  EXPECT_TRUE(caps->has("patch"));
  EXPECT_FALSE(caps->has("bulk"));
  EXPECT_TRUE(caps->has("me"));
  EXPECT_EQ(transcript.size(), 4u);
  EXPECT_EQ(transcript[0].url, "https://t/scim/v2/ServiceProviderConfig");
}

TEST_F(DiscoveryTest, UnreachableTargetFails) {
  fake_.on("GET", "/", [](const HttpRequest&) {
    HttpResponse r;
    r.transport_error = "Couldn't connect to server";
    return r;
  });
  const auto caps = discover(client_, std::chrono::seconds(5));
  ASSERT_FALSE(caps.ok());
  EXPECT_NE(caps.error().message.find("Couldn't connect"), std::string::npos);
}

TEST_F(DiscoveryTest, RefusedCredentialsFail) {
  fake_.on("GET", "/ServiceProviderConfig", 401);
  ASSERT_FALSE(discover(client_, std::chrono::seconds(5)).ok());
}

TEST_F(DiscoveryTest, BrokenDocumentsStillAllowARun) {
  fake_.on("GET", "/", 500, "oops");
  const auto caps = discover(client_, std::chrono::seconds(5));
  ASSERT_TRUE(caps.ok());
  EXPECT_FALSE(caps->has("patch"));
}

}  // namespace
}  // namespace scim::conf
