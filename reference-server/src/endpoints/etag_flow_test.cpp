// ETag flows (RFC 7644 §3.14): ETag header = meta.version, If-None-Match -> 304, If-Match on
// PUT/PATCH/DELETE -> 412 on mismatch, "*" matches any current version.
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;

const json kPatchTitle = {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
                          {"Operations", {{{"op", "replace"}, {"path", "title"}, {"value", "x"}}}}};

std::string etag_of(const Response& r) {
  return r.header("ETag") ? *r.header("ETag") : "";
}

TEST(EtagFlow, IfNoneMatchCurrentVersionIs304WithEmptyBody) {
  Harness h;
  const auto id = h.create_user("bjensen");
  auto first = h.call("GET", "/Users/" + id);
  const auto tag = etag_of(first);
  ASSERT_FALSE(tag.empty());
  auto again = h.call("GET", "/Users/" + id, "", {{"if-none-match", tag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(etag_of(again), tag);
  auto stale = h.call("GET", "/Users/" + id, "", {{"if-none-match", "W/\"0\""}});
  EXPECT_EQ(stale.status, 200);
}

TEST(EtagFlow, IfMatchMismatchIs412AndNothingChanges) {
  Harness h;
  const auto id = h.create_user("bjensen");
  const auto tag = etag_of(h.call("GET", "/Users/" + id));
  ASSERT_EQ(h.call_json("PATCH", "/Users/" + id, kPatchTitle, {{"if-match", tag}}).status, 200);
  // `tag` is stale now.
  EXPECT_THAT(h.call_json("PATCH", "/Users/" + id, kPatchTitle, {{"if-match", tag}}),
              IsScimError(412, ""));
  json put{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}}, {"userName", "other"}};
  EXPECT_THAT(h.call_json("PUT", "/Users/" + id, put, {{"if-match", tag}}), IsScimError(412, ""));
  EXPECT_THAT(h.call("DELETE", "/Users/" + id, "", {{"if-match", tag}}), IsScimError(412, ""));
  EXPECT_EQ(body_of(h.call("GET", "/Users/" + id))["userName"], "bjensen");
}

TEST(EtagFlow, IfMatchCurrentVersionAndStarSucceed) {
  Harness h;
  const auto id = h.create_user("bjensen");
  auto r = h.call_json("PATCH", "/Users/" + id, kPatchTitle,
                       {{"if-match", etag_of(h.call("GET", "/Users/" + id))}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(etag_of(r), body_of(r)["meta"]["version"].get<std::string>());
  EXPECT_EQ(h.call("DELETE", "/Users/" + id, "", {{"if-match", "*"}}).status, 204);
}

TEST(EtagFlow, EachWriteChangesTheVersionAndNoOpPatchKeepsIt) {
  Harness h;
  const auto id = h.create_user("bjensen");
  const auto v1 = etag_of(h.call("GET", "/Users/" + id));
  const auto v2 = etag_of(h.call_json("PATCH", "/Users/" + id, kPatchTitle));
  EXPECT_NE(v1, v2);
  const auto v3 = etag_of(h.call_json("PATCH", "/Users/" + id, kPatchTitle));  // same value again
  EXPECT_EQ(v2, v3);
}

TEST(EtagFlow, DisabledEtagsSendNoHeaderAndIgnorePreconditions) {
  ServiceConfig config;
  config.etag = false;
  Harness h(config);
  const auto id = h.create_user("bjensen");
  auto r = h.call("GET", "/Users/" + id, "", {{"if-none-match", "*"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(r.header("ETag"));
  EXPECT_EQ(h.call("DELETE", "/Users/" + id, "", {{"if-match", "W/\"nope\""}}).status, 204);
}

}  // namespace
}  // namespace scim::server
