// Pagination (RFC 7644 §3.4.2.4, Table 6): parameter parsing and the page window.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scim/server/engine/query/query.hpp"
#include "scim/server/testing/filter_test_support.hpp"

namespace scim::engine {
namespace {

using testing::IsScimError;

constexpr std::size_t kMax = 100;

PageRequest page(std::optional<std::string> start, std::optional<std::string> count) {
  auto p = parse_page(start, count, kMax);
  EXPECT_TRUE(p.ok());
  return p.ok() ? *p : PageRequest{};
}

TEST(Paginate, Defaults) {
  const auto p = page(std::nullopt, std::nullopt);
  EXPECT_EQ(p.start_index, 1u);
  EXPECT_FALSE(p.count);
  const auto w = page_window(250, p, kMax);
  EXPECT_EQ(w.offset, 0u);
  EXPECT_EQ(w.length, kMax);  // unspecified count: the server's maximum
}

TEST(Paginate, StartIndexBelowOneMeansOne) {
  EXPECT_EQ(page("0", std::nullopt).start_index, 1u);
  EXPECT_EQ(page("-5", std::nullopt).start_index, 1u);
  EXPECT_EQ(page("-99999999999999999999999", std::nullopt).start_index, 1u);
}

TEST(Paginate, NegativeCountMeansZeroAndZeroReturnsOnlyTotals) {
  EXPECT_EQ(page(std::nullopt, "-3").count, 0u);
  const auto w = page_window(42, page(std::nullopt, "0"), kMax);
  EXPECT_EQ(w.length, 0u);
}

TEST(Paginate, CountIsCappedByMaxResults) {
  EXPECT_EQ(page(std::nullopt, "1000").count, kMax);
  EXPECT_EQ(page(std::nullopt, "99999999999999999999999").count, kMax);
  EXPECT_EQ(page_window(1000, PageRequest{1, 5000}, kMax).length, kMax);
}

TEST(Paginate, Rfc7644Section3424Example) {
  // "to retrieve the first 10 Users, set the startIndex to 1 and the count to 10" ... "to continue
  // paging, set the startIndex to 11".
  auto w = page_window(100, page("1", "10"), kMax);
  EXPECT_EQ(w.offset, 0u);
  EXPECT_EQ(w.length, 10u);
  w = page_window(100, page("11", "10"), kMax);
  EXPECT_EQ(w.offset, 10u);
  EXPECT_EQ(w.length, 10u);
}

TEST(Paginate, WindowsNearAndPastTheEnd) {
  auto w = page_window(25, page("21", "10"), kMax);
  EXPECT_EQ(w.offset, 20u);
  EXPECT_EQ(w.length, 5u);
  w = page_window(25, page("26", "10"), kMax);
  EXPECT_EQ(w.offset, 25u);
  EXPECT_EQ(w.length, 0u);
  w = page_window(25, page("999999999999", "10"), kMax);
  EXPECT_EQ(w.offset, 25u);
  EXPECT_EQ(w.length, 0u);
  w = page_window(0, page(std::nullopt, std::nullopt), kMax);
  EXPECT_EQ(w.length, 0u);
}

TEST(Paginate, NonIntegersAreInvalidValue) {
  for (const char* bad : {"", "abc", "1.5", "1e3", " 1", "1 ", "0x10", "--1", "+", "-"}) {
    auto s = parse_page(std::string(bad), std::nullopt, kMax);
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_THAT(s.error(), IsScimError(400, ScimType::InvalidValue)) << bad;
    auto c = parse_page(std::nullopt, std::string(bad), kMax);
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_THAT(c.error(), IsScimError(400, ScimType::InvalidValue)) << bad;
  }
  EXPECT_EQ(page("+7", "+2").start_index, 7u);
}

}  // namespace
}  // namespace scim::engine
