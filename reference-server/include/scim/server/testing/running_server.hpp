// A real HttpServer in front of a test's own handler, run on its own thread (127.0.0.1, port 0)
// for as long as the object lives: its destructor stops it gracefully on every way out of a
// test, a failed assertion included.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>

#include "scim/server/api/request.hpp"
#include "scim/server/http/server.hpp"

namespace scim::test {

class RunningServer {
 public:
  RunningServer(const http::HttpOptions& options, server::Handler& handler)
      : server_(options, handler) {}
  ~RunningServer() { stop(); }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  // Empty once the server listens and runs; else why it did not start.
  std::string start() {
    auto started = server_.start();
    if (!started.ok()) return started.error();
    thread_ = std::thread([this] { server_.run(); });
    return {};
  }
  void stop() {
    if (!thread_.joinable()) return;
    server_.stop();
    thread_.join();
  }

  std::uint16_t port() const { return server_.port(); }
  std::size_t open_connections() const { return server_.open_connections(); }

 private:
  http::HttpServer server_;
  std::thread thread_;
};

}  // namespace scim::test
