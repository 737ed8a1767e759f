// Request JSON rules: UTF-8 (RFC 8259 §8.1), duplicate member names (RFC 8259 §4, RFC 7643
// §2.1), bounded nesting.
#include "scim/server/api/json_text.hpp"

#include <gtest/gtest.h>

namespace scim::server {
namespace {

void expect_invalid_syntax(std::string_view text, std::string_view detail_part) {
  auto r = parse_json_text(text, 64);
  ASSERT_FALSE(r.ok()) << text;
  EXPECT_EQ(r.error().status, 400);
  EXPECT_EQ(r.error().scim_type, ScimType::InvalidSyntax);
  EXPECT_NE(r.error().detail.find(detail_part), std::string::npos) << r.error().detail;
}

TEST(JsonText, AcceptsOrdinaryJsonAndUtf8) {
  auto r = parse_json_text(R"({"userName":"bjensen","name":{"givenName":"Bärbel 日本"}})", 64);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["name"]["givenName"], "Bärbel 日本");
  EXPECT_TRUE(parse_json_text(R"([{"a":1},{"a":2}])", 64).ok());    // same name, other objects
  EXPECT_TRUE(parse_json_text(R"({"a":{"a":{"a":1}}})", 64).ok());  // same name, nested
}

TEST(JsonText, Rfc8259_8_1_InvalidUtf8Is400) {
  expect_invalid_syntax("{\"userName\":\"\xff\"}", "not valid UTF-8");
  expect_invalid_syntax("{\"userName\":\"\xc3\x28\"}", "not valid UTF-8");      // bad continuation
  expect_invalid_syntax("{\"userName\":\"\xed\xa0\x80\"}", "not valid UTF-8");  // CESU surrogate
  expect_invalid_syntax("{\"userName\":\"\xc0\xaf\"}", "not valid UTF-8");      // overlong '/'
  expect_invalid_syntax("{\"userName\":\"\xf4\x90\x80\x80\"}", "not valid UTF-8");  // > U+10FFFF
}

TEST(JsonText, LoneSurrogateEscapeIs400) {
  expect_invalid_syntax(R"({"userName":"\ud800"})", "not valid JSON");
}

TEST(JsonText, Rfc8259_4_DuplicateMemberIs400) {
  expect_invalid_syntax(R"({"userName":"a","userName":"b"})", "\"userName\" twice");
  expect_invalid_syntax(R"({"name":{"givenName":"a","GIVENNAME":"b"}})", "\"GIVENNAME\" twice");
  expect_invalid_syntax(R"({"emails":[{"value":"x","Value":"y"}]})", "twice");
}

TEST(JsonText, NestingStopsAtTheLimit) {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  expect_invalid_syntax(deep, "nests deeper than 64");
  std::string ok(64, '[');
  ok += std::string(64, ']');
  EXPECT_TRUE(parse_json_text(ok, 64).ok());
}

TEST(JsonText, MalformedAndTruncatedJsonIs400) {
  for (const char* text : {"{", "{\"a\":}", "[1,]", "{} {}", "nul", "\"abc", "{\"a\" 1}", ""}) {
    expect_invalid_syntax(text, "not valid JSON");
  }
}

// RFC 8259 §9: a number the parser cannot hold is a value this server cannot take (invalidValue),
// not broken JSON.
TEST(JsonText, Rfc8259_9_NumberOutOfRangeIsInvalidValue) {
  for (const std::string& text :
       {std::string(R"({"active":1e400})"), R"({"n":)" + std::string(400, '9') + "}"}) {
    auto r = parse_json_text(text, 64);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().status, 400);
    EXPECT_EQ(r.error().scim_type, ScimType::InvalidValue);
    EXPECT_NE(r.error().detail.find("out of range"), std::string::npos) << r.error().detail;
  }
}

}  // namespace
}  // namespace scim::server
