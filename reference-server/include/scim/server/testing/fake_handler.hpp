// A Handler double for the HTTP layer's tests: records what reached it and answers with a small
// JSON echo, or with a configured status/body. Thread-safe like the real Service.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "scim/server/api/request.hpp"
#include "scim/server/api/responses.hpp"

namespace scim::test {

class FakeHandler : public server::Handler {
 public:
  server::Response handle(const server::Request& request) override {
    {
      std::lock_guard lock(mutex_);
      last_ = request;
    }
    calls_.fetch_add(1);
    // Outside the SCIM base path, as the route table answers: /health, else 404.
    if (request.scope == server::Scope::Root) {
      if (request.path == "/health") return server::json_response(200, {{"status", "ok"}});
      return server::error_response(not_found("no SCIM endpoint at " + request.path));
    }
    if (request.path == "/throw") throw std::runtime_error("boom");
    if (request.path == "/slow") std::this_thread::sleep_for(std::chrono::milliseconds(700));
    server::Response r;
    r.status = request.path == "/nocontent" ? 204 : 200;
    nlohmann::json echo = {{"method", request.method},           {"path", request.path},
                           {"tenant", request.principal.tenant}, {"baseUrl", request.base_url},
                           {"bodySize", request.body.size()},    {"query", request.query}};
    if (r.status == 200) r.body = echo.dump();
    r.headers.emplace_back("Content-Type", "application/scim+json");
    return r;
  }

  server::Request last() {
    std::lock_guard lock(mutex_);
    return last_;
  }
  int calls() const { return calls_.load(); }

 private:
  std::mutex mutex_;
  server::Request last_;
  std::atomic<int> calls_{0};
};

}  // namespace scim::test
