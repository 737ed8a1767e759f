// Runs a real HttpServer (with a FakeHandler) in-process on 127.0.0.1 port 0 for the duration of
// a test; stop() is graceful, as on SIGTERM.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "scim/server/testing/fake_handler.hpp"
#include "scim/server/http/server.hpp"

namespace scim::test {

class ServerFixture {
 public:
  explicit ServerFixture(http::HttpOptions options, http::AuthOptions auth = {})
      : server_(std::move(options), std::move(*http::Authenticator::create(std::move(auth))),
                handler_) {
    auto started = server_.start();
    EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error());
    thread_ = std::thread([this] { server_.run(); });
  }
  ~ServerFixture() { stop(); }

  void stop() {
    if (!thread_.joinable()) return;
    server_.stop();
    thread_.join();
  }

  std::string url() const { return server_.url(); }  // ".../scim/v2"
  std::string root() const {
    return std::string(url().rfind("https", 0) == 0 ? "https" : "http") +
           "://127.0.0.1:" + std::to_string(server_.port());
  }
  FakeHandler& handler() { return handler_; }
  http::HttpServer& server() { return server_; }

 private:
  FakeHandler handler_;
  http::HttpServer server_;
  std::thread thread_;
};

inline http::HttpOptions test_options() {
  http::HttpOptions o;
  o.threads = 2;
  o.limits.shutdown_timeout = std::chrono::seconds(5);
  return o;
}

}  // namespace scim::test
