// JSON-RPC 2.0 framing: the specification's examples (§7) and MCP's narrowing (no batches, no
// null ids), each invalid frame answered with the right error code.
#include "scim/mcp/jsonrpc.hpp"

#include <gtest/gtest.h>

namespace scim::mcp::rpc {
namespace {

TEST(JsonRpc, RequestWithPositionalIdAndParams) {
  auto m = parse(R"({"jsonrpc":"2.0","method":"tools/list","params":{"cursor":"5"},"id":1})");
  EXPECT_EQ(m.kind, Kind::Request);
  EXPECT_EQ(m.method, "tools/list");
  EXPECT_EQ(m.id, 1);
  EXPECT_EQ(m.params["cursor"], "5");
}

TEST(JsonRpc, NotificationHasNoId) {
  auto m = parse(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
  EXPECT_EQ(m.kind, Kind::Notification);
  EXPECT_TRUE(m.params.is_object());
}

TEST(JsonRpc, ResponseIsRecognised) {
  EXPECT_EQ(parse(R"({"jsonrpc":"2.0","id":"a","result":{}})").kind, Kind::Response);
}

TEST(JsonRpc, InvalidJsonIsParseError) {  // JSON-RPC §7: rpc call with invalid JSON
  auto m = parse(R"({"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz])");
  EXPECT_EQ(m.kind, Kind::Invalid);
  EXPECT_EQ(m.error_code, kParseError);
  EXPECT_TRUE(error_for(m)["id"].is_null());
}

TEST(JsonRpc, BatchIsInvalidRequestInMcp) {
  auto m = parse(R"([{"jsonrpc":"2.0","method":"ping","id":1}])");
  EXPECT_EQ(m.error_code, kInvalidRequest);
  EXPECT_NE(m.error_message.find("batch"), std::string::npos);
}

TEST(JsonRpc, WrongVersionKeepsTheIdForCorrelation) {
  auto m = parse(R"({"jsonrpc":"1.0","method":"ping","id":7})");
  EXPECT_EQ(m.error_code, kInvalidRequest);
  EXPECT_EQ(error_for(m)["id"], 7);
}

TEST(JsonRpc, NullIdIsInvalid) {
  EXPECT_EQ(parse(R"({"jsonrpc":"2.0","method":"ping","id":null})").error_code, kInvalidRequest);
}

TEST(JsonRpc, NonObjectParamsAreInvalid) {
  EXPECT_EQ(parse(R"({"jsonrpc":"2.0","method":"ping","id":1,"params":[1]})").error_code,
            kInvalidRequest);
}

TEST(JsonRpc, OversizedFrameIsRefusedWithoutParsing) {
  std::string huge(kMaxFrameBytes + 1, ' ');
  auto m = parse(huge);
  EXPECT_EQ(m.error_code, kParseError);
  EXPECT_NE(m.error_message.find("exceeds"), std::string::npos);
}

TEST(JsonRpc, ErrorObjectCarriesCodeMessageAndData) {
  auto e = make_error(3, kInvalidParams, "bad", json{{"x", 1}});
  EXPECT_EQ(e["error"]["code"], kInvalidParams);
  EXPECT_EQ(e["error"]["message"], "bad");
  EXPECT_EQ(e["error"]["data"]["x"], 1);
  EXPECT_EQ(e["jsonrpc"], "2.0");
}

}  // namespace
}  // namespace scim::mcp::rpc
