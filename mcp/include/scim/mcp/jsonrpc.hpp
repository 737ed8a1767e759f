// JSON-RPC 2.0 framing for MCP (https://www.jsonrpc.org/specification; MCP 2025-11-25 "Base
// Protocol"): classifies one incoming frame as a request, a notification or a response, and
// builds responses and error objects. A frame that is not JSON is a parse error (-32700); JSON
// that is not a valid message is an invalid request (-32600). MCP forbids batches since
// 2025-06-18 and request ids that are null, so both are invalid requests here.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace scim::mcp::rpc {

using json = nlohmann::json;

// JSON-RPC 2.0 §5.1 reserved codes, and MCP's "resource not found" (server/resources).
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kResourceNotFound = -32002;

// One frame is bounded so a hostile peer cannot make the server buffer without end.
inline constexpr std::size_t kMaxFrameBytes = 4 * 1024 * 1024;

enum class Kind { Request, Notification, Response, Invalid };

struct Message {
  Kind kind = Kind::Invalid;
  json id;  // string or integer for requests and responses; null otherwise
  std::string method;
  json params = json::object();  // always an object (absent params become {})
  json body;                     // the whole frame, for responses
  // For Kind::Invalid: the error to answer with (code and message), and the id when one could
  // be read, so the peer can correlate the error.
  int error_code = 0;
  std::string error_message;
};

// Never throws: every input becomes a Message, an invalid one carrying its error.
Message parse(std::string_view frame);

json make_result(const json& id, json result);
json make_error(const json& id, int code, std::string_view message,
                std::optional<json> data = std::nullopt);
json make_notification(std::string_view method, json params);

// The error answer for an invalid frame (id null when none could be read).
json error_for(const Message& invalid);

// A short human form of an id for logs: "7", "\"abc\"".
std::string id_text(const json& id);

}  // namespace scim::mcp::rpc
