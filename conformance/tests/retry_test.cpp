// Retries only for 429/503, honouring Retry-After within bounds.
#include "scim/conformance/client/retry_transport.hpp"

#include <gtest/gtest.h>

#include "fake_transport.hpp"

namespace scim::conf {
namespace {

using namespace std::chrono_literals;

TEST(RetryAfter, ParsesSecondsAndHttpDates) {
  const auto now = std::chrono::system_clock::from_time_t(1445412480);  // 07:28:00 GMT
  EXPECT_EQ(parse_retry_after("3", now), 3000ms);
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:05 GMT", now), 5000ms);
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now), 0ms);
  EXPECT_FALSE(parse_retry_after("soon", now).has_value());
  EXPECT_FALSE(parse_retry_after("-1", now).has_value());
}

class RetryTest : public ::testing::Test {
 protected:
  HttpResponse send(RetryPolicy policy = {}) {
    RetryTransport retry(fake_, policy,
                         [this](std::chrono::milliseconds d) { waits_.push_back(d); });
    HttpRequest r;
    r.url = "http://t/Users";
    return retry.send(r);
  }
  testing::FakeTransport fake_;
  std::vector<std::chrono::milliseconds> waits_;
};

TEST_F(RetryTest, RetriesThrottledAnswersAsAskedThenSucceeds) {
  int calls = 0;
  fake_.on("GET", "/Users", [&](const HttpRequest&) {
    HttpResponse r;
    r.status = ++calls < 3 ? 429 : 200;
    if (r.status == 429) r.headers = {{"Retry-After", "2"}};
    return r;
  });
  EXPECT_EQ(send().status, 200);
  EXPECT_EQ(waits_, (std::vector<std::chrono::milliseconds>{2000ms, 2000ms}));
}

TEST_F(RetryTest, GivesUpAfterMaxRetries) {
  fake_.on("GET", "/Users", 503);
  EXPECT_EQ(send().status, 503);
  EXPECT_EQ(fake_.requests().size(), 3u);  // first try + 2 retries
}

TEST_F(RetryTest, DoesNotWaitLongerThanTheCap) {
  fake_.on("GET", "/Users", 429, "", {{"Retry-After", "3600"}});
  EXPECT_EQ(send().status, 429);
  EXPECT_TRUE(waits_.empty());
  EXPECT_EQ(fake_.requests().size(), 1u);
}

TEST_F(RetryTest, OtherStatusesAreNeverRetried) {
  fake_.on("GET", "/Users", 500);
  EXPECT_EQ(send().status, 500);
  EXPECT_EQ(fake_.requests().size(), 1u);
}

}  // namespace
}  // namespace scim::conf
