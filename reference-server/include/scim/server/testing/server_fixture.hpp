// Runs a real HttpServer (with a FakeHandler) in-process on 127.0.0.1 port 0 for the duration of
// a test; stop() is graceful, as on SIGTERM.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <thread>

#include "scim/protocol/strings.hpp"
#include "scim/server/api/middleware.hpp"
#include "scim/server/http/authenticate.hpp"
#include "scim/server/http/server.hpp"
#include "scim/server/testing/fake_handler.hpp"

namespace scim::test {

// The stand-in for the route table's Access column: discovery GETs are public (RFC 7643 §5).
inline std::optional<server::Access> discovery_access(const server::Request& r) {
  if (r.scope == server::Scope::Root) return std::nullopt;
  if (r.method != "GET") return server::Access::Tenant;
  for (std::string_view doc : {"/ServiceProviderConfig", "/ResourceTypes", "/Schemas"}) {
    if (r.path.compare(0, doc.size(), doc) == 0) return server::Access::Public;
  }
  return server::Access::Tenant;
}

// The stand-in for the route table's BodyLimit column: POST {base}/Bulk takes the bulk limit.
inline http::BodyLimitFor bulk_body_limit(const http::Limits& limits) {
  return [limits](std::string_view method, std::string_view target) {
    const auto path = target.substr(0, target.find('?'));
    const bool bulk =
        method == "POST" && path.size() >= 5 && iequals(path.substr(path.size() - 5), "/Bulk");
    return bulk ? std::max(limits.max_body_bytes, limits.max_bulk_body_bytes)
                : limits.max_body_bytes;
  };
}

// The transport and the authentication layer in front of a FakeHandler.
class ServerFixture {
 public:
  explicit ServerFixture(http::HttpOptions options, http::AuthOptions auth = {})
      : auth_(std::move(*http::Authenticator::create(std::move(auth)))),
        authenticate_(options.base_path, auth_, discovery_access),
        chain_(handler_),
        server_(options, chain_, bulk_body_limit(options.limits)) {
    chain_.use(authenticate_);
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
  http::Authenticator auth_;
  http::AuthenticateMiddleware authenticate_;
  server::Pipeline chain_;
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
