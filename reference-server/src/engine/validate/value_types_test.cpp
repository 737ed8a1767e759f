// Simple value formats (RFC 7643 §2.3.5 dateTime, §2.3.6 binary, §2.3.7 reference).
#include "scim/server/engine/validate/value_types.hpp"

#include <gtest/gtest.h>

namespace scim::engine {
namespace {

TEST(ValueTypes, XsdDateTime) {
  EXPECT_TRUE(is_xsd_datetime("2008-01-23T04:56:22Z"));
  EXPECT_TRUE(is_xsd_datetime("2011-08-01T18:29:49.793Z"));
  EXPECT_TRUE(is_xsd_datetime("2011-08-01T18:29:49+02:00"));
  EXPECT_TRUE(is_xsd_datetime("2011-08-01T18:29:49"));
  EXPECT_FALSE(is_xsd_datetime("2011-08-01"));  // §2.3.5: MUST include a time
  EXPECT_FALSE(is_xsd_datetime("2011-13-01T00:00:00Z"));
  EXPECT_FALSE(is_xsd_datetime("2011-08-01 18:29:49Z"));
  EXPECT_FALSE(is_xsd_datetime("2011-08-01T25:00:00Z"));
  EXPECT_FALSE(is_xsd_datetime(std::string(100, '1')));
}

TEST(ValueTypes, Base64AndBase64Url) {
  EXPECT_TRUE(is_base64("TWFu"));
  EXPECT_TRUE(is_base64("TWE="));
  EXPECT_TRUE(is_base64("TWE"));   // padding may be omitted
  EXPECT_TRUE(is_base64("-_-_"));  // base64url alphabet
  EXPECT_FALSE(is_base64("TW!u"));
  EXPECT_FALSE(is_base64("T"));
}

TEST(ValueTypes, UriReferences) {
  EXPECT_TRUE(is_uri_reference("https://example.com/photo.jpg", true));
  EXPECT_TRUE(is_uri_reference("urn:example:x", true));
  EXPECT_FALSE(is_uri_reference("photo.jpg", true));
  EXPECT_TRUE(is_uri_reference("Users/2819c223", false));
  EXPECT_FALSE(is_uri_reference("has space", false));
  EXPECT_FALSE(is_uri_reference("", false));
}

TEST(ValueTypes, IntegerRejectsFractions) {
  const ValueOptions options;
  ValueContext ctx{options};
  Attribute count;
  count.name = "count";
  count.type = AttributeType::Integer;
  EXPECT_TRUE(normalize_simple_value(count, 3, "count", ctx).ok());
  auto r = normalize_simple_value(count, 3.5, "count", ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().scim_type, ScimType::InvalidValue);
  EXPECT_EQ(r.error().status, 400);
}

TEST(ValueTypes, StringLengthLimit) {
  ValueOptions options;
  options.limits.max_string_bytes = 4;
  ValueContext ctx{options};
  Attribute title;
  title.name = "title";
  EXPECT_TRUE(normalize_simple_value(title, "abcd", "title", ctx).ok());
  auto r = normalize_simple_value(title, "abcde", "title", ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().scim_type, ScimType::InvalidValue);
}

}  // namespace
}  // namespace scim::engine
