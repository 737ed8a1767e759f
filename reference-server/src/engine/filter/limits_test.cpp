// FilterLimits: hostile filters (deep nesting, huge text, many terms) fail fast with a specific
// 400 invalidFilter instead of exhausting the stack or the CPU.
#include "scim/server/engine/filter/filter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "scim/server/testing/filter_test_support.hpp"

namespace scim::engine {
namespace {

using testing::FilterEnv;
using ::testing::HasSubstr;
using testing::IsScimError;

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Generous bound: the point is "no quadratic blow-up, no stack exhaustion", not a benchmark.
constexpr auto kQuick = std::chrono::milliseconds(500);

class FilterLimitsTest : public ::testing::Test {
 protected:
  ScimError rejected(const std::string& text, const FilterOptions& options = {}) {
    const auto start = std::chrono::steady_clock::now();
    auto f = env.parse(text, options);
    EXPECT_LT(std::chrono::steady_clock::now() - start, kQuick);
    EXPECT_FALSE(f.ok());
    return f.ok() ? ScimError{} : f.error();
  }
  FilterEnv env;
};

TEST_F(FilterLimitsTest, TenThousandNestedParenthesesAreRejected) {
  const auto e = rejected(repeat("(", 10000) + "title pr" + repeat(")", 10000));
  EXPECT_THAT(e, IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(e.detail, HasSubstr("deeper than 64"));
  EXPECT_THAT(e.detail, HasSubstr("at offset 64"));
}

TEST_F(FilterLimitsTest, TenThousandNestedNotsAreRejected) {
  const auto e = rejected(repeat("not (", 10000) + "title pr" + repeat(")", 10000));
  EXPECT_THAT(e, IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(e.detail, HasSubstr("deeper than 64"));
}

TEST_F(FilterLimitsTest, DeepNestingIsRejectedEvenWithoutALengthLimit) {
  FilterOptions options;
  options.limits.max_length = 100'000'000;
  const auto e = rejected(repeat("(", 1'000'000), options);
  EXPECT_THAT(e, IsScimError(400, ScimType::InvalidFilter));
}

TEST_F(FilterLimitsTest, NestingUpToTheLimitIsAccepted) {
  EXPECT_TRUE(env.parse(repeat("(", 64) + "title pr" + repeat(")", 64)).ok());
  EXPECT_FALSE(env.parse(repeat("(", 65) + "title pr" + repeat(")", 65)).ok());
  // A value path counts as a level too.
  EXPECT_TRUE(env.parse(repeat("(", 63) + R"(emails[type eq "work"])" + repeat(")", 63)).ok());
  EXPECT_FALSE(env.parse(repeat("(", 64) + R"(emails[type eq "work"])" + repeat(")", 64)).ok());
}

TEST_F(FilterLimitsTest, OneMegabyteFilterIsRejected) {
  std::string text = R"(userName eq ")" + std::string(1024 * 1024, 'a') + "\"";
  const auto e = rejected(text);
  EXPECT_THAT(e, IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(e.detail, HasSubstr("longer than 65536"));
}

TEST_F(FilterLimitsTest, OneMegabyteOfTermsIsRejectedByTheTermLimit) {
  FilterOptions options;
  options.limits.max_length = 2 * 1024 * 1024;
  const std::string text = "title pr" + repeat(" or title pr", 1024 * 1024 / 12);
  const auto e = rejected(text, options);
  EXPECT_THAT(e, IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(e.detail, HasSubstr("more than 1024 attribute expressions"));
}

TEST_F(FilterLimitsTest, TermLimit) {
  FilterOptions options;
  options.limits.max_terms = 3;
  EXPECT_TRUE(env.parse("title pr or title pr or title pr", options).ok());
  const auto e = rejected("title pr or title pr or title pr or title pr", options);
  EXPECT_THAT(e, IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(e.detail, HasSubstr("more than 3 attribute expressions"));
  EXPECT_THAT(e.detail, HasSubstr("at offset 36"));
}

TEST_F(FilterLimitsTest, LongOrChainsWithinLimitsEvaluate) {
  // Chains are iterative and flattened: 1000 terms parse and evaluate without recursion.
  const std::string text = R"(userName eq "u0")" + [] {
    std::string s;
    for (int i = 1; i < 1000; ++i) s += R"( or userName eq "u)" + std::to_string(i) + "\"";
    return s;
  }();
  auto f = env.parse(text);
  ASSERT_TRUE(f.ok()) << f.error().detail;
  EXPECT_TRUE(matches(*f, {{"userName", "U999"}}));
  EXPECT_FALSE(matches(*f, {{"userName", "u1000"}}));
}

}  // namespace
}  // namespace scim::engine
