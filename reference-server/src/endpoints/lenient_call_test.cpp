// Lenient mode with named leniencies switched off (lenient_call.hpp): a request that needs a
// switched-off leniency is answered exactly as strict mode answers it; one that needs only
// leniencies still on is accepted; filters, POST, PUT and PATCH all go through the same switch.
#include "scim/server/endpoints/lenient_call.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using json = nlohmann::json;
using testing::Harness;

ServiceConfig lenient_without(std::vector<std::string> off) {
  ServiceConfig c;
  c.lenient = true;
  c.lenient_off = std::move(off);
  return c;
}

json patch_title(const std::string& op) {
  return {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
          {"Operations", {{{"op", op}, {"path", "title"}, {"value", "x"}}}}};
}

TEST(LenientCall, ASwitchedOffLeniencyIsAnsweredAsStrictModeAnswers) {
  Harness strict_h;
  Harness h(lenient_without({"op-case"}));
  for (Harness* x : {&strict_h, &h}) {
    const auto id = x->create_user("bjensen");
    auto r = x->call_json("PATCH", "/Users/" + id, patch_title("Replace"));
    EXPECT_EQ(r.status, 400) << r.body;
  }
  EXPECT_EQ(h.call_json("PATCH", "/Users/" + h.create_user("other"), patch_title("replace")).status,
            200);
}

TEST(LenientCall, LeniencesStillOnAreUsed) {
  Harness h(lenient_without({"op-case"}));
  json user = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
               {"userName", "bool"},
               {"active", "True"}};
  auto created = h.call_json("POST", "/Users", user);  // boolean-string is still on
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(testing::body_of(created)["active"], true);

  Harness off(lenient_without({"boolean-string"}));
  EXPECT_EQ(off.call_json("POST", "/Users", user).status, 400);
  const auto id = off.create_user("put-me");
  user["userName"] = "put-me";
  EXPECT_EQ(off.call_json("PUT", "/Users/" + id, user).status, 400);
}

TEST(LenientCall, FiltersFollowTheSwitchToo) {
  const std::map<std::string, std::string> query = {
      {"filter", "emails[type eq \"work\"].value eq \"x\""}};
  Harness on(lenient_without({}));
  EXPECT_EQ(on.call("GET", "/Users", "", {}, query).status, 200);
  Harness off(lenient_without({"value-path-sub-attribute"}));
  EXPECT_EQ(off.call("GET", "/Users", "", {}, query).status, 400);
}

// A /Bulk operation's data is handed to validation, as a POST's body is (RFC 7644 §3.7); lenient
// mode keeps it for the strict retry, so a bulk POST answers as the same POST sent alone: created
// with the leniency on, refused with strict mode's error when it is switched off.
TEST(LenientCall, BulkPostsAnswerAsSinglePosts) {
  for (const auto& off : {std::vector<std::string>{}, std::vector<std::string>{"boolean-string"}}) {
    Harness h(lenient_without(off));
    bulk::BulkExecutor executor(h.routes, bulk::BulkLimits{});
    RouteTable with_bulk = make_routes(h.service, {.bulk = &executor});
    json user = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
                 {"userName", "bulky"},
                 {"active", "True"}};
    Request r;
    r.method = "POST";
    r.path = "/Bulk";
    r.body = json{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:BulkRequest"}},
                  {"Operations",
                   {{{"method", "POST"}, {"path", "/Users"}, {"bulkId", "b"}, {"data", user}}}}}
                 .dump();
    r.principal.tenant = h.tenant;
    r.base_url = testing::kBase;
    const auto response = with_bulk.handle(r);
    ASSERT_EQ(response.status, 200) << response.body;
    const auto op = testing::body_of(response)["Operations"][0];
    user["userName"] = "single";
    const auto single = h.call_json("POST", "/Users", user);
    EXPECT_EQ(single.status, off.empty() ? 201 : 400) << single.body;
    EXPECT_EQ(op["status"], std::to_string(single.status));
    if (single.status != 201) {
      EXPECT_EQ(op["response"]["scimType"], testing::body_of(single)["scimType"]);
      EXPECT_EQ(op["response"]["detail"], testing::body_of(single)["detail"]);
      continue;
    }
    const std::string location = op["location"];
    const auto got = h.call("GET", location.substr(std::string(testing::kBase).size()));
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_EQ(testing::body_of(got)["userName"], "bulky");
    EXPECT_EQ(testing::body_of(got)["active"], true);
  }
}

TEST(LenientCall, LeniencesAllowedChecksEveryName) {
  auto c = lenient_without({"op-case", "boolean-string"});
  EXPECT_TRUE(leniencies_allowed(c, {}));
  EXPECT_TRUE(leniencies_allowed(c, {"null-as-unassigned"}));
  EXPECT_FALSE(leniencies_allowed(c, {"null-as-unassigned", "boolean-string"}));
}

}  // namespace
}  // namespace scim::server
