// Content negotiation and body parsing (RFC 7644 §3.1, §3.12, §8.1).
#include "scim/server/api/responses.hpp"

#include <gtest/gtest.h>

namespace scim::server {
namespace {

Request with(std::string header, std::string value, std::string body = "") {
  Request r;
  r.headers[std::move(header)] = std::move(value);
  r.body = std::move(body);
  return r;
}

TEST(CheckAccept, AcceptsScimJsonJsonWildcardsAndAbsence) {
  EXPECT_FALSE(check_accept(Request{}));
  EXPECT_FALSE(check_accept(with("accept", "application/scim+json")));
  EXPECT_FALSE(check_accept(with("accept", "text/html, application/json;q=0.9")));
  EXPECT_FALSE(check_accept(with("accept", "*/*")));
  EXPECT_FALSE(check_accept(with("accept", "application/*")));
}

TEST(CheckAccept, RejectsOtherTypesWith406) {
  auto e = check_accept(with("accept", "text/html, application/xml"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, 406);
}

TEST(ParseBody, AcceptsBothJsonMediaTypesAndNone) {
  EXPECT_TRUE(
      parse_body(with("content-type", "application/scim+json; charset=utf-8", "{}"), 8).ok());
  EXPECT_TRUE(parse_body(with("content-type", "application/json", "[]"), 8).ok());
  EXPECT_TRUE(parse_body(with("x", "y", "{}"), 8).ok());
}

TEST(ParseBody, WrongContentTypeIs415) {
  auto r = parse_body(with("content-type", "text/plain", "{}"), 8);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, 415);
}

TEST(ParseBody, MalformedJsonIsInvalidSyntax) {
  for (const char* body : {"{", "{\"a\":}", "not json", "   ", "{} {}"}) {
    auto r = parse_body(with("content-type", "application/scim+json", body), 8);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.error().status, 400);
    EXPECT_EQ(r.error().scim_type, ScimType::InvalidSyntax) << body;
  }
}

TEST(ParseBody, DeepNestingIsRejected) {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  auto r = parse_body(with("content-type", "application/json", deep), 64);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().scim_type, ScimType::InvalidSyntax);
}

TEST(ErrorResponse, CarriesTheScimErrorBodyAndMediaType) {
  auto r = error_response(invalid_filter("bad"));
  EXPECT_EQ(r.status, 400);
  ASSERT_TRUE(r.header("content-type"));
  EXPECT_EQ(*r.header("Content-Type"), "application/scim+json");
  auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["status"], "400");
  EXPECT_EQ(body["scimType"], "invalidFilter");
}

// A /Bulk operation's data reaches the endpoints parsed (Request::json_body, RFC 7644 §3.7):
// the answer, value or error, must be the one its text would have had.
TEST(ParseBody, ParsedBodyAnswersAsItsText) {
  for (const char* text : {"{}", "[]", R"({"a":[]})", R"({"a":{"b":[1,{"c":"x"}]},"d":2})",
                           R"([[[[]]]])", R"({"userName":"bjensen","emails":[{"value":"b"}]})"}) {
    for (std::size_t limit : {1, 2, 3, 4, 5}) {
      const auto from_text = parse_body(with("content-type", "application/scim+json", text), limit);
      Request parsed = with("content-type", "application/scim+json");
      parsed.json_body = nlohmann::json::parse(text);
      const auto from_value = parse_body(parsed, limit);
      ASSERT_EQ(from_text.ok(), from_value.ok()) << text << " at " << limit;
      if (from_text.ok()) {
        EXPECT_EQ(*from_text, *from_value);
      } else {
        EXPECT_EQ(from_text.error().status, from_value.error().status);
        EXPECT_EQ(from_text.error().scim_type, from_value.error().scim_type);
        EXPECT_EQ(from_text.error().detail, from_value.error().detail);
      }
    }
  }
}

// The parsed body is taken from the request, not copied: a request's body is read once (a second
// read finds none), and the value taken is the one the request held.
TEST(ParseBody, AParsedBodyIsTakenNotCopied) {
  const auto value = nlohmann::json::parse(R"({"userName":"bjensen","emails":[{"value":"b"}]})");
  Request r = with("content-type", "application/scim+json");
  r.json_body = value;
  const Request& handed = r;  // handlers see their request const
  const auto taken = parse_body(handed, 8);
  ASSERT_TRUE(taken.ok());
  EXPECT_EQ(*taken, value);
  EXPECT_FALSE(r.json_body);
  const auto again = parse_body(handed, 8);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().status, 400);
  EXPECT_EQ(again.error().scim_type, ScimType::InvalidSyntax);
  EXPECT_EQ(again.error().detail, "the request body is empty");
  // The service's nesting rule still holds for a parsed body.
  r.json_body = value;
  const auto deep = parse_body(handed, 2);
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.error().detail, "the request body nests deeper than 2 levels");
}

TEST(ParseBody, ParsedBodyStillNeedsAJsonContentType) {
  Request r = with("content-type", "text/plain");
  r.json_body = nlohmann::json::object();
  auto e = parse_body(r, 8);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 415);
}

}  // namespace
}  // namespace scim::server
