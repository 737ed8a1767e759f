// The journal layer in a chain: what it records, what it redacts, the request ids it gives.
#include "scim/server/admin/journal_middleware.hpp"

#include <gtest/gtest.h>

#include "scim/server/admin/journal_json.hpp"
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

// Answers every request with a ListResponse page of 3 of 250 users.
class ListHandler final : public server::Handler {
 public:
  server::Response handle(const server::Request&) override {
    nlohmann::json resources = nlohmann::json::array();
    for (int i = 0; i < 3; ++i) resources.push_back({{"id", std::to_string(i)}});
    return server::json_response(
        200,
        {{"Resources", resources}, {"itemsPerPage", 3}, {"startIndex", 1}, {"totalResults", 250}});
  }
};

// A list whose captured body is cut short keeps its paging in "page" (the client grading's
// paging check needs it); one that fits has none: its captured JSON says it all.
TEST(JournalMiddlewarePage, ACutListKeepsItsPaging) {
  for (const std::size_t max_body : {std::size_t{16}, std::size_t{4096}}) {
    Journals journals({.max_entries = 10, .max_bytes = 1 << 20, .max_body_bytes = max_body},
                      nullptr);
    journals.add_tenant("acme");
    JournalMiddleware layer(journals);
    FakeAuthenticate auth;
    ListHandler lists;
    server::Pipeline chain(lists);
    chain.use(layer).use(auth);
    server::Request r;
    r.method = "GET";
    r.target = "/scim/v2/Users";
    r.headers = {{"authorization", "Bearer acme-secret"}};
    ASSERT_EQ(chain.handle(r).status, 200);
    const auto all = journals.tenant("acme")->query({}).entries;
    ASSERT_EQ(all.size(), 1u);
    const nlohmann::json page = to_json(all[0]).value("page", nlohmann::json());
    if (max_body == 16) {
      EXPECT_EQ(page,
                nlohmann::json({{"totalResults", 250}, {"startIndex", 1}, {"itemsPerPage", 3}}));
    } else {
      EXPECT_TRUE(page.is_null()) << page.dump();
    }
  }
}

}  // namespace
}  // namespace scim::admin
