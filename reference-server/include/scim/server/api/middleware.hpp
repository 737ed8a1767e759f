// The middleware chain: the layers a request passes on its way from the transport to the router
// (authentication and tenant, deviations, asynchronous requests; later journal, faults,
// metrics). Each layer sees the request before the ones after it and may answer it itself,
// change it, or pass it on with next(request). The chain is built, in order, in one place:
// app/server.cpp. A new cross-cutting concern is a new layer there, not a branch in a handler.
#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>
#include <vector>

#include "scim/server/api/request.hpp"

namespace scim::server {

class Pipeline;

// The rest of the chain after the current layer. Callable more than once (a layer may send
// sub-requests down the chain); valid only during the layer's handle() call.
class Next {
 public:
  Response operator()(Request& request) const;

 private:
  friend class Pipeline;
  Next(const Pipeline& pipeline, std::size_t index) : pipeline_(pipeline), index_(index) {}
  const Pipeline& pipeline_;
  std::size_t index_;
};

class Middleware {
 public:
  virtual ~Middleware() = default;
  // A short stable name ("authenticate", "async"), for docs and diagnostics.
  virtual std::string_view name() const = 0;
  // Thread-safe: called concurrently for different requests.
  virtual Response handle(Request& request, const Next& next) = 0;
};

// The timing the layers share: each returns the request's arrival in the chain (or the time its
// answer came back), reading the steady clock only when no layer before it did. A layer's
// duration is answered(response) - arrival(request): the same span for every layer that times
// the request, from the first one's start to the innermost one's answer.
std::chrono::steady_clock::time_point arrival(Request& request);
std::chrono::steady_clock::time_point answered(Response& response);

// Layers in the order they were added, then the terminal handler (the router). The pipeline
// only refers to its parts: they must outlive it.
class Pipeline final : public Handler {
 public:
  explicit Pipeline(Handler& terminal) : terminal_(terminal) {}

  // Appends a layer: the first one added sees requests first.
  Pipeline& use(Middleware& layer);
  std::vector<std::string_view> names() const;

  Response handle(const Request& request) override;
  Response take(Request&& request) override;

 private:
  friend class Next;
  Response run(std::size_t index, Request& request) const;

  Handler& terminal_;
  std::vector<Middleware*> layers_;
};

}  // namespace scim::server
