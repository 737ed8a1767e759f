// End to end over real HTTP: the scim-reference-server binary on 127.0.0.1 port 0, a loopback
// push receiver (the project's own HttpServer with a recording handler) and libcurl clients.
// Covers RFC 7644 §3.7 bulk (forward and circular references, failOnErrors, §3.7.4 413), async
// requests (RFC 9967 §2.5.1), push (RFC 8935) with signature and claim checks,
// and a poll loop with acknowledgements (RFC 8936).
#include <gtest/gtest.h>

#include <mutex>
#include <thread>

#include "scim/protocol/urns.hpp"
#include "scim/server/api/middleware.hpp"
#include "scim/server/events/jws.hpp"
#include "scim/server/http/authenticate.hpp"
#include "scim/server/http/server.hpp"
#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/server_process.hpp"

namespace scim::events {
namespace {

using namespace std::chrono_literals;

const std::string kKey = "e2e-signing-key-of-at-least-32-bytes!!";
const char* kBulkUrn = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

// RFC 8935 §2.2: the receiver answers 202 with an empty body; it records what it got.
class RecordingReceiver : public server::Handler {
 public:
  server::Response handle(const server::Request& r) override {
    std::lock_guard lock(mu);
    auto ct = r.headers.find("content-type");
    content_types.push_back(ct == r.headers.end() ? "" : ct->second);
    sets.push_back(r.body);
    server::Response resp;
    resp.status = 202;
    return resp;
  }
  std::mutex mu;
  std::vector<std::string> sets;
  std::vector<std::string> content_types;
};

class EventsE2E : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new test::ServerProcess(
        SCIM_SERVER_BINARY,
        {"--port", "0", "--events-signing-key", kKey, "--async-mode", "request",
         "--bulk-max-operations", "8", "--bulk-max-payload", "20000", "--poll-redelivery", "1"});
    http::AuthOptions auth;
    auth.tokens.push_back({"rcv-token", "default", std::nullopt});
    http::HttpOptions options;
    options.threads = 1;
    // The receiver checks the bearer token like the server does: the authentication layer in
    // front of the recording handler.
    receiver_auth_ = new http::Authenticator(std::move(*http::Authenticator::create(auth)));
    receiver_authenticate_ =
        new http::AuthenticateMiddleware(options.base_path, *receiver_auth_, {});
    receiver_chain_ = new server::Pipeline(receiver_);
    receiver_chain_->use(*receiver_authenticate_);
    receiver_server_ = new http::HttpServer(options, *receiver_chain_);
    ASSERT_TRUE(receiver_server_->start().ok());
    receiver_thread_ = std::thread([] { receiver_server_->run(); });
  }
  static void TearDownTestSuite() {
    receiver_server_->stop();
    receiver_thread_.join();
    delete receiver_server_;
    delete receiver_chain_;
    delete receiver_authenticate_;
    delete receiver_auth_;
    delete server_;
  }
  void SetUp() override {
    ASSERT_FALSE(server_->url().empty()) << server_->first_line();
    client_.set_bearer("secret");
  }
  std::string url(const std::string& path) { return server_->url() + path; }
  test::HttpResult bulk(const nlohmann::json& ops, std::optional<int> fail_on_errors = {}) {
    nlohmann::json body = {{"schemas", {kBulkUrn}}, {"Operations", ops}};
    if (fail_on_errors) body["failOnErrors"] = *fail_on_errors;
    return client_.post_json(url("/Bulk"), body);
  }
  static nlohmann::json user_post(const std::string& bulk_id, const std::string& name) {
    return {{"method", "POST"},
            {"path", "/Users"},
            {"bulkId", bulk_id},
            {"data", {{"schemas", {urn::kUser}}, {"userName", name}}}};
  }

  static test::ServerProcess* server_;
  static RecordingReceiver receiver_;
  static http::Authenticator* receiver_auth_;
  static http::AuthenticateMiddleware* receiver_authenticate_;
  static server::Pipeline* receiver_chain_;
  static http::HttpServer* receiver_server_;
  static std::thread receiver_thread_;
  test::HttpClient client_;
};

