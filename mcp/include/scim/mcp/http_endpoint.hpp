// The Streamable HTTP transport's rules (MCP 2025-11-25 basic/transports#streamable-http),
// socket-free: one endpoint path; Origin validated against DNS rebinding (403), Host validated
// when bound to loopback; an optional bearer token (401); POST carries one JSON-RPC message;
// sessions by Mcp-Session-Id (400 without one, 404 once unknown, DELETE ends one); GET is 405
// (no server-initiated stream); MCP-Protocol-Version checked (400). A request is answered with
// JSON, or with an SSE stream when it runs on a worker (tool calls: progress and log
// notifications come first, then the response).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "scim/mcp/session.hpp"

namespace scim::mcp {

struct HttpOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 0;
  std::string path = "/mcp";
  std::string bearer_token;                  // empty: no token required (loopback only)
  std::vector<std::string> allowed_origins;  // besides http(s)://localhost|127.0.0.1|[::1][:port]
  std::size_t max_sessions = 64;
  std::chrono::seconds session_idle{30 * 60};  // an unused session is dropped after this
  std::size_t max_connections = 128;
  std::chrono::seconds read_timeout{30};
  std::size_t max_header_bytes = 16 * 1024;
};

bool is_loopback_address(const std::string& address);

struct HttpIn {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
  const std::string* header(const std::string& lower_name) const;
};

// An SSE stream of one request's messages, filled by a worker, drained by the connection.
class SseStream {
 public:
  void push(const json& message);
  void finish();
  // Takes what is queued; `done` tells that nothing more will come.
  std::vector<json> take(bool& done);
  // Called (from any thread) when something was pushed or the stream finished.
  void set_wake(std::function<void()> wake);

 private:
  std::mutex mutex_;
  std::vector<json> messages_;
  bool finished_ = false;
  std::function<void()> wake_;
};

// One SSE event carrying a JSON-RPC message ("event: message", "data: <json>").
std::string sse_event(const json& message);

struct HttpOut {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::shared_ptr<SseStream> stream;  // set: answer with text/event-stream from this stream
};

class HttpEndpoint {
 public:
  HttpEndpoint(HttpOptions options, const Offer& offer, WorkerPool& workers);
  HttpOut handle(const HttpIn& in);
  std::size_t session_count() const;
  void close_all();  // cancels every session's calls (shutdown)
  const HttpOptions& options() const { return options_; }

 private:
  std::optional<HttpOut> refuse(const HttpIn& in) const;
  HttpOut post(const HttpIn& in);
  HttpOut remove(const HttpIn& in);
  std::shared_ptr<Session> create_session(std::string& id);
  std::shared_ptr<Session> find_session(const std::string& id);
  HttpOut dispatch(Session& session, const rpc::Message& message, const std::string& session_id);

  HttpOptions options_;
  const Offer& offer_;
  WorkerPool& workers_;
  mutable std::mutex mutex_;
  struct Entry {
    std::shared_ptr<Session> session;
    std::chrono::steady_clock::time_point used;
  };
  std::map<std::string, Entry> sessions_;
};

}  // namespace scim::mcp
