// Timestamps used for meta.created/lastModified (RFC 7643 §2.3.5, §3.1).
#include "scim/server/store/timestamp.hpp"

#include <gtest/gtest.h>

namespace scim::store {
namespace {

TEST(Timestamp, FormatsUtcWithMilliseconds) {
  std::chrono::system_clock::time_point t{std::chrono::milliseconds(1305261754123)};
  EXPECT_EQ(format_timestamp(t), "2011-05-13T04:42:34.123Z");
}

TEST(Timestamp, ParsesTheRfcExampleSpelling) {
  // RFC 7643 §8.2 example "created": "2010-01-23T04:56:22Z".
  EXPECT_EQ(parse_timestamp_ms("2010-01-23T04:56:22Z"), 1264222582000);
}

TEST(Timestamp, SpellingsOfOneInstantParseEqual) {
  EXPECT_EQ(parse_timestamp_ms("2011-05-13T04:42:34Z"),
            parse_timestamp_ms("2011-05-13T04:42:34.000Z"));
  EXPECT_EQ(parse_timestamp_ms("2011-05-13T06:42:34+02:00"),
            parse_timestamp_ms("2011-05-13T04:42:34Z"));
  EXPECT_EQ(parse_timestamp_ms("2011-05-13T04:42:34.1234567Z"), 1305261754123);
}

TEST(Timestamp, RoundTrips) {
  std::chrono::system_clock::time_point t{std::chrono::milliseconds(1795000000007)};
  EXPECT_EQ(parse_timestamp_ms(format_timestamp(t)), 1795000000007);
}

TEST(Timestamp, RejectsMalformedText) {
  EXPECT_FALSE(parse_timestamp_ms(""));
  EXPECT_FALSE(parse_timestamp_ms("2011-05-13"));
  EXPECT_FALSE(parse_timestamp_ms("2011-13-13T04:42:34Z"));
  EXPECT_FALSE(parse_timestamp_ms("2011-05-13T04:42:34"));
  EXPECT_FALSE(parse_timestamp_ms("2011-05-13T04:42:34.Z"));
  EXPECT_FALSE(parse_timestamp_ms("2011-05-13T04:42:34+0200"));
}

}  // namespace
}  // namespace scim::store
