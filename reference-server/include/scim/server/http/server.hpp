// HttpServer: the transport. The running HTTP/1.1 service (Boost.Beast, optional TLS) in front of
// a Handler (the middleware chain): it reads requests within the limits, hands each one over as
// a plain Request (method upper-cased, header names lower-cased, repeated headers joined) and
// writes the answer. Beast and Asio stay behind this pimpl; main and the tests only see plain
// types.
//
// Life cycle: start() binds and listens (errors are values), url() is then known, run() drives
// the io_context on `threads` threads until stop() (or SIGINT/SIGTERM when handle_signals) has
// drained in-flight requests, or shutdown_timeout has passed.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "scim/protocol/result.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/http/options.hpp"
#include "scim/server/http/wait_pool.hpp"

namespace scim::http {

// The body limit of a request, decided from its method and request-target before the body is
// read (RFC 7644 §3.7.4: /Bulk may take Limits::max_bulk_body_bytes). Unset: max_body_bytes.
using BodyLimitFor = std::function<std::size_t(std::string_view method, std::string_view target)>;
// Whether a request may wait for something other than the server's own work (an RFC 8936 §2.5
// long poll, an RFC 7240 "wait" preference). Such a request is served on the WaitPool, never on
// an I/O thread (at most Limits::max_waiting_requests at once; beyond: 503). Unset: none waits.
using MayWait = std::function<bool(const server::Request& request)>;

class HttpServer {
 public:
  // `handler` must outlive the server; exceptions it throws are answered 500.
  HttpServer(HttpOptions options, server::Handler& handler, BodyLimitFor body_limit = {},
             MayWait may_wait = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Loads TLS files, binds and listens. Message on failure ("cannot bind 127.0.0.1:80: ...").
  Status<std::string> start();
  // "http://HOST:PORT/BASE" (https with TLS), with the real port; valid after start().
  std::string url() const;
  std::uint16_t port() const;
  // Runs the io_context on `threads` threads (the caller's included); returns once stopped.
  void run();
  // Graceful stop, callable from any thread: stop accepting, finish in-flight requests, close
  // idle keep-alive connections.
  void stop();
  // Connections currently open (for tests and metrics).
  std::size_t open_connections() const;
  // Connections refused because of Limits::max_connections (503 or closed at once), since start.
  std::uint64_t rejected_connections() const;
  // Listening and not shutting down: what GET /ready reports.
  bool accepting() const;
  // A graceful stop has begun (stop() or a signal).
  bool stopping() const;
  // The pool that serves waiting requests: capacity, in use, accepted and refused (counted).
  WaitPoolStats waiting() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace scim::http
