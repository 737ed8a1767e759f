// The HTTP/1.1 service over real sockets (in-process server, fake Handler, libcurl client):
// keep-alive, limits answered as RFC 7644 §3.12 errors (431, 413, 408, 503), 100-continue,
// tenant addressing, graceful stop.
#include <gtest/gtest.h>

#include <chrono>
#include <future>

#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/server_fixture.hpp"

namespace scim::test {
namespace {

using namespace std::chrono_literals;

void expect_scim_error(const HttpResult& r, long status) {
  EXPECT_EQ(r.status, status) << r.error << r.body;
  EXPECT_EQ(r.header("content-type"), "application/scim+json");
  auto body = r.json();
  ASSERT_TRUE(body.is_object()) << r.body;
  EXPECT_EQ(body["schemas"][0], "urn:ietf:params:scim:api:messages:2.0:Error");
  EXPECT_EQ(body["status"], std::to_string(status));  // RFC 7644 §3.12: a JSON string
}

TEST(HttpServer, ServesAuthenticatedRequestsWithKeepAlive) {
  ServerFixture server(test_options());
  HttpClient client;
  client.set_bearer("secret");
  auto first = client.get(server.url() + "/Users?filter=userName%20eq%20%22a+b%22");
  ASSERT_EQ(first.status, 200) << first.error;
  EXPECT_EQ(first.header("content-type"), "application/scim+json");
  EXPECT_EQ(first.json()["path"], "/Users");
  EXPECT_EQ(first.json()["query"]["filter"], "userName eq \"a b\"");
  EXPECT_EQ(first.json()["baseUrl"], server.url());
  EXPECT_EQ(first.new_connections, 1);
  auto second = client.get(server.url() + "/Groups");
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.new_connections, 0);  // the same connection was reused
}

TEST(HttpServer, MissingCredentialsAre401WithChallenge) {
  ServerFixture server(test_options());
  HttpClient client;
  auto r = client.get(server.url() + "/Users");
  expect_scim_error(r, 401);
  EXPECT_EQ(r.header("www-authenticate"), "Bearer realm=\"scim\"");
  EXPECT_EQ(server.handler().calls(), 0);
}

TEST(HttpServer, BasicUsersAdvertisedAndAccepted) {
  http::AuthOptions auth;
  auth.basic = {{"alice", "pw", "default", std::nullopt}};
  ServerFixture server(test_options(), auth);
  HttpClient client;
  auto challenge = client.get(server.url() + "/Users");
  EXPECT_EQ(challenge.all("www-authenticate").size(), 2u);
  // base64("alice:pw") = YWxpY2U6cHc=
  auto ok =
      client.request("GET", server.url() + "/Users", "", {"Authorization: Basic YWxpY2U6cHc="});
  EXPECT_EQ(ok.status, 200);
}

TEST(HttpServer, HealthNeedsNoToken) {
  ServerFixture server(test_options());
  HttpClient client;
  EXPECT_EQ(client.get(server.root() + "/health").status, 200);
}

TEST(HttpServer, UnknownPathOutsideBaseIs404) {
  ServerFixture server(test_options());
  HttpClient client;
  client.set_bearer("secret");
  expect_scim_error(client.get(server.root() + "/v1/Users"), 404);
}

TEST(HttpServer, OversizedHeaderIs431) {
  auto options = test_options();
  options.limits.max_header_bytes = 4096;
  ServerFixture server(options);
  HttpClient client;
  client.set_bearer("secret");
  auto r =
      client.request("GET", server.url() + "/Users", "", {"X-Padding: " + std::string(8000, 'a')});
  expect_scim_error(r, 431);
  EXPECT_EQ(server.handler().calls(), 0);
}

TEST(HttpServer, OversizedBodyIs413ButBulkHasItsOwnLimit) {
  auto options = test_options();
  options.limits.max_body_bytes = 1000;
  options.limits.max_bulk_body_bytes = 10'000;
  ServerFixture server(options);
  HttpClient client;
  client.set_bearer("secret");
  std::string body(2000, 'x');
  expect_scim_error(client.request("POST", server.url() + "/Users", body), 413);
  // Without Content-Length (chunked) the limit is enforced while reading.
  auto chunked =
      client.request("POST", server.url() + "/Users", body, {"Transfer-Encoding: chunked"});
  expect_scim_error(chunked, 413);
  auto bulk = client.request("POST", server.url() + "/Bulk", body);
  ASSERT_EQ(bulk.status, 200) << bulk.error;
  EXPECT_EQ(bulk.json()["bodySize"], 2000);
  EXPECT_EQ(client.request("POST", server.url() + "/Bulk", std::string(20'000, 'x')).status, 413);
}

TEST(HttpServer, ExpectContinueIsAnsweredWithoutDelay) {
  ServerFixture server(test_options());
  HttpClient client;
  client.set_bearer("secret");
  auto start = std::chrono::steady_clock::now();
  auto r = client.request("POST", server.url() + "/Users", std::string(500, 'x'),
                          {"Expect: 100-continue"});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["bodySize"], 500);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 900ms);  // curl waits 1 s without a 100
}

TEST(HttpServer, SlowClientGets408WhileOthersAreServed) {
  auto options = test_options();
  options.limits.read_timeout = 500ms;
  ServerFixture server(options);
  RawConnection slow(server.root());
  ASSERT_TRUE(slow.connected());
  ASSERT_TRUE(slow.send("GET /scim/v2/Users HTTP/1.1\r\nHost: x\r\n"));  // never finished
  HttpClient client;
  client.set_bearer("secret");
  EXPECT_EQ(client.get(server.url() + "/Users").status, 200);
  std::string answer = slow.receive_until_close(5000);
  EXPECT_EQ(answer.rfind("HTTP/1.1 408", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"status\":\"408\""), std::string::npos) << answer;
}

TEST(HttpServer, IdleKeepAliveConnectionIsClosed) {
  auto options = test_options();
  options.limits.idle_timeout = 300ms;
  ServerFixture server(options);
  HttpClient client;
  client.set_bearer("secret");
  EXPECT_EQ(client.get(server.url() + "/Users").new_connections, 1);
  std::this_thread::sleep_for(800ms);
  auto again = client.get(server.url() + "/Users");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.new_connections, 1);  // the idle one had been closed by the server
}

TEST(HttpServer, MalformedRequestIs400AndClosed) {
  ServerFixture server(test_options());
  RawConnection raw(server.root());
  ASSERT_TRUE(raw.send("NOT A REQUEST\r\n\r\n"));
  std::string answer = raw.receive_until_close(5000);
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer;
  EXPECT_NE(answer.find("invalidSyntax"), std::string::npos);
}

TEST(HttpServer, ConnectionsBeyondTheLimitGet503) {
  auto options = test_options();
  options.limits.max_connections = 1;
  ServerFixture server(options);
  RawConnection holder(server.root());
  ASSERT_TRUE(holder.connected());
  for (int i = 0; i < 100 && server.server().open_connections() < 1; ++i) {
    std::this_thread::sleep_for(10ms);
  }
  HttpClient client;
  client.set_bearer("secret");
  auto r = client.get(server.url() + "/Users");
  expect_scim_error(r, 503);
  EXPECT_EQ(r.header("retry-after"), "1");
}

TEST(HttpServer, PathAddressedTenantsAreIsolated) {
  http::AuthOptions auth;
  auth.tokens = {{"a-token", "acme", std::nullopt}, {"b-token", "beta", std::nullopt}};
  ServerFixture server(test_options(), auth);
  HttpClient client;
  client.set_bearer("a-token");
  auto own = client.get(server.root() + "/tenants/acme/scim/v2/Users");
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.json()["tenant"], "acme");
  EXPECT_EQ(own.json()["baseUrl"], server.root() + "/tenants/acme/scim/v2");
  expect_scim_error(client.get(server.root() + "/tenants/beta/scim/v2/Users"), 401);
  EXPECT_EQ(client.get(server.url() + "/Users").json()["tenant"], "acme");
}

TEST(HttpServer, NoContentHasNoBody) {
  ServerFixture server(test_options());
  HttpClient client;
  client.set_bearer("secret");
  auto r = client.request("DELETE", server.url() + "/nocontent");
  EXPECT_EQ(r.status, 204);
  EXPECT_TRUE(r.body.empty());
}

TEST(HttpServer, StopFinishesInFlightRequestsThenRefusesNewOnes) {
  ServerFixture server(test_options());
  auto in_flight = std::async(std::launch::async, [&] {
    HttpClient client;
    client.set_bearer("secret");
    return client.get(server.url() + "/slow");  // the handler takes 700 ms
  });
  for (int i = 0; i < 200 && server.handler().calls() == 0; ++i) std::this_thread::sleep_for(5ms);
  auto url = server.url();
  server.stop();  // returns once run() has returned
  auto r = in_flight.get();
  EXPECT_EQ(r.status, 200) << r.error;
  HttpClient late;
  EXPECT_EQ(late.get(url + "/Users").status, 0);  // connection refused
}

}  // namespace
}  // namespace scim::test
