// SET decoding (RFC 8417, RFC 7515 compact serialization), HS256 verification, the push request
// handling of RFC 8935 and the RFC 8936 poll shapes.
#include "scim/conformance/set_token.hpp"

#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "scim/conformance/events/poll_client.hpp"
#include "scim/conformance/events/set_store.hpp"
#include "scim/protocol/encoding.hpp"

namespace scim::conf {
namespace {

std::string sign_hs256(const nlohmann::json& header, const nlohmann::json& claims,
                       const std::string& key) {
  const auto input = base64url_encode(header.dump()) + "." + base64url_encode(claims.dump());
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &len);
  return input + "." + base64url_encode(std::string(reinterpret_cast<char*>(mac), len));
}

const nlohmann::json kClaims = {
    {"iss", "https://scim.example.com"},
    {"jti", "4d3559ec67504aaba65d40b0363faad8"},
    {"events", {{"urn:ietf:params:scim:event:prov:create:notice", nlohmann::json::object()}}}};

TEST(SetToken, DecodesAndVerifiesHs256) {
  const auto token = sign_hs256({{"alg", "HS256"}, {"typ", "secevent+jwt"}}, kClaims, "k3y");
  const auto set = decode_set(token);
  ASSERT_TRUE(set.has_value());
  EXPECT_EQ(set->claims["jti"], "4d3559ec67504aaba65d40b0363faad8");
  EXPECT_TRUE(verify_hs256(token, "k3y"));
  EXPECT_FALSE(verify_hs256(token, "other"));
}

TEST(SetToken, RejectsMalformedTokens) {
  EXPECT_FALSE(decode_set("").has_value());
  EXPECT_FALSE(decode_set("a.b").has_value());
  EXPECT_FALSE(decode_set("a.b.c.d").has_value());
  EXPECT_FALSE(decode_set("!!!.e30.").has_value());
  EXPECT_FALSE(decode_set(base64url_encode("[]") + "." + base64url_encode("{}") + ".").has_value());
  // alg "none" decodes but never verifies.
  const auto unsigned_token =
      base64url_encode(R"({"alg":"none"})") + "." + base64url_encode(kClaims.dump()) + ".";
  EXPECT_TRUE(decode_set(unsigned_token).has_value());
  EXPECT_FALSE(verify_hs256(unsigned_token, ""));
}

TEST(Base64, RoundTripsAndRejectsForeignAlphabet) {
  for (const std::string s : {"", "f", "fo", "foo", "foob", "\xff\xfe\x00"}) {
    EXPECT_EQ(base64url_decode(base64url_encode(s)), s);
  }
  EXPECT_FALSE(base64url_decode("ab+/").has_value());
  EXPECT_FALSE(base64url_decode("a").has_value());
  EXPECT_EQ(base64_encode("Aladdin:open sesame"), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");  // RFC 7617 §2
}

TEST(PushHandling, Rfc8935Section2_2AcceptsWith202AndEmptyBody) {
  SetStore store;
  const auto token = sign_hs256({{"alg", "HS256"}}, kClaims, "k");
  const auto a = handle_push("POST", "/events", "/events",
                             {{"Content-Type", "application/secevent+jwt"}}, token, store);
  EXPECT_EQ(a.status, 202);
  EXPECT_TRUE(a.body.empty());
  const auto got = store.wait_for(
      [](const ReceivedSet& s) { return s.claims["iss"] == "https://scim.example.com"; },
      std::chrono::milliseconds(10));
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->token, token);
  EXPECT_TRUE(got->rejection.empty());
}

TEST(PushHandling, Rfc8935Section2_3RejectsWrongMediaTypeAndGarbageWith400) {
  SetStore store;
  auto a = handle_push("POST", "/events", "/events", {{"Content-Type", "application/json"}},
                       "x.y.z", store);
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(nlohmann::json::parse(a.body)["err"], "invalid_request");
  a = handle_push("POST", "/events", "/events", {{"content-type", "Application/SecEvent+JWT; x=1"}},
                  "garbage", store);
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(store.all().size(), 2u);
  EXPECT_EQ(store.all()[1].rejection, "invalid_request");
  EXPECT_EQ(handle_push("GET", "/events", "/events", {}, "", store).status, 405);
  EXPECT_EQ(handle_push("POST", "/other", "/events", {}, "", store).status, 404);
}

TEST(SetStoreLimits, DropsOldestBeyondCapacityAndWaitTimesOut) {
  SetStore store(2);
  for (int i = 0; i < 3; ++i) {
    ReceivedSet s;
    s.token = std::to_string(i);
    store.add(s);
  }
  EXPECT_EQ(store.all().front().token, "1");
  EXPECT_EQ(store.dropped(), 1u);
  EXPECT_FALSE(store.wait_for([](const ReceivedSet& s) { return s.token == "9"; },
                              std::chrono::milliseconds(5)));
}

TEST(Poll, Rfc8936Section2_4_3RequestAndSection2_5Response) {
  PollRequest req;
  req.ack = {"4d3559ec67504aaba65d40b0363faad8"};
  req.max_events = 10;
  req.return_immediately = false;
  const auto body = req.to_json();
  EXPECT_EQ(body["ack"][0], "4d3559ec67504aaba65d40b0363faad8");
  EXPECT_EQ(body["maxEvents"], 10);
  EXPECT_EQ(body["returnImmediately"], false);
  EXPECT_FALSE(body.contains("setErrs"));
  std::string problem;
  const auto resp = parse_poll_response(
      nlohmann::json::parse(R"({"sets":{"jti1":"a.b.c"},"moreAvailable":true})"), &problem);
  ASSERT_TRUE(resp.has_value());
  EXPECT_EQ(resp->sets.at("jti1"), "a.b.c");
  EXPECT_TRUE(resp->more_available);
  EXPECT_FALSE(parse_poll_response(nlohmann::json::parse(R"({"sets":[]})"), &problem));
  EXPECT_FALSE(problem.empty());
  EXPECT_FALSE(
      parse_poll_response(nlohmann::json::parse(R"({"sets":{},"moreAvailable":"no"})"), nullptr));
}

}  // namespace
}  // namespace scim::conf
