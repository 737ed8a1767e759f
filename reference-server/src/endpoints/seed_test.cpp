// Seed data: same validation as POST, errors naming the item.
#include "scim/server/endpoints/seed.hpp"

#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using json = nlohmann::json;

const json kUserSchema = {"urn:ietf:params:scim:schemas:core:2.0:User"};
const json kGroupSchema = {"urn:ietf:params:scim:schemas:core:2.0:Group"};

TEST(Seed, SingleTenantFormLoadsIntoTheDefaultTenant) {
  Harness h;
  json seed{
      {"Users", {{{"schemas", kUserSchema}, {"id", "u1"}, {"userName", "alice"}}}},
      {"Groups",
       {{{"schemas", kGroupSchema}, {"displayName", "Eng"}, {"members", {{{"value", "u1"}}}}}}}};
  auto loaded = load_seed(h.service, seed, "acme");
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  EXPECT_EQ(loaded->resources, 2u);
  auto user = body_of(h.call("GET", "/Users/u1"));
  EXPECT_EQ(user["userName"], "alice");
  EXPECT_EQ(user["groups"][0]["display"], "Eng");
}

TEST(Seed, MultiTenantFormIsolatesTenants) {
  Harness h;
  json seed{{"tenants",
             {{"acme", {{"Users", {{{"schemas", kUserSchema}, {"userName", "alice"}}}}}},
              {"globex", {{"Users", {{{"schemas", kUserSchema}, {"userName", "alice"}}}}}}}}};
  auto loaded = load_seed(h.service, seed, "default");
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  EXPECT_EQ(loaded->tenants, 2u);
  EXPECT_EQ(h.tenants.find("globex")->size("User"), 1u);
}

TEST(Seed, ErrorsNameTheItem) {
  Harness h;
  json seed{{"tenants",
             {{"acme",
               {{"Users",
                 {{{"schemas", kUserSchema}, {"userName", "alice"}},
                  {{"schemas", kUserSchema}, {"userName", "ALICE"}}}}}}}}};
  auto loaded = load_seed(h.service, seed, "default");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().rfind("tenants.acme.Users[1]: 409 uniqueness", 0), 0u) << loaded.error();
}

TEST(Seed, UnknownKeysAndShapesAreRejected) {
  Harness h;
  auto unknown = load_seed(h.service, json{{"Widgets", json::array()}}, "acme");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().find("Widgets"), std::string::npos);
  EXPECT_FALSE(load_seed(h.service, json{{"Users", json::object()}}, "acme").ok());
  EXPECT_FALSE(load_seed(h.service, json::array(), "acme").ok());
  auto bad_ref = load_seed(h.service,
                           json{{"Groups",
                                 {{{"schemas", kGroupSchema},
                                   {"displayName", "G"},
                                   {"members", {{{"value", "nobody"}}}}}}}},
                           "acme");
  ASSERT_FALSE(bad_ref.ok());
  EXPECT_NE(bad_ref.error().find("seed.Groups[0]: 400 invalidValue"), std::string::npos)
      << bad_ref.error();
}

TEST(Seed, MissingFileIsAnError) {
  Harness h;
  auto r = load_seed_file(h.service, "/nonexistent/seed.json", "acme");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("cannot be read"), std::string::npos);
}

}  // namespace
}  // namespace scim::server
