// JSON-RPC 2.0 frame classification (spec §4 request object, §4.1 notification, §5 response
// object, §5.1 error object), with MCP's narrowing: ids are strings or integers, never null, and
// no batches (removed in MCP 2025-06-18).
#include "scim/mcp/jsonrpc.hpp"

namespace scim::mcp::rpc {
namespace {

bool valid_id(const json& id) {
  return id.is_string() || id.is_number_integer();
}

Message invalid(int code, std::string message, json id = nullptr) {
  Message m;
  m.kind = Kind::Invalid;
  m.error_code = code;
  m.error_message = std::move(message);
  m.id = valid_id(id) ? std::move(id) : json(nullptr);
  return m;
}

Message classify_response(const json& frame) {
  const bool has_result = frame.contains("result");
  const bool has_error = frame.contains("error");
  if (has_result == has_error) {
    return invalid(kInvalidRequest, "a response carries exactly one of 'result' and 'error'");
  }
  if (!frame.contains("id")) return invalid(kInvalidRequest, "a response needs an 'id'");
  Message m;
  m.kind = Kind::Response;
  m.id = frame["id"];
  m.body = frame;
  return m;
}

Message classify(const json& frame) {
  if (frame.is_array()) {
    return invalid(kInvalidRequest,
                   "JSON-RPC batches are not supported (removed in MCP 2025-06-18); send one "
                   "message per frame");
  }
  if (!frame.is_object()) return invalid(kInvalidRequest, "a message must be a JSON object");
  const json id = frame.contains("id") ? frame["id"] : json(nullptr);
  const auto version = frame.find("jsonrpc");
  if (version == frame.end() || *version != "2.0") {
    return invalid(kInvalidRequest, "'jsonrpc' must be exactly \"2.0\"", id);
  }
  const auto method = frame.find("method");
  if (method == frame.end()) return classify_response(frame);
  if (!method->is_string() || method->get_ref<const std::string&>().empty()) {
    return invalid(kInvalidRequest, "'method' must be a non-empty string", id);
  }
  Message m;
  m.method = method->get<std::string>();
  if (const auto params = frame.find("params"); params != frame.end()) {
    if (!params->is_object()) {
      return invalid(kInvalidRequest, "'params' must be an object in MCP", id);
    }
    m.params = *params;
  }
  if (!frame.contains("id")) {
    m.kind = Kind::Notification;
    return m;
  }
  if (!valid_id(id)) {
    return invalid(kInvalidRequest, "a request 'id' must be a string or an integer, not null");
  }
  m.kind = Kind::Request;
  m.id = id;
  return m;
}

}  // namespace

Message parse(std::string_view frame) {
  if (frame.size() > kMaxFrameBytes) {
    return invalid(kParseError, "message of " + std::to_string(frame.size()) +
                                    " bytes exceeds the limit of " +
                                    std::to_string(kMaxFrameBytes) + " bytes");
  }
  json parsed = json::parse(frame, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return invalid(kParseError, "Parse error: the message is not JSON");
  return classify(parsed);
}

json make_result(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json make_error(const json& id, int code, std::string_view message, std::optional<json> data) {
  json error{{"code", code}, {"message", std::string(message)}};
  if (data) error["data"] = std::move(*data);
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(error)}};
}

json make_notification(std::string_view method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", std::string(method)}, {"params", std::move(params)}};
}

json error_for(const Message& m) {
  return make_error(m.id, m.error_code, m.error_message);
}

std::string id_text(const json& id) {
  return id.dump();
}

}  // namespace scim::mcp::rpc
