// The access-log layer: X-Request-Id accepted or generated and echoed, one line per request,
// and never a credential, a query string or a body in the log.
#include "scim/server/observe/access_log_middleware.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "scim/server/testing/function_handler.hpp"

namespace scim::observe {
namespace {

server::Request post_user() {
  server::Request r;
  r.method = "POST";
  r.target = "/scim/v2/Users?access_token=query-secret";
  r.headers["authorization"] = "Bearer s3cret-token";
  r.headers["cookie"] = "session=cookie-secret";
  r.body = R"({"userName":"bjensen","password":"body-secret"})";
  r.principal.tenant = "acme";
  r.principal.credential_name = "token#1";
  return r;
}

struct Logged {
  std::vector<server::Response> responses;
  std::string lines;
};

Logged run(std::vector<server::Request> requests) {
  std::ostringstream out;
  Logged logged;
  {
    LogOptions json;
    json.format = LogFormat::Json;
    ServerLog log(json, &out);
    test::FunctionHandler terminal([](const server::Request&) {
      server::Response r;
      r.status = 201;
      r.body = R"({"id":"1","password":"never-echoed"})";
      return r;
    });
    server::Pipeline pipeline(terminal);
    AccessLogMiddleware layer(log);
    pipeline.use(layer);
    for (auto& r : requests) logged.responses.push_back(pipeline.handle(r));
  }
  logged.lines = out.str();
  return logged;
}

TEST(AccessLog, OneJsonLinePerRequestWithTheRequestFields) {
  auto logged = run({post_user()});
  auto j = nlohmann::json::parse(logged.lines);
  EXPECT_EQ(j["msg"], "access");
  EXPECT_EQ(j["method"], "POST");
  EXPECT_EQ(j["path"], "/scim/v2/Users");  // no query
  EXPECT_EQ(j["tenant"], "acme");
  EXPECT_EQ(j["status"], 201);
  EXPECT_EQ(j["bytes_in"], post_user().body.size());
  EXPECT_EQ(j["bytes_out"], 36);
  EXPECT_EQ(j["request_id"], *logged.responses[0].header("X-Request-Id"));
}

TEST(AccessLog, NeverLogsCredentialsQueriesOrBodies) {
  auto logged = run({post_user()});
  for (const char* secret : {"s3cret-token", "Bearer", "cookie-secret", "query-secret",
                             "access_token", "body-secret", "never-echoed", "bjensen"}) {
    EXPECT_EQ(logged.lines.find(secret), std::string::npos) << secret << " in " << logged.lines;
  }
}

TEST(AccessLog, KeepsAUsableClientRequestIdAndEchoesIt) {
  auto r = post_user();
  r.headers["x-request-id"] = "client-abc.123";
  auto logged = run({r});
  EXPECT_EQ(*logged.responses[0].header("X-Request-Id"), "client-abc.123");
  EXPECT_EQ(nlohmann::json::parse(logged.lines)["request_id"], "client-abc.123");
}

TEST(AccessLog, ReplacesAnUnusableRequestIdWithAUuid) {
  auto r = post_user();
  r.headers["x-request-id"] = "bad id\nwith line feed";
  auto logged = run({r});
  const std::string id = *logged.responses[0].header("X-Request-Id");
  EXPECT_EQ(id.size(), 36u);  // a UUID, 8-4-4-4-12
  EXPECT_EQ(id[8], '-');
  EXPECT_EQ(logged.lines.find("with line feed"), std::string::npos);
}

TEST(AccessLog, GeneratesDistinctIdsWhenNoneIsGiven) {
  auto logged = run({post_user(), post_user()});
  EXPECT_NE(*logged.responses[0].header("X-Request-Id"),
            *logged.responses[1].header("X-Request-Id"));
}

// Whatever X-Request-Id an inner layer answered with (the journal's echo of the same id, or a
// stale one), the answer carries the request's id exactly once, under the name it had.
TEST(AccessLog, EchoesTheRequestIdOnceWhateverTheInnerLayersSet) {
  std::ostringstream out;
  ServerLog log(LogOptions{}, &out);
  std::vector<std::pair<std::string, std::string>> answered;
  test::FunctionHandler terminal([&answered](const server::Request&) {
    server::Response r;
    r.headers = answered;
    return r;
  });
  server::Pipeline pipeline(terminal);
  AccessLogMiddleware layer(log);
  pipeline.use(layer);
  auto request = post_user();
  request.headers["x-request-id"] = "req-7";
  struct Case {
    std::vector<std::pair<std::string, std::string>> headers;
    std::string name;  // of the X-Request-Id header in the answer
  };
  const std::vector<Case> cases = {
      {{}, "X-Request-Id"},
      {{{"x-request-id", "req-7"}}, "x-request-id"},
      {{{"Location", "/Users/1"}, {"X-Request-Id", "stale"}}, "X-Request-Id"},
      {{{"X-REQUEST-ID", "req-7"}, {"ETag", "W/\"1\""}}, "X-REQUEST-ID"}};
  for (const auto& c : cases) {
    answered = c.headers;
    const auto response = pipeline.handle(request);
    std::vector<std::string> names;
    for (const auto& [n, v] : response.headers) {
      if (n == "x-request-id" || n == "X-Request-Id" || n == "X-REQUEST-ID") {
        names.push_back(n);
        EXPECT_EQ(v, "req-7") << n;
      }
    }
    EXPECT_EQ(names, std::vector<std::string>{c.name});
    EXPECT_EQ(response.headers.size(), std::max<std::size_t>(c.headers.size(), 1));
  }
}

// The text format (the default): after spdlog's time and level, the fields in a fixed order,
// client-chosen values quoted, the path without its query and cut at kMaxLoggedPathBytes.
TEST(AccessLog, TextLineHasEveryFieldInOrder) {
  std::ostringstream out;
  std::string id;
  {
    ServerLog log(LogOptions{}, &out);
    test::FunctionHandler terminal([](const server::Request&) {
      server::Response r;
      r.status = 201;
      r.body = R"({"id":"1"})";
      return r;
    });
    server::Pipeline pipeline(terminal);
    AccessLogMiddleware layer(log);
    pipeline.use(layer);
    auto admin = post_user();
    admin.target = "/" + std::string(2000, 'p') + "?q=1";
    admin.principal.admin = true;
    id = *pipeline.handle(post_user()).header("X-Request-Id");
    pipeline.handle(admin);
  }
  const std::string lines = out.str();
  const auto first = lines.substr(0, lines.find('\n'));
  const auto second = lines.substr(first.size() + 1);
  const std::string expected = " info access request_id=\"" + id +
                               "\" tenant=\"acme\" method=\"POST\" path=\"/scim/v2/Users\" "
                               "status=201 duration_ms=";
  ASSERT_NE(first.find(expected), std::string::npos) << first;
  EXPECT_NE(first.find(" bytes_in=" + std::to_string(post_user().body.size()) + " bytes_out=10"),
            std::string::npos)
      << first;
  EXPECT_NE(second.find(" tenant=\"-\" method=\"POST\" path=\"/" +
                        std::string(kMaxLoggedPathBytes - 1, 'p') + "...\" status=201"),
            std::string::npos)
      << second;
}

TEST(AccessLog, CutsVeryLongPaths) {
  EXPECT_EQ(loggable_path("/a?b=c"), "/a");
  const std::string long_path = "/" + std::string(5000, 'x');
  EXPECT_EQ(loggable_path(long_path).size(), kMaxLoggedPathBytes + 3);
}

}  // namespace
}  // namespace scim::observe
