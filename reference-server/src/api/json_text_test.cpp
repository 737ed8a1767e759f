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

// The names of one object are compared one by one up to a few, then through a hash set
// (json_text.cpp, Names): a duplicate is found on either side of that switch, and the names of
// one object never leak into a sibling or a nested one.
TEST(JsonText, DuplicateMembersAreFoundInObjectsOfAnySize) {
  for (int size : {2, 16, 17, 18, 1000}) {
    std::string text = "{";
    for (int i = 0; i < size; ++i)
      text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    const std::string unique = text.substr(0, text.size() - 1) + "}";
    auto r = parse_json_text(unique, 64);
    ASSERT_TRUE(r.ok()) << size;
    EXPECT_EQ(r->size(), static_cast<std::size_t>(size));
    for (int again : {0, size / 2, size - 1}) {
      expect_invalid_syntax(text + "\"K" + std::to_string(again) + "\":0}",
                            "\"K" + std::to_string(again) + "\" twice");
    }
    // The same names in a sibling object and in a nested one are no duplicates.
    EXPECT_TRUE(parse_json_text("[" + unique + "," + unique + "]", 64).ok()) << size;
    EXPECT_TRUE(parse_json_text("{\"k0\":" + unique + ",\"k1\":" + unique + "}", 64).ok());
  }
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
