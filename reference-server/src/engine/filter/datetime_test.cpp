// xsd:dateTime parsing (RFC 7643 §2.3.5): offsets, fractions, and rejection of malformed text.
#include "scim/server/engine/filter/datetime.hpp"

#include <gtest/gtest.h>

namespace scim::engine {
namespace {

TEST(FilterDateTime, ParsesUtcAndOffsets) {
  const auto z = parse_datetime("2011-05-13T04:42:34Z");
  ASSERT_TRUE(z);
  EXPECT_EQ(z->seconds, 1305261754);
  EXPECT_EQ(z->nanos, 0);
  EXPECT_EQ(parse_datetime("2011-05-13T06:42:34+02:00"), z);
  EXPECT_EQ(parse_datetime("2011-05-12T23:42:34-05:00"), z);
  EXPECT_EQ(parse_datetime("2011-05-13T04:42:34"), z);  // no offset: taken as UTC
  EXPECT_EQ(parse_datetime("1970-01-01T00:00:00Z")->seconds, 0);
  EXPECT_EQ(parse_datetime("1969-12-31T23:59:59Z")->seconds, -1);
}

TEST(FilterDateTime, Fractions) {
  EXPECT_EQ(parse_datetime("2011-05-13T04:42:34.5Z")->nanos, 500'000'000);
  EXPECT_EQ(parse_datetime("2011-05-13T04:42:34.123456789123Z")->nanos, 123'456'789);
  EXPECT_LT(*parse_datetime("2011-05-13T04:42:34Z"), *parse_datetime("2011-05-13T04:42:34.001Z"));
}

TEST(FilterDateTime, LeapDay) {
  EXPECT_TRUE(parse_datetime("2012-02-29T00:00:00Z"));
  EXPECT_FALSE(parse_datetime("2011-02-29T00:00:00Z"));
}

TEST(FilterDateTime, RejectsMalformed) {
  for (const char* bad :
       {"", "2011-05-13", "2011-05-13 04:42:34Z", "2011-5-13T04:42:34Z", "2011-13-01T00:00:00Z",
        "2011-00-01T00:00:00Z", "2011-04-31T00:00:00Z", "2011-05-13T24:00:00Z",
        "2011-05-13T04:60:00Z", "2011-05-13T04:42:60Z", "2011-05-13T04:42:34.Z",
        "2011-05-13T04:42:34+2:00", "2011-05-13T04:42:34+15:00", "2011-05-13T04:42:34ZZ",
        "0000-01-01T00:00:00Z", "02011-01-01T00:00:00Z", "yesterday", "2011-05-13T04:42:34z"}) {
    EXPECT_FALSE(parse_datetime(bad)) << bad;
  }
}

}  // namespace
}  // namespace scim::engine
