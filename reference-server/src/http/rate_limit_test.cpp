// RateLimiter: IPSIE AL1 §3.2.2.5/§3.2.3.2 429 + Retry-After on list endpoints, per tenant, with
// bounded memory; everything else passes untouched.
#include "scim/server/http/rate_limit.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/fake_handler.hpp"

namespace scim::http {
namespace {

using namespace std::chrono_literals;

class RateLimitTest : public ::testing::Test {
 protected:
  void make(RateLimitOptions options) {
    limiter_.emplace(options, [this] { return now_; });
    chain_.emplace(handler_);
    chain_->use(*limiter_);
  }
  server::Response send(std::string method, std::string path, std::string tenant = "default") {
    server::Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.principal.tenant = std::move(tenant);
    r.scope = server::Scope::Scim;
    return chain_->take(std::move(r));
  }
  static const std::string* retry_after(const server::Response& r) {
    for (const auto& [name, value] : r.headers)
      if (name == "Retry-After") return &value;
    return nullptr;
  }

  std::chrono::steady_clock::time_point now_{};
  test::FakeHandler handler_;
  std::optional<RateLimiter> limiter_;
  std::optional<server::Pipeline> chain_;
};

TEST(ListRequest, CollectionsAndSearchOnly) {
  EXPECT_TRUE(is_list_request("GET", "/Users"));
  EXPECT_TRUE(is_list_request("GET", "/Groups/"));
  EXPECT_TRUE(is_list_request("POST", "/Users/.search"));
  EXPECT_TRUE(is_list_request("POST", "/.search"));
  EXPECT_FALSE(is_list_request("GET", "/Users/2819c223"));
  EXPECT_FALSE(is_list_request("POST", "/Users"));
  EXPECT_FALSE(is_list_request("GET", "/"));
}

TEST_F(RateLimitTest, BurstThen429WithRetryAfterThenRefill) {
  make({.list_per_second = 2, .burst = 3, .max_tenants = 8});
  for (int i = 0; i < 3; ++i) EXPECT_EQ(send("GET", "/Users").status, 200) << i;
  const auto refused = send("GET", "/Users");
  EXPECT_EQ(refused.status, 429);
  ASSERT_NE(retry_after(refused), nullptr);
  EXPECT_EQ(*retry_after(refused), "1");  // 0.5 s to the next token, rounded up
  EXPECT_NE(refused.body.find("\"status\":\"429\""), std::string::npos) << refused.body;
  now_ += 500ms;
  EXPECT_EQ(send("GET", "/Users").status, 200);
  EXPECT_EQ(send("GET", "/Users").status, 429);
}

TEST_F(RateLimitTest, OnlyListRequestsAndPerTenant) {
  make({.list_per_second = 1, .burst = 1, .max_tenants = 8});
  EXPECT_EQ(send("GET", "/Users").status, 200);
  EXPECT_EQ(send("GET", "/Users").status, 429);
  EXPECT_EQ(send("GET", "/Users/abc").status, 200);  // not a list
  EXPECT_EQ(send("POST", "/Users").status, 200);
  EXPECT_EQ(send("GET", "/Users", "other").status, 200);  // its own bucket
}

TEST_F(RateLimitTest, OffByDefault) {
  make({});
  for (int i = 0; i < 500; ++i) ASSERT_EQ(send("GET", "/Users").status, 200) << i;
}

TEST_F(RateLimitTest, TenantTableIsBoundedAndEvictsIdleBuckets) {
  make({.list_per_second = 1, .burst = 1, .max_tenants = 2});
  EXPECT_EQ(send("GET", "/Users", "a").status, 200);
  EXPECT_EQ(send("GET", "/Users", "b").status, 200);
  EXPECT_EQ(send("GET", "/Users", "c").status, 429);  // both buckets busy: no room
  now_ += 2s;                                         // a and b are full again: evicted
  EXPECT_EQ(send("GET", "/Users", "c").status, 200);
}

TEST(RateLimitProfile, IpsieTurnsItOnInteropDoesNot) {
  RateLimitOptions o;
  o.apply(Profile::Interop);
  EXPECT_FALSE(o.enabled());
  o.apply(Profile::IpsieAl1);
  EXPECT_EQ(o.list_per_second, 50);
}

}  // namespace
}  // namespace scim::http
