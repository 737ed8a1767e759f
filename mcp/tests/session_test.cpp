// One MCP session end to end without a transport: the lifecycle (MCP 2025-11-25
// basic/lifecycle), tools/call results and errors (server/tools, SEP-1303), logging levels,
// progress, cancellation, pagination cursors and resource/prompt errors.
#include "scim/mcp/session.hpp"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace scim::mcp {
namespace {

// Collects what the session sends; waits for deferred responses.
struct Inbox {
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<json> messages;
  Send send() {
    return [this](const json& m) {
      std::lock_guard lock(mutex);
      messages.push_back(m);
      cv.notify_all();
    };
  }
  json response_to(const json& id) {
    std::unique_lock lock(mutex);
    json found;
    cv.wait_for(lock, std::chrono::seconds(10), [&] {
      for (const auto& m : messages) {
        if (m.contains("id") && m["id"] == id) found = m;
      }
      return !found.is_null();
    });
    return found;
  }
};

class SlowTool final : public Tool {
 public:
  ToolSpec spec() const override {
    return {.name = "slow",
            .title = "slow",
            .description = "counts until cancelled",
            .input_schema = {{"type", "object"},
                             {"properties", {{"n", {{"type", "integer"}, {"minimum", 1}}}}},
                             {"required", {"n"}}},
            .hints = {.read_only = true}};
  }
  ToolResult call(const json& a, RequestContext& c) override {
    c.log(LogLevel::Debug, "slow", "starting");
    c.log(LogLevel::Warning, "slow", "warned");
    for (int i = 1; i <= a["n"].get<int>(); ++i) {
      if (c.cancelled()) return ToolResult::error("cancelled");
      c.progress(i, a["n"].get<int>(), "step");
      std::this_thread::sleep_for(std::chrono::milliseconds(i == 1 ? 0 : 20));
    }
    ToolResult r;
    r.text = "done";
    r.structured = {{"n", a["n"]}};
    return r;
  }
};

class SessionTest : public ::testing::Test {
 protected:
  SessionTest() : workers(2, 8) {
    offer.tools.push_back(std::make_shared<SlowTool>());
    session = std::make_shared<Session>(offer, workers);
  }
  void initialize() {
    session->handle(
        R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})",
        inbox.send());
    session->handle(R"({"jsonrpc":"2.0","method":"notifications/initialized"})", inbox.send());
  }
  json call(const std::string& frame, const json& id) {
    session->handle(frame, inbox.send());
    return inbox.response_to(id);
  }
  Offer offer;
  WorkerPool workers;
  std::shared_ptr<Session> session;
  Inbox inbox;
};

TEST_F(SessionTest, InitializeNegotiatesTheClientsVersionAndDeclaresCapabilities) {
  initialize();
  auto r = inbox.response_to(0)["result"];
  EXPECT_EQ(r["protocolVersion"], "2025-11-25");
  EXPECT_TRUE(r["capabilities"].contains("tools"));
  EXPECT_TRUE(r["capabilities"].contains("logging"));
  EXPECT_EQ(r["serverInfo"]["name"], "scim-mcp");
  EXPECT_TRUE(session->initialized());
}

TEST_F(SessionTest, UnknownVersionIsAnsweredWithTheLatest) {
  auto r = call(
      R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1999-01-01"}})",
      1);
  EXPECT_EQ(r["result"]["protocolVersion"], kProtocolVersions[0]);
}

TEST_F(SessionTest, RequestsBeforeInitializeAreRefusedButPingWorks) {
  EXPECT_EQ(call(R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})", 1)["error"]["code"],
            rpc::kInvalidRequest);
  EXPECT_EQ(call(R"({"jsonrpc":"2.0","id":2,"method":"ping"})", 2)["result"], json::object());
}

TEST_F(SessionTest, SecondInitializeIsRefused) {
  initialize();
  auto r = call(
      R"({"jsonrpc":"2.0","id":5,"method":"initialize","params":{"protocolVersion":"2025-11-25"}})",
      5);
  EXPECT_EQ(r["error"]["code"], rpc::kInvalidRequest);
}

TEST_F(SessionTest, UnknownMethodIsMethodNotFound) {
  initialize();
  EXPECT_EQ(call(R"({"jsonrpc":"2.0","id":1,"method":"server/discover"})", 1)["error"]["code"],
            rpc::kMethodNotFound);
}

