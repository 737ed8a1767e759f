// Private to src/http: the state shared by the listener and its sessions (io_context, TLS
// context, handler, connection accounting). Only the Beast translation units include this.
#pragma once

#include <utility>  // GCC 12 + Boost 1.74 in C++20: must precede Asio headers

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/strand.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "scim/server/api/request.hpp"
#include "scim/server/http/options.hpp"
#include "scim/server/http/server.hpp"

namespace scim::http::detail {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

// A live connection as the server sees it during shutdown.
class SessionBase : public std::enable_shared_from_this<SessionBase> {
 public:
  virtual ~SessionBase() = default;
  // Ask the session to finish its current request and close (posted to its strand).
  virtual void request_shutdown() = 0;
};

// Open sessions by id, so stop() can reach every one of them; guarded because sessions live
// on different strands.
class SessionTracker {
 public:
  std::uint64_t add(std::weak_ptr<SessionBase> session);
  void remove(std::uint64_t id);
  void shutdown_all();

 private:
  std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::unordered_map<std::uint64_t, std::weak_ptr<SessionBase>> sessions_;
};

struct ServerState {
  ServerState(HttpOptions opts, server::Handler& handler, BodyLimitFor body_limit,
              MayWait may_wait);

  // The body limit for a request whose header has been read.
  std::size_t body_limit_for(std::string_view method, std::string_view target) const;

  HttpOptions options;
  server::Handler& handler;
  BodyLimitFor body_limit;
  MayWait may_wait;
  std::optional<ssl::context> tls;
  std::atomic<std::size_t> connections{0};
  std::atomic<bool> stopping{false};
  std::atomic<bool> listening{false};  // start() succeeded; readiness is listening && !stopping
  // Connections refused because of max_connections: answered 503, or closed at once when far
  // beyond the limit (metrics: scim_http_rejected_connections_total).
  std::atomic<std::uint64_t> rejected_connections{0};
  SessionTracker tracker;
  // Last, so it is destroyed first: sessions still queued in it release their slots into a
  // tracker and counters that are alive.
  net::io_context ioc;
  // After the io_context, so it is destroyed before it: its threads finish their requests and
  // post the answers into an io_context that still exists.
  WaitPool waiters;
};

// A connection's socket, on a concrete executor type (no type-erased any_io_executor copied on
// every operation). With one I/O thread no two handlers of a session can run at once, so the
// socket uses the io_context's executor itself; with more, each connection has its own strand.
using IoExecutor = net::io_context::executor_type;
using StrandExecutor = net::strand<IoExecutor>;
using IoSocket = net::basic_stream_socket<tcp, IoExecutor>;
using StrandSocket = net::basic_stream_socket<tcp, StrandExecutor>;

// Starts serving one accepted connection. `reject` answers its first request with 503 (the
// connection limit is reached) and closes.
void launch_session(ServerState& state, IoSocket socket, bool reject);
void launch_session(ServerState& state, StrandSocket socket, bool reject);

}  // namespace scim::http::detail
