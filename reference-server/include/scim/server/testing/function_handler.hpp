// A Handler made of a function, for middleware tests: the end of the chain answers whatever the
// test decides, from the request it got.
#pragma once

#include <functional>
#include <utility>

#include "scim/server/api/request.hpp"

namespace scim::test {

class FunctionHandler final : public server::Handler {
 public:
  using Fn = std::function<server::Response(const server::Request&)>;
  explicit FunctionHandler(Fn fn) : fn_(std::move(fn)) {}
  server::Response handle(const server::Request& request) override { return fn_(request); }

 private:
  Fn fn_;
};

}  // namespace scim::test
