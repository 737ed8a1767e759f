// The mock tools against a scripted admin API (docs/mock.md): the requests each tool sends,
// the admin token on every request and in no output, generated tokens counted but not shown,
// the server's 4xx as a tool error, and the admin URL derived from the target's base URL.
#include <gtest/gtest.h>

#include "scim/mcp/composition.hpp"
#include "scim/mcp/mock_tools.hpp"

namespace scim::mcp {
namespace {

const std::string kAdminToken = "admin-secret-42";

class ScriptedAdmin final : public conf::Transport {
 public:
  conf::HttpResponse send(const conf::HttpRequest& r) override {
    sent.push_back(r);
    conf::HttpResponse out;
    out.headers = {{"Content-Type", "application/json"}};
    out.status = next_status;
    out.body = next_body;
    return out;
  }
  void answer(int status, json body) {
    next_status = status;
    next_body = body.dump();
  }
  std::vector<conf::HttpRequest> sent;
  int next_status = 200;
  std::string next_body = "{}";
};

class MockToolsTest : public ::testing::Test {
 protected:
  MockToolsTest() {
    auto t = std::make_unique<ScriptedAdmin>();
    admin = t.get();
    TargetOptions o;
    o.base_url = "http://127.0.0.1:8080/scim/v2";
    o.auth.bearer_token = "scim-token";
    target = std::make_unique<Target>(o, std::move(t));
    AdminOptions a{admin_api_url("", o.base_url), kAdminToken, std::chrono::seconds(5)};
    for (auto& tool : make_mock_tools(a, *target)) tools[tool->spec().name] = tool;
  }
  ToolResult call(const std::string& name, const json& args) {
    std::atomic<LogLevel> level{LogLevel::Debug};
    RequestContext context(
        nullptr, [](const json&) {}, level, std::make_shared<conf::CancelFlag>());
    return tools.at(name)->call(args, context);
  }
  static void expect_no_secret(const ToolResult& r) {
    for (const std::string& s : {r.text, r.structured.dump()}) {
      EXPECT_EQ(s.find(kAdminToken), std::string::npos) << s;
      EXPECT_EQ(s.find("scim-token"), std::string::npos) << s;
    }
  }
  const conf::HttpRequest& last() const { return admin->sent.back(); }

