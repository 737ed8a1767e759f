// "/Me" (RFC 7644 §3.11).
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;

TEST(Me, WithoutASubjectIs501) {
  Harness h;
  EXPECT_THAT(h.call("GET", "/Me"), IsScimError(501, ""));
}

TEST(Me, AliasesTheSubjectsResourceWithItsLocation) {
  Harness h;
  const auto id = h.create_user("bjensen");
  h.subject = id;
  auto r = h.call("GET", "/Me");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_of(r)["id"], id);
  ASSERT_TRUE(r.header("Location"));
  EXPECT_EQ(*r.header("Location"), std::string(testing::kBase) + "/Users/" + id);
}

TEST(Me, WritesGoToTheAliasedResource) {
  Harness h;
  const auto id = h.create_user("bjensen");
  h.subject = id;
  json patch{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
             {"Operations", {{{"op", "replace"}, {"path", "nickName"}, {"value", "Babs"}}}}};
  ASSERT_EQ(h.call_json("PATCH", "/Me", patch).status, 200);
  EXPECT_EQ(body_of(h.call("GET", "/Users/" + id))["nickName"], "Babs");
  EXPECT_EQ(h.call("DELETE", "/Me").status, 204);
  EXPECT_THAT(h.call("GET", "/Me"), IsScimError(404, ""));
}

TEST(Me, PostIs501) {
  Harness h;
  h.subject = h.create_user("bjensen");
  EXPECT_THAT(h.call("POST", "/Me", "{}"), IsScimError(501, ""));
}

}  // namespace
}  // namespace scim::server
