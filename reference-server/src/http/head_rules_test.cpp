// Request-head rules: Host (RFC 9112 §3.2), framing against smuggling (RFC 9112 §6.1, §6.3),
// content codings (RFC 9110 §15.5.16), Expect (RFC 9110 §10.1.1), field count (RFC 6585 §5).
#include "scim/server/http/head_rules.hpp"

#include <gtest/gtest.h>

namespace scim::http {
namespace {

using Fields = std::vector<HeadField>;

std::optional<HeadRejection> check(const Fields& fields, unsigned version = 11) {
  return check_request_head(fields, version, 100);
}

void expect_status(const std::optional<HeadRejection>& r, int status, const char* scim_type) {
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->error.status, status) << r->error.detail;
  EXPECT_EQ(to_string(r->error.scim_type), scim_type) << r->error.detail;
}

TEST(HeadRules, OrdinaryHeadIsServed) {
  EXPECT_FALSE(check({{"Host", "127.0.0.1:8080"}, {"Content-Length", "12"}}));
  EXPECT_FALSE(check({{"host", "app.example.com"}, {"Transfer-Encoding", "chunked"}}));
  EXPECT_FALSE(check({{"Host", "[::1]:443"}, {"Expect", "100-continue"}}));
}

TEST(HeadRules, Rfc9112_3_2_MissingHostIs400InHttp11Only) {
  expect_status(check({{"Accept", "*/*"}}), 400, "invalidSyntax");
  EXPECT_FALSE(check({{"Accept", "*/*"}}, 10));  // HTTP/1.0 predates the requirement
}

TEST(HeadRules, Rfc9112_3_2_TwoHostsAre400InAnyVersion) {
  expect_status(check({{"Host", "a"}, {"HOST", "a"}}), 400, "invalidSyntax");
  expect_status(check({{"Host", "a"}, {"Host", "b"}}, 10), 400, "invalidSyntax");
}

TEST(HeadRules, Rfc9112_3_2_InvalidHostValueIs400) {
  expect_status(check({{"Host", "a b"}}), 400, "invalidSyntax");
  expect_status(check({{"Host", "evil.com/path"}}), 400, "invalidSyntax");
  expect_status(check({{"Host", "host:port"}}), 400, "invalidSyntax");
  expect_status(check({{"Host", "[::1"}}), 400, "invalidSyntax");
  expect_status(check({{"Host", "user@host"}}), 400, "invalidSyntax");
}

TEST(HeadRules, HostValueSyntax) {
  EXPECT_TRUE(valid_host_value(""));  // RFC 9110 §7.2: empty when the target has no authority
  EXPECT_TRUE(valid_host_value("example.com"));
  EXPECT_TRUE(valid_host_value("example.com:"));
  EXPECT_TRUE(valid_host_value("10.0.0.1:65535"));
  EXPECT_TRUE(valid_host_value("[2001:db8::1]"));
  EXPECT_FALSE(valid_host_value("[2001:db8::1]x"));
  EXPECT_FALSE(valid_host_value("example.com:123456"));
  EXPECT_FALSE(valid_host_value(std::string(300, 'a')));
  EXPECT_FALSE(valid_host_value("exa mple.com:"));  // the host is checked when the port is empty
}

// RFC 3986 §3.2.2 reg-name characters, as the rule listed them before (letters, digits and a
// search of this punctuation): every byte inside a host name, with and without a port.
TEST(HeadRules, HostNameCharactersAreTheRegNameSet) {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const bool reg_name = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') ||
                          std::string_view("-._~%!$&'()*+,;=").find(c) != std::string_view::npos;
    const std::string host = std::string("a") + c + "b";
    EXPECT_EQ(valid_host_value(host), reg_name) << "byte " << b;
    EXPECT_EQ(valid_host_value(host + ":8080"), reg_name) << "byte " << b;
    EXPECT_EQ(valid_host_value(std::string(1, c) + ".example"), reg_name || c == ' ' || c == '\t')
        << "byte " << b;  // leading OWS is trimmed (RFC 9110 §5.5)
  }
}

TEST(HeadRules, Rfc9112_6_3_DuplicateContentLengthIs400) {
  expect_status(check({{"Host", "h"}, {"Content-Length", "5"}, {"Content-Length", "5"}}), 400,
                "invalidSyntax");
  expect_status(check({{"Host", "h"}, {"Content-Length", "5, 5"}}), 400, "invalidSyntax");
  expect_status(check({{"Host", "h"}, {"Content-Length", "-1"}}), 400, "invalidSyntax");
  expect_status(check({{"Host", "h"}, {"Content-Length", "99999999999999999999"}}), 400,
                "invalidSyntax");
}

TEST(HeadRules, Rfc9112_6_3_TransferEncodingWithContentLengthIs400) {
  expect_status(check({{"Host", "h"}, {"Transfer-Encoding", "chunked"}, {"Content-Length", "3"}}),
                400, "invalidSyntax");
}

TEST(HeadRules, Rfc9112_6_1_TransferEncodingRules) {
  expect_status(check({{"Transfer-Encoding", "chunked"}}, 10), 400, "invalidSyntax");
  auto r = check({{"Host", "h"}, {"Transfer-Encoding", "gzip, chunked"}});
  expect_status(r, 501, "");
  expect_status(
      check({{"Host", "h"}, {"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "x"}}), 501,
      "");
}

TEST(HeadRules, Rfc9110_15_5_16_ContentEncodingIs415WithAcceptEncoding) {
  auto r = check({{"Host", "h"}, {"Content-Length", "10"}, {"Content-Encoding", "gzip"}});
  expect_status(r, 415, "");
  ASSERT_EQ(r->headers.size(), 1u);
  EXPECT_EQ(r->headers[0].first, "Accept-Encoding");
  EXPECT_EQ(r->headers[0].second, "identity");
  expect_status(
      check({{"Host", "h"}, {"Transfer-Encoding", "chunked"}, {"Content-Encoding", "br"}}), 415,
      "");
  expect_status(
      check({{"Host", "h"}, {"Content-Length", "1"}, {"Content-Encoding", "identity, x"}}), 415,
      "");
}

TEST(HeadRules, IdentityOrNoContentIsNotACodingProblem) {
  EXPECT_FALSE(check({{"Host", "h"}, {"Content-Length", "4"}, {"Content-Encoding", "identity"}}));
  EXPECT_FALSE(check({{"Host", "h"}, {"Content-Length", "0"}, {"Content-Encoding", "gzip"}}));
  EXPECT_FALSE(check({{"Host", "h"}, {"Content-Encoding", "gzip"}}));
}

TEST(HeadRules, Rfc9110_10_1_1_UnknownExpectationIs417) {
  expect_status(check({{"Host", "h"}, {"Expect", "200-ok"}}), 417, "");
}

TEST(HeadRules, Rfc6585_5_TooManyFieldsAre431) {
  Fields fields{{"Host", "h"}};
  for (int i = 0; i < 100; ++i) fields.push_back({"X-A", "1"});
  auto r = check(fields);
  expect_status(r, 431, "");
  EXPECT_NE(r->error.detail.find("101 header fields"), std::string::npos) << r->error.detail;
  fields.pop_back();
  EXPECT_FALSE(check(fields));
}

}  // namespace
}  // namespace scim::http
