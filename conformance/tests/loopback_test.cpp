// The loopback receiver and the curl transport together, over 127.0.0.1 only: a SET POSTed with
// curl arrives, is answered 202 (RFC 8935 §2.2) and can be waited for; limits hold.
#include "scim/conformance/events/loopback_receiver.hpp"

#include <gtest/gtest.h>

#include "scim/conformance/client/curl_transport.hpp"
#include "scim/protocol/encoding.hpp"

namespace scim::conf {
namespace {

class LoopbackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto started = LoopbackReceiver::start();
    ASSERT_TRUE(started.ok()) << started.error();
    receiver_ = std::move(*started);
    std::cout << "receiver listening on " << receiver_->url() << "\n";
  }
  HttpResponse post(const std::string& body, const std::string& type = "application/secevent+jwt") {
    HttpRequest r;
    r.method = "POST";
    r.url = receiver_->url();
    r.headers = {{"Content-Type", type}, {"Accept", "application/json"}};
    r.body = body;
    r.timeout = std::chrono::seconds(5);
    return transport_.send(r);
  }
  CurlGlobal curl_;
  CurlTransport transport_{CurlOptions{}};
  std::unique_ptr<LoopbackReceiver> receiver_;
};

TEST_F(LoopbackTest, ReceivesAPushedSet) {
  const auto token = base64url_encode(R"({"alg":"none"})") + "." +
                     base64url_encode(R"({"jti":"j1","events":{}})") + ".";
  const auto r = post(token);
  EXPECT_EQ(r.status, 202) << r.transport_error;
  EXPECT_TRUE(r.body.empty());
  const auto got = receiver_->wait_for([](const ReceivedSet& s) { return s.claims["jti"] == "j1"; },
                                       std::chrono::seconds(2));
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->token, token);
  EXPECT_EQ(*find_header(got->request_headers, "accept"), "application/json");
  // Connection reuse: a second request on the same transport works too.
  EXPECT_EQ(post(token).status, 202);
  EXPECT_EQ(receiver_->received().size(), 2u);
}

TEST_F(LoopbackTest, RejectsWrongMediaTypeAndOversizedBodies) {
  EXPECT_EQ(post("a.b.c", "text/plain").status, 400);
  const auto big = post(std::string(100 * 1024, 'a'));
  EXPECT_EQ(big.status, 413);
}

TEST_F(LoopbackTest, CurlReportsConnectionFailuresAsTransportErrors) {
  HttpRequest r;
  r.url = "http://127.0.0.1:1/nothing";
  r.timeout = std::chrono::seconds(2);
  const auto resp = transport_.send(r);
  EXPECT_EQ(resp.status, 0);
  EXPECT_FALSE(resp.transport_error.empty());
}

}  // namespace
}  // namespace scim::conf
