// The Streamable HTTP rules without sockets (MCP 2025-11-25 basic/transports): Origin and Host
// validation (403), bearer token (401), sessions (400 without, 404 unknown, DELETE), 405 for GET,
// 202 for notifications, parse errors as 400 with a JSON-RPC error, SSE for tool calls.
#include "scim/mcp/http_endpoint.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace scim::mcp {
namespace {

const char* kInit =
    R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})";

class HttpEndpointTest : public ::testing::Test {
 protected:
  HttpEndpointTest() : workers(1, 4) {
    offer.tools.push_back(std::make_shared<FunctionTool>(
        [] {
          return ToolSpec{.name = "echo",
                          .title = "echo",
                          .description = "echo",
                          .input_schema = {{"type", "object"}},
                          .hints = {}};
        },
        [](const json& a, RequestContext&) {
          ToolResult r;
          r.text = a.dump();
          return r;
        }));
  }
  HttpIn post(std::string body, std::string session = {}) {
    HttpIn in{"POST",
              "/mcp",
              {{"host", "127.0.0.1:9"},
               {"content-type", "application/json"},
               {"accept", "application/json, text/event-stream"}},
              std::move(body)};
    if (!session.empty()) in.headers["mcp-session-id"] = session;
    return in;
  }
  std::string session_of(const HttpOut& out) {
    for (const auto& [n, v] : out.headers) {
      if (n == "Mcp-Session-Id") return v;
    }
    return {};
  }
  HttpEndpoint make(HttpOptions o = {}) { return HttpEndpoint(o, offer, workers); }
  Offer offer;
  WorkerPool workers;
};

TEST_F(HttpEndpointTest, InitializeCreatesASession) {
  auto endpoint = make();
  auto out = endpoint.handle(post(kInit));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(json::parse(out.body)["result"]["protocolVersion"], "2025-11-25");
  EXPECT_FALSE(session_of(out).empty());
  EXPECT_EQ(endpoint.session_count(), 1u);
}

TEST_F(HttpEndpointTest, ForeignOriginIs403) {
  auto endpoint = make();
  auto in = post(kInit);
  in.headers["origin"] = "http://evil.example.com";
  EXPECT_EQ(endpoint.handle(in).status, 403);
  in.headers["origin"] = "http://localhost:6274";
  EXPECT_EQ(endpoint.handle(in).status, 200);
}

TEST_F(HttpEndpointTest, ForeignHostOnLoopbackIs403) {
  auto endpoint = make();
  auto in = post(kInit);
  in.headers["host"] = "evil.example.com";
  EXPECT_EQ(endpoint.handle(in).status, 403);
}

TEST_F(HttpEndpointTest, AllowedOriginIsAccepted) {
  HttpOptions o;
  o.allowed_origins = {"https://inspector.example"};
  auto endpoint = make(o);
  auto in = post(kInit);
  in.headers["origin"] = "https://inspector.example";
  EXPECT_EQ(endpoint.handle(in).status, 200);
}

TEST_F(HttpEndpointTest, BearerTokenIsRequiredWhenConfigured) {
  HttpOptions o;
  o.bearer_token = "s3cret";
  auto endpoint = make(o);
  auto in = post(kInit);
  auto out = endpoint.handle(in);
  EXPECT_EQ(out.status, 401);
  EXPECT_EQ(out.headers.back().first, "WWW-Authenticate");
  in.headers["authorization"] = "Bearer wrong!";
  EXPECT_EQ(endpoint.handle(in).status, 401);
  in.headers["authorization"] = "Bearer s3cret";
  EXPECT_EQ(endpoint.handle(in).status, 200);
}

TEST_F(HttpEndpointTest, SessionRules) {
  auto endpoint = make();
  const auto sid = session_of(endpoint.handle(post(kInit)));
  EXPECT_EQ(endpoint.handle(post(R"({"jsonrpc":"2.0","id":2,"method":"ping"})")).status, 400);
  EXPECT_EQ(endpoint.handle(post(R"({"jsonrpc":"2.0","id":2,"method":"ping"})", "nope")).status,
            404);
  EXPECT_EQ(endpoint.handle(post(R"({"jsonrpc":"2.0","method":"notifications/initialized"})", sid))
                .status,
            202);
  EXPECT_EQ(endpoint.handle(post(R"({"jsonrpc":"2.0","id":2,"method":"ping"})", sid)).status, 200);
  HttpIn del{"DELETE", "/mcp", {{"host", "localhost"}, {"mcp-session-id", sid}}, ""};
  EXPECT_EQ(endpoint.handle(del).status, 200);
  EXPECT_EQ(endpoint.handle(post(R"({"jsonrpc":"2.0","id":3,"method":"ping"})", sid)).status, 404);
}

TEST_F(HttpEndpointTest, GetIs405AndOtherPathsAre404) {
  auto endpoint = make();
  EXPECT_EQ(endpoint.handle(HttpIn{"GET", "/mcp", {{"host", "localhost"}}, ""}).status, 405);
  EXPECT_EQ(endpoint.handle(HttpIn{"POST", "/other", {{"host", "localhost"}}, ""}).status, 404);
}

TEST_F(HttpEndpointTest, MalformedJsonIs400WithParseError) {
  auto endpoint = make();
  auto out = endpoint.handle(post("{oops"));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(json::parse(out.body)["error"]["code"], rpc::kParseError);
}

TEST_F(HttpEndpointTest, UnsupportedProtocolVersionHeaderIs400) {
  auto endpoint = make();
  auto in = post(kInit);
  in.headers["mcp-protocol-version"] = "2099-01-01";
  EXPECT_EQ(endpoint.handle(in).status, 400);
}

TEST_F(HttpEndpointTest, ToolCallIsStreamedAndEnds) {
  auto endpoint = make();
  const auto sid = session_of(endpoint.handle(post(kInit)));
  auto out = endpoint.handle(post(
      R"({"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"echo","arguments":{"a":1}}})",
      sid));
  ASSERT_TRUE(out.stream);
  bool done = false;
  std::vector<json> messages;
  for (int i = 0; i < 500 && !done; ++i) {
    for (auto& m : out.stream->take(done)) messages.push_back(m);
    if (!done) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(done);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0]["id"], 5);
  EXPECT_EQ(sse_event(messages[0]).rfind("event: message\ndata: {", 0), 0u);
}

}  // namespace
}  // namespace scim::mcp
