// HttpServer: the running HTTP/1.1 service (Boost.Beast, optional TLS) in front of a Handler.
// Beast and Asio stay behind this pimpl; main and the tests only see plain types.
//
// Life cycle: start() binds and listens (errors are values), url() is then known, run() drives
// the io_context on `threads` threads until stop() (or SIGINT/SIGTERM when handle_signals) has
// drained in-flight requests, or shutdown_timeout has passed.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "scim/server/api/request.hpp"
#include "scim/server/http/auth.hpp"
#include "scim/server/http/options.hpp"
#include "scim/protocol/result.hpp"

namespace scim::http {

class HttpServer {
 public:
  HttpServer(HttpOptions options, Authenticator auth, server::Handler& handler);
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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace scim::http
