// DiscoveryDocuments: cached /Schemas and /ResourceTypes bodies (RFC 7644 §4) equal what the
// registry renders, carry the caller's base URL in meta.location, and stay correct past the cache
// bound.
#include "scim/server/endpoints/discovery_documents.hpp"

#include <gtest/gtest.h>

namespace scim::server {
namespace {

using nlohmann::json;

class DiscoveryDocumentsTest : public ::testing::Test {
 protected:
  Registry registry = Registry::with_builtin();
  DiscoveryDocuments documents{registry};
};

TEST_F(DiscoveryDocumentsTest, SchemaBodiesMatchTheRegistryWithAbsoluteLocations) {
  auto r = documents.rendered("http://h:1/scim/v2");
  json list = json::parse(r->schemas_list);
  ASSERT_EQ(list["Resources"].size(), registry.schemas().size());
  EXPECT_EQ(list["totalResults"], registry.schemas().size());
  for (std::size_t i = 0; i < registry.schemas().size(); ++i) {
    const Schema* s = registry.schemas()[i];
    json expected = s->to_json();
    expected["meta"]["location"] = "http://h:1/scim/v2/Schemas/" + s->id;
    EXPECT_EQ(list["Resources"][i], expected) << s->id;
    EXPECT_EQ(json::parse(r->schema.at(s)), expected) << s->id;
  }
}

TEST_F(DiscoveryDocumentsTest, ResourceTypeBodiesMatchTheRegistry) {
  auto r = documents.rendered("http://h:1/scim/v2");
  json list = json::parse(r->resource_types_list);
  ASSERT_EQ(list["Resources"].size(), registry.resource_types().size());
  for (const ResourceType* t : registry.resource_types()) {
    json expected = t->to_json();
    expected["meta"]["location"] =
        "http://h:1/scim/v2" + expected["meta"]["location"].get<std::string>();
    EXPECT_EQ(json::parse(r->resource_type.at(t)), expected) << t->id;
  }
}

TEST_F(DiscoveryDocumentsTest, EachBaseUrlGetsItsOwnLocationsEvenBeyondTheCacheBound) {
  const Schema* user = registry.find_schema("urn:ietf:params:scim:schemas:core:2.0:User");
  ASSERT_NE(user, nullptr);
  for (std::size_t i = 0; i < DiscoveryDocuments::kMaxBaseUrls + 5; ++i) {
    const std::string base = "http://host" + std::to_string(i) + "/scim/v2";
    json doc = json::parse(documents.rendered(base)->schema.at(user));
    EXPECT_EQ(doc["meta"]["location"], base + "/Schemas/" + user->id);
  }
  // Cached: the same base URL yields the same rendering object.
  EXPECT_EQ(documents.rendered("http://host0/scim/v2"), documents.rendered("http://host0/scim/v2"));
}

}  // namespace
}  // namespace scim::server
