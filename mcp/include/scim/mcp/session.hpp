// One MCP session (MCP 2025-11-25 basic/lifecycle): the initialize handshake and version
// negotiation, then ping, tools, resources, prompts and logging/setLevel, with progress and
// cancellation. Transport-neutral: stdio runs one session for the process, Streamable HTTP one per
// Mcp-Session-Id. Tool calls run on the shared WorkerPool; everything else is answered inline.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "scim/mcp/jsonrpc.hpp"
#include "scim/mcp/offer.hpp"
#include "scim/mcp/request_context.hpp"
#include "scim/mcp/worker_pool.hpp"

namespace scim::mcp {

// Newest first; initialize answers with the client's version when listed, else the first.
inline constexpr std::string_view kProtocolVersions[] = {"2025-11-25", "2025-06-18"};
bool supported_protocol_version(std::string_view version);

enum class Handled {
  Answered,  // the response (if the frame needed one) was already passed to `out`
  Deferred,  // a worker will pass the response to `out` later
  Nothing,   // a notification or a response: nothing will be sent back
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(const Offer& offer, WorkerPool& workers);

  // Called once a deferred call is over, whether or not it sent a response (a cancelled call
  // sends none), so an HTTP stream knows when to end.
  using Finished = std::function<void()>;

  // Handles one frame. Every message caused by it (notifications of its request, then its
  // response) goes to `out`, possibly from a worker thread after this returns.
  Handled handle(std::string_view frame, const Send& out, Finished finished = {});
  // The same for a frame already parsed (the HTTP transport peeks at it first).
  Handled handle(const rpc::Message& message, const Send& out, Finished finished = {});

  bool initialized() const { return initialized_.load(); }
  std::string protocol_version() const;
  // Cancels every call in flight (session closed or server stopping).
  void cancel_all();

 private:
  using Handler = json (Session::*)(const json& params);

  Handled handle_request(const rpc::Message& message, const Send& out, Finished& finished);
  void handle_notification(const rpc::Message& message);
  Handled call_tool(const rpc::Message& message, const Send& out, Finished& finished);
  void run_tool(const json& id, const json& params, const Send& out,
                const std::shared_ptr<conf::CancelFlag>& flag);

  json initialize(const json& params);
  json ping(const json& params);
  json set_level(const json& params);
  json list_tools(const json& params);
  json list_resources(const json& params);
  json list_resource_templates(const json& params);
  json read_resource(const json& params);
  json list_prompts(const json& params);
  json get_prompt(const json& params);

  std::shared_ptr<Tool> find_tool(const std::string& name) const;
  std::shared_ptr<conf::CancelFlag> track(const json& id);
  // Forgets the call; true when it was cancelled meanwhile (its response is then not sent).
  bool untrack(const json& id);

  const Offer& offer_;
  WorkerPool& workers_;
  std::atomic<bool> initialize_seen_{false};
  std::atomic<bool> initialized_{false};
  std::atomic<LogLevel> min_level_{LogLevel::Info};
  mutable std::mutex mutex_;
  std::string protocol_version_;
  std::map<std::string, std::shared_ptr<conf::CancelFlag>> in_flight_;
};

// Thrown by a method handler to answer with a JSON-RPC error; caught by the session.
struct RpcError {
  int code;
  std::string message;
};

}  // namespace scim::mcp