TEST_F(SessionTest, MalformedFrameGetsParseErrorAndTheSessionGoesOn) {
  initialize();
  session->handle("{not json", inbox.send());
  EXPECT_EQ(inbox.response_to(nullptr)["error"]["code"], rpc::kParseError);
  EXPECT_EQ(call(R"({"jsonrpc":"2.0","id":9,"method":"ping"})", 9)["result"], json::object());
}

TEST_F(SessionTest, UnknownToolIsInvalidParams) {
  initialize();
  auto r = call(R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"nope"}})", 1);
  EXPECT_EQ(r["error"]["code"], rpc::kInvalidParams);
  EXPECT_NE(r["error"]["message"].get<std::string>().find("Unknown tool: nope"), std::string::npos);
}

TEST_F(SessionTest, ArgumentsOutsideTheSchemaAreAToolError) {
  initialize();
  auto r = call(
      R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"slow","arguments":{"n":0}}})",
      1);
  EXPECT_TRUE(r["result"]["isError"].get<bool>());
  const auto text = r["result"]["content"][0]["text"].get<std::string>();
  EXPECT_NE(text.find("/n"), std::string::npos) << text;
}

TEST_F(SessionTest, ToolResultHasStructuredContentAndTextAndProgressAndFilteredLogs) {
  initialize();
  call(R"({"jsonrpc":"2.0","id":2,"method":"logging/setLevel","params":{"level":"warning"}})", 2);
  auto r = call(
      R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"slow","arguments":{"n":3},"_meta":{"progressToken":"p"}}})",
      3);
  EXPECT_FALSE(r["result"]["isError"].get<bool>());
  EXPECT_EQ(r["result"]["structuredContent"]["n"], 3);
  EXPECT_EQ(r["result"]["content"][0]["text"], "done");
  std::vector<double> progress;
  std::vector<std::string> logs;
  for (const auto& m : inbox.messages) {
    if (m.value("method", "") == "notifications/progress") {
      EXPECT_EQ(m["params"]["progressToken"], "p");
      progress.push_back(m["params"]["progress"].get<double>());
    }
    if (m.value("method", "") == "notifications/message") logs.push_back(m["params"]["level"]);
  }
  EXPECT_EQ(progress, (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(logs, std::vector<std::string>{"warning"});  // debug is below the level set
}

TEST_F(SessionTest, BadLogLevelIsInvalidParams) {
  initialize();
  auto r =
      call(R"({"jsonrpc":"2.0","id":2,"method":"logging/setLevel","params":{"level":"loud"}})", 2);
  EXPECT_EQ(r["error"]["code"], rpc::kInvalidParams);
}

TEST_F(SessionTest, CancelledCallSendsNoResponse) {
  initialize();
  bool finished = false;
  std::mutex m;
  std::condition_variable cv;
  session->handle(
      R"({"jsonrpc":"2.0","id":"c","method":"tools/call","params":{"name":"slow","arguments":{"n":200}}})",
      inbox.send(), [&] {
        std::lock_guard lock(m);
        finished = true;
        cv.notify_all();
      });
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  session->handle(
      R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"c","reason":"user"}})",
      inbox.send());
  std::unique_lock lock(m);
  ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return finished; }));
  for (const auto& msg : inbox.messages) EXPECT_NE(msg.value("id", json()), "c");
}

TEST_F(SessionTest, InvalidCursorIsInvalidParams) {
  initialize();
  auto r = call(R"({"jsonrpc":"2.0","id":4,"method":"tools/list","params":{"cursor":"x"}})", 4);
  EXPECT_EQ(r["error"]["code"], rpc::kInvalidParams);
}

TEST_F(SessionTest, UnknownResourceIsResourceNotFound) {
  initialize();
  auto r = call(
      R"({"jsonrpc":"2.0","id":4,"method":"resources/read","params":{"uri":"scim-conformance://x"}})",
      4);
  EXPECT_EQ(r["error"]["code"], rpc::kResourceNotFound);
}

TEST_F(SessionTest, ReadOnlyHidesWriteTools) {
  class Writer final : public Tool {
    ToolSpec spec() const override {
      return {.name = "w",
              .title = "w",
              .description = "w",
              .input_schema = {{"type", "object"}},
              .hints = {},
              .writes = true};
    }
    ToolResult call(const json&, RequestContext&) override { return {}; }
  };
  offer.tools.push_back(std::make_shared<Writer>());
  offer.read_only = true;
  initialize();
  auto list = call(R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})", 1)["result"]["tools"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["name"], "slow");
  auto r = call(R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"w"}})", 2);
  EXPECT_EQ(r["error"]["code"], rpc::kInvalidParams);
}

}  // namespace
}  // namespace scim::mcp
