// Timestamps used for meta.created/lastModified (RFC 7643 §2.3.5, §3.1).
#include "scim/server/store/timestamp.hpp"

#include <gtest/gtest.h>

namespace scim::store {
namespace {

TEST(Timestamp, FormatsUtcWithMilliseconds) {
  std::chrono::system_clock::time_point t{std::chrono::milliseconds(1305261754123)};
  EXPECT_EQ(format_timestamp(t), "2011-05-13T04:42:34.123Z");
}

// format_timestamp writes its digits itself; gmtime_r and snprintf are the reference, at instants
// that cross each field's carry (the end of a second, a day, a leap day, a year), before 1970 and
// at the ends of what the clock holds (libstdc++'s system_clock counts nanoseconds in 64 bits:
// 1677-09-21 to 2262-04-11; an instant outside that is not a time_point at all).
TEST(Timestamp, WritesWhatPrintfWrites) {
  using std::chrono::milliseconds;
  const std::int64_t instants[] = {0,
                                   1,
                                   999,
                                   -1,
                                   -1000,
                                   -86'400'001,
                                   -2'203'891'200'000,  // 1900-03-01 (1900 has no leap day)
                                   951'782'399'999,     // 2000-02-28T23:59:59.999Z
                                   951'868'800'000,     // 2000-02-29T00:00:00.000Z (leap day)
                                   4'107'542'399'999,   // 2100-02-28T23:59:59.999Z (no leap day)
                                   1'798'761'599'999,   // 2026-12-31T23:59:59.999Z
                                   1'798'761'600'000,
                                   -9'214'560'000'000,  // 1678-01-01T00:00:00.000Z
                                   9'214'646'399'999};  // 2261-12-31T23:59:59.999Z
  for (const std::int64_t ms : instants) {
    const std::chrono::system_clock::time_point t{milliseconds(ms)};
    EXPECT_EQ(format_timestamp(t), format_timestamp_printf(t)) << ms;
  }
  for (std::int64_t ms = 1'700'000'000'000; ms < 1'800'000'000'000; ms += 7'777'777'777) {
    const std::chrono::system_clock::time_point t{milliseconds(ms)};
    EXPECT_EQ(format_timestamp(t), format_timestamp_printf(t)) << ms;
  }
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
