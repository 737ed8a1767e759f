// Sessions and message dispatch of the Streamable HTTP transport (MCP 2025-11-25
// basic/transports: "Sending Messages to the Server", "Session Management").
#include "scim/mcp/http_endpoint.hpp"

#include <algorithm>

#include "scim/protocol/uuid.hpp"

namespace scim::mcp {
namespace {

HttpOut json_out(int status, const json& body) {
  HttpOut out;
  out.status = status;
  out.headers.emplace_back("Content-Type", "application/json");
  out.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return out;
}

HttpOut status_only(int status, std::string allow = {}) {
  HttpOut out;
  out.status = status;
  if (!allow.empty()) out.headers.emplace_back("Allow", std::move(allow));
  return out;
}

bool accepts(const HttpIn& in, const char* type) {
  const auto* accept = in.header("accept");
  return accept == nullptr || accept->find(type) != std::string::npos ||
         accept->find("*/*") != std::string::npos;
}

}  // namespace

void SseStream::push(const json& message) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    messages_.push_back(message);
    wake = wake_;
  }
  if (wake) wake();
}

void SseStream::finish() {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    finished_ = true;
    wake = wake_;
  }
  if (wake) wake();
}

std::vector<json> SseStream::take(bool& done) {
  std::lock_guard lock(mutex_);
  done = finished_;
  return std::exchange(messages_, {});
}

std::string sse_event(const json& message) {
  return "event: message\ndata: " + message.dump(-1, ' ', false, json::error_handler_t::replace) +
         "\n\n";
}

void SseStream::set_wake(std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  wake_ = std::move(wake);
}

HttpEndpoint::HttpEndpoint(HttpOptions options, const Offer& offer, WorkerPool& workers)
    : options_(std::move(options)), offer_(offer), workers_(workers) {}

HttpOut HttpEndpoint::handle(const HttpIn& in) {
  if (auto refused = refuse(in)) return *refused;
  if (in.method == "POST") return post(in);
  if (in.method == "DELETE") return remove(in);
  // GET would open a stream for server-initiated messages; this server sends none (405 is the
  // answer the transport prescribes for a server that offers no such stream).
  return status_only(405, "POST, DELETE");
}

HttpOut HttpEndpoint::post(const HttpIn& in) {
  const auto* type = in.header("content-type");
  if (type == nullptr || type->find("application/json") == std::string::npos) {
    return json_out(415, rpc::make_error(nullptr, -32000, "Content-Type must be application/json"));
  }
  if (!accepts(in, "application/json") && !accepts(in, "text/event-stream")) {
    return json_out(406, rpc::make_error(nullptr, -32000,
                                         "Accept must allow application/json and "
                                         "text/event-stream"));
  }
  const auto message = rpc::parse(in.body);
  if (message.kind == rpc::Kind::Invalid) return json_out(400, rpc::error_for(message));
  const auto* sid = in.header("mcp-session-id");
  if (message.kind == rpc::Kind::Request && message.method == "initialize") {
    if (sid != nullptr) {
      return json_out(400, rpc::make_error(message.id, rpc::kInvalidRequest,
                                           "initialize starts a new session: send it without "
                                           "Mcp-Session-Id"));
    }
    std::string id;
    auto session = create_session(id);
    if (!session) {
      return json_out(503, rpc::make_error(message.id, -32000, "too many sessions; retry later"));
    }
    return dispatch(*session, message, id);
  }
  if (sid == nullptr) {
    return json_out(
        400, rpc::make_error(message.id, -32000, "Bad Request: Mcp-Session-Id header is required"));
  }
  auto session = find_session(*sid);
  if (!session) {
    return json_out(
        404, rpc::make_error(message.id, -32001, "Session not found: initialize a new session"));
  }
  return dispatch(*session, message, *sid);
}

HttpOut HttpEndpoint::dispatch(Session& session, const rpc::Message& message,
                               const std::string& session_id) {
  // Every message of this request goes to the stream; an inline answer is taken back out of it
  // and sent as JSON, a deferred one (a tool call on a worker) is streamed as SSE.
  auto stream = std::make_shared<SseStream>();
  const auto handled = session.handle(
      message, [stream](const json& m) { stream->push(m); }, [stream] { stream->finish(); });
  HttpOut result;
  if (handled == Handled::Deferred) {
    result.stream = stream;
  } else {
    bool done = false;
    auto messages = stream->take(done);
    result = messages.empty() ? status_only(202) : json_out(200, messages.back());
  }
  result.headers.emplace_back("Mcp-Session-Id", session_id);
  return result;
}

HttpOut HttpEndpoint::remove(const HttpIn& in) {
  const auto* sid = in.header("mcp-session-id");
  if (sid == nullptr) return status_only(400);
  std::shared_ptr<Session> session;
  {
    std::lock_guard lock(mutex_);
    auto it = sessions_.find(*sid);
    if (it == sessions_.end()) return status_only(404);
    session = it->second.session;
    sessions_.erase(it);
  }
  session->cancel_all();
  return status_only(200);
}

std::shared_ptr<Session> HttpEndpoint::create_session(std::string& id) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_,
                [&](const auto& entry) { return now - entry.second.used > options_.session_idle; });
  if (sessions_.size() >= options_.max_sessions) return nullptr;
  // A random (v4) UUID: visible ASCII as the transport requires, and unguessable.
  id = new_uuid_v4();
  auto session = std::make_shared<Session>(offer_, workers_);
  sessions_[id] = {session, now};
  return session;
}

std::shared_ptr<Session> HttpEndpoint::find_session(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return nullptr;
  it->second.used = std::chrono::steady_clock::now();
  return it->second.session;
}

std::size_t HttpEndpoint::session_count() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

void HttpEndpoint::close_all() {
  std::lock_guard lock(mutex_);
  for (auto& [id, entry] : sessions_) entry.session->cancel_all();
}

}  // namespace scim::mcp
