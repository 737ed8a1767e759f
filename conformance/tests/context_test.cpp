// The per-check context: request defaults, recording, fixtures, deadlines, cancellation and the
// assertions' expected-vs-actual.
#include "scim/conformance/core/run_context.hpp"

#include <gtest/gtest.h>

#include "fake_transport.hpp"

namespace scim::conf {
namespace {

using testing::FakeTransport;
using testing::json_response;

class ContextTest : public ::testing::Test {
 protected:
  FakeTransport fake_;
  Authenticator auth_{{"tok-secret", "", {}, std::nullopt}, fake_};
  ScimClient client_{fake_, auth_, "https://t/scim/v2"};
  Capabilities caps_;
  CancelFlag cancel_;
  RunShared shared_{client_, caps_, cancel_, "ab12cd34"};

  void users_create_with_ids() {
    auto counter = std::make_shared<int>(0);
    fake_.on("POST", "/Users", [counter](const HttpRequest& r) {
      auto body = nlohmann::json::parse(r.body);
      body["id"] = "u" + std::to_string(++*counter);
      return json_response(201, body.dump());
    });
  }
};

TEST_F(ContextTest, SendsScimMediaTypesAndAuthAndRecordsRedacted) {
  fake_.on("GET", "/Users", 200, R"({"Resources":[]})");
  RunContext ctx(shared_);
  ctx.post("/Users", {{"password", "p@ss"}});
  const auto req = fake_.requests("POST").at(0);
  EXPECT_EQ(req.url, "https://t/scim/v2/Users");
  EXPECT_EQ(*find_header(req.headers, "Content-Type"), "application/scim+json");
  EXPECT_EQ(*find_header(req.headers, "Accept"), "application/scim+json");
  EXPECT_EQ(*find_header(req.headers, "Authorization"), "Bearer tok-secret");
  const auto ex = ctx.take_exchanges();
  ASSERT_EQ(ex.size(), 1u);
  EXPECT_EQ(*find_header(ex[0].request_headers, "Authorization"), "Bearer ***");
  EXPECT_EQ(ex[0].request_body.find("p@ss"), std::string::npos);
}

TEST_F(ContextTest, ExtraHeadersReplaceOrRemoveDefaultsAndAuthCanBeOmitted) {
  RunContext ctx(shared_);
  ctx.send("POST", "/Users", "{}", {{"content-type", "text/plain"}, {"Accept", ""}}, false);
  const auto req = fake_.requests().at(0);
  EXPECT_EQ(*find_header(req.headers, "Content-Type"), "text/plain");
  EXPECT_EQ(find_header(req.headers, "Accept"), nullptr);
  EXPECT_EQ(find_header(req.headers, "Authorization"), nullptr);
}

TEST_F(ContextTest, UniqueNamesCarryTheRunPrefix) {
  RunContext ctx(shared_);
  const auto a = ctx.unique_name("User Name!");
  const auto b = ctx.unique_name("user");
  EXPECT_EQ(a.rfind("scimconf-ab12cd34-user-name--", 0), 0u) << a;
  EXPECT_NE(a, b);
}

TEST_F(ContextTest, CreatedFixturesAreDeletedNewestFirst) {
  users_create_with_ids();
  fake_.on("POST", "/Groups", 201, R"({"id":"g1","displayName":"x"})");
  fake_.on("DELETE", "/", 204);
  RunContext ctx(shared_);
  const auto user = ctx.create_user({{"active", false}});
  EXPECT_EQ(user["active"], false);
  EXPECT_EQ(user["userName"].get<std::string>().rfind("scimconf-ab12cd34-", 0), 0u);
  ctx.create_group();
  EXPECT_TRUE(ctx.cleanup(false).empty());
  const auto deletes = fake_.requests("DELETE");
  ASSERT_EQ(deletes.size(), 2u);
  EXPECT_EQ(deletes[0].url, "https://t/scim/v2/Groups/g1");
  EXPECT_EQ(deletes[1].url, "https://t/scim/v2/Users/u1");
}

TEST_F(ContextTest, KeepLeavesFixturesAndNotesThem) {
  users_create_with_ids();
  RunContext ctx(shared_);
  ctx.create_user();
  EXPECT_TRUE(ctx.cleanup(true).empty());
  EXPECT_TRUE(fake_.requests("DELETE").empty());
  EXPECT_EQ(ctx.take_notes().at(0), "kept fixture https://t/scim/v2/Users/u1");
}

TEST_F(ContextTest, RefusedFixtureIsAHarnessError) {
  fake_.on("POST", "/Users", 400, R"({"detail":"no"})");
  RunContext ctx(shared_);
  EXPECT_THROW(ctx.create_user(), CheckError);
}

TEST_F(ContextTest, UntrackedResourcesAreNotDeleted) {
  users_create_with_ids();
  RunContext ctx(shared_);
  ctx.create_user();
  ctx.untrack("/Users/u1");  // relative and absolute forms name the same fixture
  ctx.cleanup(false);
  EXPECT_TRUE(fake_.requests("DELETE").empty());
}

TEST_F(ContextTest, TransportFailureIsAHarnessError) {
  fake_.on("GET", "/", [](const HttpRequest&) {
    HttpResponse r;
    r.transport_error = "timeout";
    return r;
  });
  RunContext ctx(shared_);
  EXPECT_THROW(ctx.get("/Users"), CheckError);
}

TEST_F(ContextTest, CancellationStopsRequestsButNotCleanup) {
  users_create_with_ids();
  fake_.on("DELETE", "/", 204);
  RunContext ctx(shared_);
  ctx.create_user();
  cancel_.request();
  EXPECT_THROW(ctx.get("/Users"), CheckError);
  EXPECT_TRUE(ctx.cleanup(false).empty());
  EXPECT_EQ(fake_.requests("DELETE").size(), 1u);
}

TEST_F(ContextTest, CheckDeadlineBoundsRequests) {
  shared_.check_timeout = std::chrono::milliseconds(0);
  RunContext ctx(shared_);
  try {
    ctx.get("/Users");
    FAIL() << "no deadline";
  } catch (const CheckError& e) {
    EXPECT_NE(e.message.find("time limit"), std::string::npos);
  }
}

TEST_F(ContextTest, ExpectScimErrorChecksStatusSchemaAndScimType) {
  RunContext ctx(shared_);
  HttpResponse good = json_response(
      400,
      R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidFilter"})");
  EXPECT_NO_THROW(ctx.expect_scim_error(good, 400, "invalidFilter"));
  try {
    ctx.expect_scim_error(good, 400, "invalidPath");
    FAIL();
  } catch (const CheckFailed& f) {
    EXPECT_EQ(f.expected, "\"scimType\": \"invalidPath\"");
    EXPECT_EQ(f.actual, "\"invalidFilter\"");
  }
  // RFC 7644 §3.12: status is a string; a number fails.
  HttpResponse numeric = json_response(
      400, R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":400})");
  EXPECT_THROW(ctx.expect_scim_error(numeric, 400), CheckFailed);
  EXPECT_THROW(ctx.expect_scim_error(json_response(200, "{}"), 400), CheckFailed);
}

TEST_F(ContextTest, ExpectStatusShowsStatusAndBodyStart) {
  RunContext ctx(shared_);
  try {
    ctx.expect_status(json_response(500, "boom"), 200, "GET /Users");
    FAIL();
  } catch (const CheckFailed& f) {
    EXPECT_EQ(f.expected, "HTTP 200");
    EXPECT_EQ(f.actual, "HTTP 500: boom");
  }
  EXPECT_THROW(ctx.json_body(json_response(200, "<html>")), CheckFailed);
  EXPECT_THROW(ctx.skip("why"), CheckSkipped);
}

TEST_F(ContextTest, DeeplyNestedBodiesAreNotJson) {
  HttpResponse r = json_response(200, std::string(100000, '[') + std::string(100000, ']'));
  EXPECT_FALSE(r.json().has_value());
}

TEST(Encode, PercentEncodesFilters) {
  EXPECT_EQ(Context::encode("userName eq \"a b\""), "userName%20eq%20%22a%20b%22");
}

}  // namespace
}  // namespace scim::conf
