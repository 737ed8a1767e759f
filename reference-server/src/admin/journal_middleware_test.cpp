// The journal layer in a chain: what it records, what it redacts, the request ids it gives.
#include "scim/server/admin/journal_middleware.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/fake_handler.hpp"

namespace scim::admin {
namespace {

// Stands in for the authentication layer: a known token names the tenant, and the secret goes.
class FakeAuthenticate final : public server::Middleware {
 public:
  std::string_view name() const override { return "authenticate"; }
  server::Response handle(server::Request& request, const server::Next& next) override {
    const auto base = request.target.find("/v2");
    request.path = base == std::string::npos ? request.target : request.target.substr(base + 3);
    request.path = request.path.substr(0, request.path.find('?'));
    auto authz = request.headers.find("authorization");
    if (authz == request.headers.end() || authz->second != "Bearer acme-secret") {
      return server::error_response(http_error(401, "no"));
    }
    request.principal = {"acme", std::nullopt, "token#1"};
    request.headers.erase(authz);
    return next(request);
  }
};

class JournalMiddlewareTest : public ::testing::Test {
 protected:
  JournalMiddlewareTest() : layer_(journals_), chain_(handler_) {
    journals_.add_tenant("acme");
    chain_.use(layer_).use(auth_);
  }
  server::Response call(std::string target, std::map<std::string, std::string> headers,
                        std::string body = "") {
    server::Request r;
    r.method = "POST";
    r.target = std::move(target);
    r.headers = std::move(headers);
    r.body = std::move(body);
    return chain_.handle(r);
  }
  std::vector<JournalEntry> entries() { return journals_.tenant("acme")->query({}).entries; }

  Journals journals_{{.max_entries = 10, .max_bytes = 1 << 20, .max_body_bytes = 8}, nullptr};
  JournalMiddleware layer_;
  FakeAuthenticate auth_;
  test::FakeHandler handler_;
  server::Pipeline chain_;
};

TEST_F(JournalMiddlewareTest, RecordsWhatWasSentAndAnsweredWithCredentialsRedacted) {
  auto r = call("/scim/v2/Users?x=1",
                {{"authorization", "Bearer acme-secret"}, {"cookie", "s=1"}, {"x-a", "b"}},
                R"({"userName":"bjensen"})");
  ASSERT_EQ(r.status, 200);
  auto all = entries();
  ASSERT_EQ(all.size(), 1u);
  const auto& e = all[0];
  EXPECT_EQ(e.tenant, "acme");
  EXPECT_EQ(e.credential, "token#1");
  EXPECT_EQ(e.method, "POST");
  EXPECT_EQ(e.target, "/scim/v2/Users?x=1");
  EXPECT_EQ(e.path, "/Users");
  EXPECT_EQ(e.status, 200);
  EXPECT_EQ(e.request_body.text, R"({"userNa)");  // bounded at max_body_bytes
  EXPECT_TRUE(e.request_body.truncated);
  EXPECT_EQ(e.request_body.size, 22u);
  const Headers expected{
      {"authorization", "Bearer [redacted]"}, {"cookie", "[redacted]"}, {"x-a", "b"}};
  EXPECT_EQ(e.request_headers, expected);
  for (const auto& [name, value] : e.request_headers) {
    EXPECT_EQ(value.find("acme-secret"), std::string::npos);
  }
}

TEST_F(JournalMiddlewareTest, GivesEveryRequestAnIdAndKeepsAUsableOne) {
  auto r = call("/scim/v2/Users", {{"authorization", "Bearer acme-secret"}});
  ASSERT_NE(r.header("X-Request-Id"), nullptr);
  EXPECT_EQ(r.header("X-Request-Id")->size(), 36u);  // a UUID
  r = call("/scim/v2/Users",
           {{"authorization", "Bearer acme-secret"}, {"x-request-id", "sync-42.attempt-1"}});
  EXPECT_EQ(*r.header("X-Request-Id"), "sync-42.attempt-1");
  EXPECT_EQ(entries().back().request_id, "sync-42.attempt-1");
  r = call("/scim/v2/Users",
           {{"authorization", "Bearer acme-secret"}, {"x-request-id", "bad id\r\nX: y"}});
  EXPECT_NE(*r.header("X-Request-Id"), "bad id\r\nX: y");
}

// A path-addressed client's 401s land in its tenant's journal; admin requests are audited by the
// control plane instead of journaled.
TEST_F(JournalMiddlewareTest, RefusedRequestsOfAPathTenantAreJournaledAdminOnesAreNot) {
  EXPECT_EQ(call("/tenants/acme/scim/v2/Users", {{"authorization", "Bearer nope"}}).status, 401);
  ASSERT_EQ(entries().size(), 1u);
  EXPECT_EQ(entries()[0].status, 401);
  EXPECT_EQ(entries()[0].tenant, "acme");
  call("/admin/v1/tenants", {{"authorization", "Bearer acme-secret"}});
  EXPECT_EQ(entries().size(), 1u);
  EXPECT_EQ(journals_.server().stats().appended, 0u);
}

}  // namespace
}  // namespace scim::admin