test::ServerProcess* EventsE2E::server_ = nullptr;
RecordingReceiver EventsE2E::receiver_;
http::Authenticator* EventsE2E::receiver_auth_ = nullptr;
http::AuthenticateMiddleware* EventsE2E::receiver_authenticate_ = nullptr;
server::Pipeline* EventsE2E::receiver_chain_ = nullptr;
http::HttpServer* EventsE2E::receiver_server_ = nullptr;
std::thread EventsE2E::receiver_thread_;

TEST_F(EventsE2E, BulkWithForwardAndCircularReferences) {
  auto group = [](const std::string& id, const std::string& name, const std::string& member) {
    return nlohmann::json{{"method", "POST"},
                          {"path", "/Groups"},
                          {"bulkId", id},
                          {"data",
                           {{"schemas", {urn::kGroup}},
                            {"displayName", name},
                            {"members", {{{"value", "bulkId:" + member}}}}}}};
  };
  // gA <-> gB is the §3.7.1 cycle; gC references a user created by a later operation.
  auto r = bulk(nlohmann::json::array({group("gA", "e2e A", "gB"), group("gB", "e2e B", "gA"),
                                       group("gC", "e2e C", "u1"), user_post("u1", "e2e-fwd")}));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto ops = r.json()["Operations"];
  ASSERT_EQ(ops.size(), 4u);
  for (const auto& op : ops) EXPECT_EQ(op["status"], "201") << op.dump();
  auto a = client_.get(ops[0]["location"]).json();
  auto b = client_.get(ops[1]["location"]).json();
  auto c = client_.get(ops[2]["location"]).json();
  auto u = client_.get(ops[3]["location"]).json();
  EXPECT_EQ(a["members"][0]["value"], b["id"]);
  EXPECT_EQ(b["members"][0]["value"], a["id"]);
  EXPECT_EQ(c["members"][0]["value"], u["id"]);
}

TEST_F(EventsE2E, FailingMiddleOperationWithAndWithoutFailOnErrors) {
  // The middle POST repeats a userName: 409 uniqueness (RFC 7644 §3.3).
  auto ops = nlohmann::json::array(
      {user_post("m1", "e2e-mid-1"), user_post("m2", "e2e-mid-1"), user_post("m3", "e2e-mid-3")});
  auto all = bulk(ops).json()["Operations"];
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1]["status"], "409");
  EXPECT_EQ(all[1]["response"]["scimType"], "uniqueness");
  EXPECT_EQ(all[2]["status"], "201");
  auto again = nlohmann::json::array(
      {user_post("n1", "e2e-mid-4"), user_post("n2", "e2e-mid-4"), user_post("n3", "e2e-mid-5")});
  auto stopped = bulk(again, 1).json()["Operations"];
  ASSERT_EQ(stopped.size(), 2u);  // §3.7.3: stops after the first error
  EXPECT_EQ(stopped[1]["status"], "409");
}

TEST_F(EventsE2E, Section3_7_4LimitsAre413) {
  auto many = nlohmann::json::array();
  for (int i = 0; i < 9; ++i) many.push_back(user_post("x" + std::to_string(i), "e2e-x"));
  auto r = bulk(many);
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.json()["detail"].get<std::string>().find("maxOperations (8)"), std::string::npos);
  auto big = nlohmann::json::array({user_post("big", std::string(25000, 'b'))});
  r = bulk(big);
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.json()["detail"].get<std::string>().find("maxPayloadSize (20000)"),
            std::string::npos);
  auto spc = client_.get(url("/ServiceProviderConfig")).json();
  EXPECT_EQ(spc["bulk"]["maxOperations"], 8);
  EXPECT_EQ(spc["securityEvents"]["asyncRequest"], "request");
}

