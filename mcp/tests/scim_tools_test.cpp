// The SCIM tools against a scripted transport: derived schemas, requests sent (RFC 7644 §3.3,
// §3.4.2, §3.5.2), SCIM errors and unreachable targets as tool errors, and no credential in any
// output.
#include <gtest/gtest.h>

#include <mutex>

#include "scim/mcp/scim_tools.hpp"

namespace scim::mcp {
namespace {

const char* kSchemas = R"({"Resources":[{"id":"urn:ietf:params:scim:schemas:core:2.0:User",
  "attributes":[{"name":"userName","type":"string","required":true},
                {"name":"active","type":"boolean"}]}]})";
const char* kTypes = R"({"Resources":[{"id":"User","name":"User","endpoint":"/Users",
  "schema":"urn:ietf:params:scim:schemas:core:2.0:User"}]})";

class Scripted final : public conf::Transport {
 public:
  conf::HttpResponse send(const conf::HttpRequest& r) override {
    std::lock_guard lock(mutex);
    sent.push_back(r);
    if (unreachable) {
      conf::HttpResponse refused;
      refused.transport_error = "Connection refused";
      return refused;
    }
    auto path = r.url.substr(r.url.find("/v2") + 3);
    if (path == "/Schemas") return json_response(200, kSchemas);
    if (path == "/ResourceTypes") return json_response(200, kTypes);
    if (path == "/ServiceProviderConfig")
      return json_response(200, R"({"patch":{"supported":true}})");
    if (r.method == "POST" && path == "/Users") {
      auto body = json::parse(r.body);
      body["id"] = "u1";
      conf::HttpResponse out = json_response(201, body.dump());
      out.headers.emplace_back("ETag", "W/\"1\"");
      return out;
    }
    if (path.rfind("/Users?filter=", 0) == 0) {
      return json_response(
          400, R"({"status":"400","scimType":"invalidFilter","detail":"bad filter secret-token"})");
    }
    return json_response(404, R"({"status":"404","detail":"not found"})");
  }
  static conf::HttpResponse json_response(int status, std::string body) {
    conf::HttpResponse out;
    out.status = status;
    out.headers = {{"Content-Type", "application/scim+json"}};
    out.body = std::move(body);
    return out;
  }
  std::mutex mutex;
  std::vector<conf::HttpRequest> sent;
  bool unreachable = false;
};

class ScimToolsTest : public ::testing::Test {
 protected:
  ScimToolsTest() {
    auto t = std::make_unique<Scripted>();
    transport = t.get();
    TargetOptions o;
    o.base_url = "http://target/scim/v2";
    o.auth.bearer_token = "secret-token";
    target = std::make_unique<Target>(o, std::move(t));
    for (auto& tool : make_scim_read_tools(*target)) tools[tool->spec().name] = tool;
    for (auto& tool : make_scim_write_tools(*target)) tools[tool->spec().name] = tool;
  }
  ToolResult call(const std::string& name, const json& args) {
    std::atomic<LogLevel> level{LogLevel::Debug};
    RequestContext context(
        nullptr, [](const json&) {}, level, std::make_shared<conf::CancelFlag>());
    return tools.at(name)->call(args, context);
  }
  Scripted* transport;
  std::unique_ptr<Target> target;
  std::map<std::string, std::shared_ptr<Tool>> tools;
};

TEST_F(ScimToolsTest, CreateSchemaIsDerivedFromTheTargetAfterDiscovery) {
  call("scim_discover", json::object());
  auto schema = tools.at("scim_create")->spec().input_schema;
  EXPECT_EQ(schema["properties"]["resourceType"]["enum"], json::array({"User"}));
  EXPECT_EQ(schema["definitions"]["User"]["required"], json::array({"userName"}));
  EXPECT_TRUE(tools.at("scim_delete")->spec().hints.destructive);
  EXPECT_TRUE(tools.at("scim_get")->spec().hints.read_only);
}

TEST_F(ScimToolsTest, CreatePostsWithSchemasAndReturnsResourceAndEtag) {
  auto r = call("scim_create", {{"resourceType", "User"}, {"resource", {{"userName", "bjensen"}}}});
  ASSERT_FALSE(r.is_error) << r.text;
  EXPECT_EQ(r.structured["status"], 201);
  EXPECT_EQ(r.structured["etag"], "W/\"1\"");
  EXPECT_EQ(r.structured["resource"]["id"], "u1");
  const auto& post = transport->sent.back();
  EXPECT_EQ(post.method, "POST");
  EXPECT_EQ(json::parse(post.body)["schemas"][0], "urn:ietf:params:scim:schemas:core:2.0:User");
}

TEST_F(ScimToolsTest, ResourceMissingARequiredAttributeIsRefusedBeforeSending) {
  call("scim_discover", json::object());
  const auto before = transport->sent.size();
  auto r = call("scim_create", {{"resourceType", "User"}, {"resource", {{"active", true}}}});
  EXPECT_TRUE(r.is_error);
  EXPECT_NE(r.text.find("userName"), std::string::npos) << r.text;
  EXPECT_EQ(transport->sent.size(), before);
}

TEST_F(ScimToolsTest, UnknownResourceTypeNamesTheChoices) {
  auto r = call("scim_get", {{"resourceType", "Device"}, {"id", "1"}});
  EXPECT_TRUE(r.is_error);
  EXPECT_NE(r.text.find("User"), std::string::npos);
}

TEST_F(ScimToolsTest, FilterTheTargetCannotParseIsAToolErrorWithoutTheToken) {
  auto r = call("scim_search", {{"resourceType", "User"}, {"filter", "userName eq"}});
  EXPECT_TRUE(r.is_error);
  EXPECT_NE(r.text.find("HTTP 400 invalidFilter"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("secret-token"), std::string::npos);
  EXPECT_EQ(r.structured.dump().find("secret-token"), std::string::npos);
}

TEST_F(ScimToolsTest, UnreachableTargetIsAToolError) {
  transport->unreachable = true;
  auto r = call("scim_get", {{"resourceType", "User"}, {"id", "1"}});
  EXPECT_TRUE(r.is_error);
  EXPECT_NE(r.text.find("Connection refused"), std::string::npos) << r.text;
}

}  // namespace
}  // namespace scim::mcp
