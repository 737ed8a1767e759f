// The paging check (RFC 7644 §3.4.2.4): a client given a part of a list it asked for whole reads
// on (a higher startIndex, or the nextCursor); one that stops is warned (the sentence is a "can",
// graded MAY); a page the client chose by its count is no finding. The page comes from the
// journal's "page" when the captured body was cut short.
#include <gtest/gtest.h>

#include "../testing/session_builder.hpp"

namespace scim::suites::client {
namespace {

using namespace test_sessions;  // NOLINT(google-build-using-namespace): the test vocabulary

constexpr const char* kId = "client-rfc7644/3.4.2.4/paging";

// A list answer of `items` results from `start` of `total`, as the journal records a cut body.
json listed(const std::string& query, std::int64_t total, std::int64_t start, std::int64_t items,
            std::string next_cursor = "") {
  json e = entry("GET", "/Users" + query, nullptr, 200);
  e["page"] = {{"totalResults", total}, {"startIndex", start}, {"itemsPerPage", items}};
  if (!next_cursor.empty()) e["page"]["nextCursor"] = next_cursor;
  return e;
}

TEST(PagingCheck, AClientThatStopsAtAPartialListIsWarned) {
  const auto run = grade(json::array({listed("", 250, 1, 200)}));
  const auto& r = result(run, kId);
  EXPECT_EQ(r.outcome, conf::Outcome::Warning);
  EXPECT_EQ(r.info.level, conf::Level::May);
  EXPECT_EQ(r.expected, "the next page: startIndex=201");
  EXPECT_EQ(run.exit_code(), 0) << "a MAY finding does not fail";
}

TEST(PagingCheck, AClientThatReadsOnPasses) {
  const auto index = grade(
      json::array({listed("", 250, 1, 200), listed("?startIndex=201&count=200", 250, 201, 50)}));
  EXPECT_EQ(result(index, kId).outcome, conf::Outcome::Passed);
  const auto cursor =
      grade(json::array({listed("?cursor=", 250, 1, 200, "c2"), listed("?cursor=c2", 250, 1, 50)}));
  EXPECT_EQ(result(cursor, kId).outcome, conf::Outcome::Passed);
}

// Reading on a different list (another filter) does not count.
TEST(PagingCheck, TheNextPageIsOfTheSameList) {
  const auto run =
      grade(json::array({listed("?filter=active%20eq%20true", 250, 1, 200),
                         listed("?filter=active%20eq%20false&startIndex=201", 250, 201, 50)}));
  EXPECT_EQ(result(run, kId).outcome, conf::Outcome::Warning);
}

// A page the client asked for (count=1 to test whether a user exists) is what it wanted; a whole
// list, or a response body with every result, is nothing to page through.
TEST(PagingCheck, PagesTheClientChoseAreNotFindings) {
  const auto chosen = grade(json::array({listed("?count=1", 250, 1, 1)}));
  EXPECT_EQ(result(chosen, kId).outcome, conf::Outcome::Skipped);
  json whole = entry("GET", "/Users", nullptr, 200);
  whole["response"]["json"] = {{"totalResults", 1}, {"Resources", {kUser}}};
  EXPECT_EQ(result(grade(json::array({whole})), kId).outcome, conf::Outcome::Skipped);
  const auto capped = grade(json::array({listed("?count=500", 250, 1, 200)}));
  EXPECT_EQ(result(capped, kId).outcome, conf::Outcome::Warning)
      << "the server's maximum cut the page the client asked for";
}

}  // namespace
}  // namespace scim::suites::client
