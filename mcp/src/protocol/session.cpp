// The lifecycle and the dispatch of one MCP session (MCP 2025-11-25 basic/lifecycle,
// basic/utilities/ping, basic/utilities/cancellation, server/utilities/logging).
#include "scim/mcp/session.hpp"

#include <algorithm>
#include <exception>
#include <unordered_map>

namespace scim::mcp {
namespace {

// Methods a client may send before the handshake completes (lifecycle: "The client SHOULD NOT
// send requests other than pings before the server has responded to the initialize request").
bool allowed_before_initialize(std::string_view method) {
  return method == "initialize" || method == "ping";
}

}  // namespace

bool supported_protocol_version(std::string_view version) {
  return std::find(std::begin(kProtocolVersions), std::end(kProtocolVersions), version) !=
         std::end(kProtocolVersions);
}

Session::Session(const Offer& offer, WorkerPool& workers) : offer_(offer), workers_(workers) {}

std::string Session::protocol_version() const {
  std::lock_guard lock(mutex_);
  return protocol_version_;
}

Handled Session::handle(std::string_view frame, const Send& out, Finished finished) {
  return handle(rpc::parse(frame), out, std::move(finished));
}

Handled Session::handle(const rpc::Message& message, const Send& out, Finished finished) {
  switch (message.kind) {
    case rpc::Kind::Invalid:
      out(rpc::error_for(message));
      return Handled::Answered;
    case rpc::Kind::Notification:
      handle_notification(message);
      return Handled::Nothing;
    case rpc::Kind::Response:
      return Handled::Nothing;  // scim-mcp sends no requests, so no response is awaited
    case rpc::Kind::Request:
      break;
  }
  return handle_request(message, out, finished);
}

Handled Session::handle_request(const rpc::Message& message, const Send& out, Finished& finished) {
  static const std::unordered_map<std::string, Handler> kMethods = {
      {"initialize", &Session::initialize},
      {"ping", &Session::ping},
      {"logging/setLevel", &Session::set_level},
      {"tools/list", &Session::list_tools},
      {"resources/list", &Session::list_resources},
      {"resources/templates/list", &Session::list_resource_templates},
      {"resources/read", &Session::read_resource},
      {"prompts/list", &Session::list_prompts},
      {"prompts/get", &Session::get_prompt},
  };
  const bool is_call = message.method == "tools/call";
  const auto found = kMethods.find(message.method);
  if (!is_call && found == kMethods.end()) {
    out(rpc::make_error(message.id, rpc::kMethodNotFound, "Method not found: " + message.method));
    return Handled::Answered;
  }
  if (!initialize_seen_.load() && !allowed_before_initialize(message.method)) {
    out(rpc::make_error(message.id, rpc::kInvalidRequest,
                        "the session is not initialized: send 'initialize' first"));
    return Handled::Answered;
  }
  if (is_call) return call_tool(message, out, finished);
  try {
    out(rpc::make_result(message.id, (this->*(found->second))(message.params)));
  } catch (const RpcError& e) {
    out(rpc::make_error(message.id, e.code, e.message));
  } catch (const std::exception& e) {
    out(rpc::make_error(message.id, rpc::kInternalError,
                        std::string("internal error: ") + e.what()));
  }
  return Handled::Answered;
}

void Session::handle_notification(const rpc::Message& message) {
  if (message.method == "notifications/initialized") {
    if (initialize_seen_.load()) initialized_.store(true);
    return;
  }
  if (message.method == "notifications/cancelled") {
    const auto id = message.params.find("requestId");
    if (id == message.params.end()) return;
    std::lock_guard lock(mutex_);
    // Unknown or finished requests are ignored, as the cancellation utility requires.
    if (auto it = in_flight_.find(rpc::id_text(*id)); it != in_flight_.end()) {
      it->second->request();
    }
  }
  // Other notifications (progress, roots/list_changed, ...) need no action from this server.
}

json Session::initialize(const json& params) {
  if (initialize_seen_.exchange(true)) {
    throw RpcError{rpc::kInvalidRequest, "the session is already initialized"};
  }
  const auto requested = params.find("protocolVersion");
  if (requested == params.end() || !requested->is_string()) {
    initialize_seen_.store(false);
    throw RpcError{rpc::kInvalidParams, "initialize needs a string 'protocolVersion'"};
  }
  const auto asked = requested->get<std::string>();
  std::string version(supported_protocol_version(asked) ? asked : kProtocolVersions[0]);
  {
    std::lock_guard lock(mutex_);
    protocol_version_ = version;
  }
  json capabilities{{"logging", json::object()},
                    {"tools", {{"listChanged", false}}},
                    {"resources", {{"listChanged", false}, {"subscribe", false}}},
                    {"prompts", {{"listChanged", false}}}};
  json result{{"protocolVersion", version},
              {"capabilities", std::move(capabilities)},
              {"serverInfo",
               {{"name", offer_.name}, {"title", offer_.title}, {"version", offer_.version}}}};
  if (!offer_.instructions.empty()) result["instructions"] = offer_.instructions;
  return result;
}

json Session::ping(const json&) {
  return json::object();
}

json Session::set_level(const json& params) {
  const auto level = params.find("level");
  auto parsed = level != params.end() && level->is_string()
                    ? parse_log_level(level->get<std::string>())
                    : std::nullopt;
  if (!parsed) {
    throw RpcError{rpc::kInvalidParams,
                   "'level' must be one of debug, info, notice, warning, error, critical, "
                   "alert, emergency"};
  }
  min_level_.store(*parsed);
  return json::object();
}

std::shared_ptr<conf::CancelFlag> Session::track(const json& id) {
  auto flag = std::make_shared<conf::CancelFlag>();
  std::lock_guard lock(mutex_);
  auto [it, inserted] = in_flight_.emplace(rpc::id_text(id), flag);
  if (!inserted) return nullptr;  // the id is already in use by a call in flight
  return flag;
}

bool Session::untrack(const json& id) {
  std::lock_guard lock(mutex_);
  auto it = in_flight_.find(rpc::id_text(id));
  if (it == in_flight_.end()) return false;
  bool cancelled = it->second->requested();
  in_flight_.erase(it);
  return cancelled;
}

void Session::cancel_all() {
  std::lock_guard lock(mutex_);
  for (auto& [id, flag] : in_flight_) flag->request();
}

}  // namespace scim::mcp