  ScriptedAdmin* admin;
  std::unique_ptr<Target> target;
  std::map<std::string, std::shared_ptr<Tool>> tools;
};

TEST(AdminApiUrl, DerivedFromTheDefaultOrATenantBase) {
  EXPECT_EQ(admin_api_url("", "http://h:8080/scim/v2"), "http://h:8080/admin/v1");
  EXPECT_EQ(admin_api_url("", "http://h:8080/scim/v2/"), "http://h:8080/admin/v1");
  EXPECT_EQ(admin_api_url("", "https://h/tenants/acme/scim/v2"), "https://h/admin/v1");
  EXPECT_EQ(admin_api_url("", "http://h/prefix/scim/v2"), "http://h/prefix/admin/v1");
  EXPECT_EQ(admin_api_url("http://other:9/admin/v1/", "http://h/scim/v2"),
            "http://other:9/admin/v1");
  EXPECT_EQ(admin_api_url("", ""), "");
}

// The composition offers the mock tools only when an admin token is configured (issue 20:
// "When an admin token for a reference server is configured").
TEST(MockToolsOffer, OnlyWithAnAdminToken) {
  auto mock_tool_count = [](const std::string& admin_token) {
    McpConfig config;
    config.target.base_url = "http://127.0.0.1:8080/scim/v2";
    config.admin_token = admin_token;
    config.workers = 1;
    App app(config, std::make_unique<ScriptedAdmin>());
    std::size_t n = 0;
    for (const auto& tool : app.offer().tools) n += tool->spec().name.rfind("mock_", 0) == 0;
    return n;
  };
  EXPECT_EQ(mock_tool_count(""), 0u);
  EXPECT_EQ(mock_tool_count(kAdminToken), 5u);
}

TEST_F(MockToolsTest, FiveToolsWithHonestHints) {
  ASSERT_EQ(tools.size(), 5u);
  EXPECT_TRUE(tools.at("mock_journal")->spec().hints.read_only);
  EXPECT_FALSE(tools.at("mock_journal")->spec().writes);
  EXPECT_TRUE(tools.at("mock_tenant_reset")->spec().hints.destructive);
  EXPECT_TRUE(tools.at("mock_fault_clear")->spec().hints.destructive);
  for (const char* w :
       {"mock_tenant_create", "mock_tenant_reset", "mock_fault_set", "mock_fault_clear"}) {
    EXPECT_TRUE(tools.at(w)->spec().writes) << w << " must be hidden in --read-only mode";
  }
}

TEST_F(MockToolsTest, TenantCreatePostsAndCountsGeneratedTokensWithoutShowingThem) {
  admin->answer(201, {{"name", "acme"},
                      {"basePath", "/tenants/acme/scim/v2"},
                      {"generatedTokens", {"gen-secret-token"}}});
  auto r = call("mock_tenant_create", {{"name", "acme"}, {"settings", {{"patchStatus", 204}}}});
  ASSERT_FALSE(r.is_error) << r.text;
  EXPECT_EQ(last().method, "POST");
  EXPECT_EQ(last().url, "http://127.0.0.1:8080/admin/v1/tenants");
  EXPECT_EQ(json::parse(last().body)["settings"]["patchStatus"], 204);
  const std::string* auth = conf::find_header(last().headers, "authorization");
  ASSERT_NE(auth, nullptr);
  EXPECT_EQ(*auth, "Bearer " + kAdminToken);
  EXPECT_NE(r.text.find("http://127.0.0.1:8080/tenants/acme/scim/v2"), std::string::npos) << r.text;
  EXPECT_EQ(r.structured["generatedTokenCount"], 1);
  EXPECT_EQ(r.text.find("gen-secret-token"), std::string::npos);
  EXPECT_EQ(r.structured.dump().find("gen-secret-token"), std::string::npos);
  expect_no_secret(r);
}

TEST_F(MockToolsTest, ServerRefusalIsAToolErrorWithItsDetail) {
  admin->answer(409, {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:Error"}},
                      {"status", "409"},
                      {"scimType", "uniqueness"},
                      {"detail", "tenant \"acme\" exists"}});
  auto r = call("mock_tenant_create", {{"name", "acme"}, {"tokens", {kAdminToken}}});
  EXPECT_TRUE(r.is_error);
  EXPECT_NE(r.text.find("HTTP 409 uniqueness: tenant \"acme\" exists"), std::string::npos)
      << r.text;
  expect_no_secret(r);
}

TEST_F(MockToolsTest, FaultSetAndClearAddressTheTenantsFaults) {
  admin->answer(201, {{"id", "f1"}, {"type", "rateLimit"}});
  const json fault = {{"type", "rateLimit"}, {"path", "/Users"}, {"retryAfterSeconds", 2}};
  auto set = call("mock_fault_set", {{"tenant", "acme"}, {"fault", fault}});
  ASSERT_FALSE(set.is_error) << set.text;
  EXPECT_EQ(last().url, "http://127.0.0.1:8080/admin/v1/tenants/acme/faults");
  EXPECT_EQ(json::parse(last().body), fault);
  EXPECT_NE(set.text.find("fault f1 (rateLimit)"), std::string::npos) << set.text;

  admin->answer(204, nullptr);
  admin->next_body.clear();
  EXPECT_FALSE(call("mock_fault_clear", {{"tenant", "acme"}, {"id", "f1"}}).is_error);
  EXPECT_EQ(last().method, "DELETE");
  EXPECT_EQ(last().url, "http://127.0.0.1:8080/admin/v1/tenants/acme/faults/f1");
  EXPECT_FALSE(call("mock_fault_clear", {{"tenant", "acme"}}).is_error);
  EXPECT_EQ(last().url, "http://127.0.0.1:8080/admin/v1/tenants/acme/faults");
}

TEST_F(MockToolsTest, ResetPostsToTheTenant) {
  admin->answer(200, {{"name", "acme"}});
  EXPECT_FALSE(call("mock_tenant_reset", {{"tenant", "acme"}}).is_error);
  EXPECT_EQ(last().method, "POST");
  EXPECT_EQ(last().url, "http://127.0.0.1:8080/admin/v1/tenants/acme/reset");
}

TEST_F(MockToolsTest, JournalPassesFiltersAndSummarisesEachEntry) {
  admin->answer(200, {{"matched", 1},
                      {"entries",
                       {{{"seq", 7},
                         {"time", "2026-05-01T12:00:00Z"},
                         {"kind", "request"},
                         {"request", {{"method", "POST"}, {"path", "/Users"}}},
                         {"response", {{"status", 429}}},
                         {"fault", "429 from fault throttle"},
                         {"variants", json::array()},
                         {"leniencies", json::array()}}}}});
  auto r = call("mock_journal", {{"tenant", "acme"}, {"method", "POST"}, {"status", "4xx"}});
  ASSERT_FALSE(r.is_error) << r.text;
  EXPECT_EQ(last().url,
            "http://127.0.0.1:8080/admin/v1/tenants/acme/journal?limit=20&method=POST&status=4xx");
  EXPECT_NE(r.text.find("7 2026-05-01T12:00:00Z POST /Users -> 429 fault: 429 from fault throttle"),
            std::string::npos)
      << r.text;
  EXPECT_EQ(r.structured["matched"], 1);
}

}  // namespace
}  // namespace scim::mcp