TEST_F(EventsE2E, AsyncCreateThenFetchOutcome) {
  nlohmann::json user = {{"schemas", {urn::kUser}}, {"userName", "e2e-async"}};
  auto r = client_.request("POST", url("/Users"), user.dump(),
                           {"Content-Type: application/scim+json", "Prefer: respond-async"});
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_TRUE(r.body.empty());
  const auto txn = r.header("set-txn");
  ASSERT_FALSE(txn.empty());
  EXPECT_EQ(r.header("preference-applied"), "respond-async");
  test::HttpResult outcome;
  for (int i = 0; i < 100; ++i) {
    outcome = client_.get(r.header("location"));
    if (outcome.status == 200) break;
    std::this_thread::sleep_for(50ms);
  }
  ASSERT_EQ(outcome.status, 200) << outcome.body;
  auto body = outcome.json();
  EXPECT_EQ(body["status"], "201");
  auto signer = *JwsSigner::hs256(kKey);
  ASSERT_EQ(body["sets"].size(), 1u);
  auto claims = signer.verify(body["sets"].begin().value().get<std::string>());
  ASSERT_TRUE(claims.ok()) << claims.error();
  EXPECT_EQ(claims->claims["txn"], txn);
}

TEST_F(EventsE2E, LoopbackReceiverGetsSignedSetsWithClaims) {
  auto reg =
      client_.post_json(url("/Feeds/default/receivers"),
                        {{"url", receiver_server_->url() + "/events"}, {"token", "rcv-token"}});
  ASSERT_EQ(reg.status, 201) << reg.body;
  auto created = client_.post_json(
      url("/Users"),
      {{"schemas", {urn::kUser}}, {"userName", "e2e-push"}, {"externalId", "push-ext"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()["id"];
  auto signer = *JwsSigner::hs256(kKey);
  std::optional<nlohmann::json> found;
  for (int i = 0; i < 200 && !found; ++i) {
    {
      std::lock_guard lock(receiver_.mu);
      for (std::size_t k = 0; k < receiver_.sets.size(); ++k) {
        auto d = signer.verify(receiver_.sets[k]);
        ASSERT_TRUE(d.ok()) << d.error();  // every pushed SET verifies
        EXPECT_EQ(d->header["typ"], "secevent+jwt");
        EXPECT_EQ(receiver_.content_types[k], "application/secevent+jwt");
        if (d->claims["sub_id"].value("id", "") == id) found = d->claims;
      }
    }
    if (!found) std::this_thread::sleep_for(25ms);
  }
  ASSERT_TRUE(found);
  const auto& c = *found;
  EXPECT_EQ(c["iss"], server_->url());
  EXPECT_EQ(c["aud"], nlohmann::json({server_->url() + "/Feeds/default"}));
  EXPECT_TRUE(c["events"].contains(std::string(urn::event::kCreateNotice)));
  EXPECT_EQ(c["sub_id"]["uri"], "/Users/" + id);
  EXPECT_EQ(c["sub_id"]["externalId"], "push-ext");
  EXPECT_FALSE(c["jti"].get<std::string>().empty());
  EXPECT_FALSE(c["txn"].get<std::string>().empty());
}

TEST_F(EventsE2E, PollLoopWithAcks) {
  ASSERT_EQ(client_.post_json(url("/Users"), {{"schemas", {urn::kUser}}, {"userName", "e2e-poll"}})
                .status,
            201);
  std::vector<std::string> acked;
  bool saw_poll_user = false;
  for (int round = 0; round < 50; ++round) {
    auto r = client_.post_json(url("/Feeds/default/poll"),
                               {{"ack", acked}, {"maxEvents", 10}, {"returnImmediately", true}});
    ASSERT_EQ(r.status, 200) << r.body;
    auto body = r.json();
    for (const auto& jti : acked) EXPECT_FALSE(body["sets"].contains(jti));  // acked: gone
    acked.clear();
    for (auto& [jti, set] : body["sets"].items()) {
      acked.push_back(jti);
      auto d = JwsSigner::hs256(kKey)->verify(set.get<std::string>());
      ASSERT_TRUE(d.ok());
      EXPECT_EQ(d->claims["jti"], jti);
      if (d->claims["sub_id"]["uri"].get<std::string>().find("/Users/") == 0 &&
          d->claims["events"].contains(std::string(urn::event::kCreateNotice))) {
        saw_poll_user = true;
      }
    }
    if (acked.empty() && !body.value("moreAvailable", false)) break;
  }
  EXPECT_TRUE(saw_poll_user);
  auto empty = client_.post_json(url("/Feeds/default/poll"), {{"returnImmediately", true}});
  EXPECT_TRUE(empty.json()["sets"].empty()) << empty.body;
}

}  // namespace
}  // namespace scim::events
