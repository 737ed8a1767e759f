// The middleware chain (api/middleware.hpp): layers run in the order added, may answer, change
// the request or call the rest of the chain more than once.
#include "scim/server/api/middleware.hpp"

#include <gtest/gtest.h>

#include <string>

namespace scim::server {
namespace {

class Terminal : public Handler {
 public:
  Response handle(const Request& request) override {
    Response r;
    r.body = request.path + "|" + (request.header("x-trace") ? *request.header("x-trace") : "");
    ++calls;
    return r;
  }
  int calls = 0;
};

class Tag : public Middleware {
 public:
  explicit Tag(std::string tag) : tag_(std::move(tag)) {}
  std::string_view name() const override { return tag_; }
  Response handle(Request& request, const Next& next) override {
    request.headers["x-trace"] += tag_;
    return next(request);
  }

 private:
  std::string tag_;
};

class Twice : public Middleware {
 public:
  std::string_view name() const override { return "twice"; }
  Response handle(Request& request, const Next& next) override {
    next(request);
    return next(request);
  }
};

class Refuse : public Middleware {
 public:
  std::string_view name() const override { return "refuse"; }
  Response handle(Request&, const Next&) override {
    Response r;
    r.status = 401;
    return r;
  }
};

TEST(Pipeline, LayersSeeRequestsInTheOrderAdded) {
  Terminal terminal;
  Tag a("a"), b("b");
  Pipeline chain(terminal);
  chain.use(a).use(b);
  Request r;
  r.path = "/x";
  EXPECT_EQ(chain.handle(r).body, "/x|ab");
  EXPECT_EQ(chain.names(), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(r.header("x-trace"), nullptr);  // handle() works on a copy
}

TEST(Pipeline, ALayerMayAnswerOrCallTheRestAgain) {
  Terminal terminal;
  Twice twice;
  Refuse refuse;
  Pipeline calls_twice(terminal);
  calls_twice.use(twice);
  calls_twice.handle(Request{});
  EXPECT_EQ(terminal.calls, 2);
  Pipeline refuses(terminal);
  refuses.use(refuse);
  EXPECT_EQ(refuses.take(Request{}).status, 401);
  EXPECT_EQ(terminal.calls, 2);
}

TEST(Pipeline, WithoutLayersItIsTheTerminal) {
  Terminal terminal;
  Pipeline chain(terminal);
  Request r;
  r.path = "/y";
  EXPECT_EQ(chain.take(std::move(r)).body, "/y|");
}

}  // namespace
}  // namespace scim::server
