// RFC 7644 §3.4.2.4 Pagination: startIndex (1-based, <1 read as 1), count (upper bound, 0 returns
// only totalResults, negative read as 0), pages beyond the end, itemsPerPage and totals.
#include <vector>

#include "index.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_4_2_4_pagination_local {

constexpr const char* kCountMax =
    "Table 6, count: When specified, the service provider MUST NOT return more results than "
    "specified, although it MAY return fewer results.";
constexpr const char* kCountZero =
    "Table 6, count: A value of \"0\" indicates that no resource results are to be returned except "
    "for \"totalResults\".";
constexpr const char* kCountNegative =
    "Table 6, count: A negative value SHALL be interpreted as \"0\".";
constexpr const char* kStartBelowOne =
    "Table 6, startIndex: A value less than 1 SHALL be interpreted as 1.";
constexpr const char* kStartIndex =
    "Table 7, startIndex: The 1-based index of the first result in the current set of query "
    "results, e.g., 1.";
constexpr const char* kTotal =
    "Table 7, totalResults: Non-negative integer.  Specifies the total number of results matching "
    "the client query, e.g., 1000.";
// The ListResponse attributes are defined in §3.4.2, so that check is registered there.
constexpr const char* kPaged =
    "itemsPerPage  The number of resources returned in a list response page.  REQUIRED when "
    "partial results are returned due to pagination.";

struct Page {
  std::string prefix;
  std::vector<std::string> ids;  // ascending by userName
};

Page make_five(conf::Context& ctx) {
  Page p;
  p.prefix = ctx.unique_name("page") + "-";
  for (int i = 1; i <= 5; ++i)
    p.ids.push_back(id_string(ctx.create_user({{"userName", p.prefix + std::to_string(i)}})));
  return p;
}

json page(conf::Context& ctx, const Page& p, const std::string& params) {
  return list_by_prefix(ctx, p.prefix, params);
}

void count_is_upper_bound(conf::Context& ctx) {
  auto p = make_five(ctx);
  json list = page(ctx, p, "&startIndex=1&count=2");
  ctx.expect(resources_of(list).size() <= 2, "at most count resources", "<= 2",
             std::to_string(resources_of(list).size()));
  ctx.expect(list.value("totalResults", -1) == 5, "totalResults counts all matches", "5",
             brief(list.value("totalResults", json())));
}

void count_zero(conf::Context& ctx) {
  auto p = make_five(ctx);
  json list = page(ctx, p, "&count=0");
  ctx.expect(resources_of(list).empty(), "count=0 returns no resources", "[]",
             brief(resources_of(list)));
  ctx.expect(list.value("totalResults", -1) == 5, "count=0 still reports totalResults", "5",
             brief(list));
}

void count_negative(conf::Context& ctx) {
  auto p = make_five(ctx);
  json list = page(ctx, p, "&count=-3");
  ctx.expect(resources_of(list).empty(), "count=-3 is read as 0", "[]", brief(resources_of(list)));
}

void start_below_one(conf::Context& ctx) {
  auto p = make_five(ctx);
  json list = page(ctx, p, "&startIndex=0&count=5&sortBy=userName");
  ctx.expect(resources_of(list).size() == 5, "startIndex=0 is read as 1: all five returned", "5",
             std::to_string(resources_of(list).size()));
}

void second_page(conf::Context& ctx) {
  auto p = make_five(ctx);
  json first = page(ctx, p, "&startIndex=1&count=2");
  json second = page(ctx, p, "&startIndex=3&count=2");
  json third = page(ctx, p, "&startIndex=5&count=2");
  std::set<std::string> seen;
  for (const auto* l : {&first, &second, &third})
    for (const auto& id : ids_of(*l)) seen.insert(id);
  ctx.expect(seen == std::set<std::string>(p.ids.begin(), p.ids.end()),
             "three pages of 2 from startIndex 1, 3, 5 cover all five users", "5 distinct ids",
             std::to_string(seen.size()));
  ctx.expect(second.value("startIndex", 0) == 3, "startIndex echoes the requested index", "3",
             brief(second.value("startIndex", json())));
}

void beyond_end(conf::Context& ctx) {
  auto p = make_five(ctx);
  json list = page(ctx, p, "&startIndex=50&count=10");
  ctx.expect(resources_of(list).empty(), "a page beyond the end is empty", "[]",
             brief(resources_of(list)));
  ctx.expect(list.value("totalResults", -1) == 5, "totalResults unchanged beyond the end", "5",
             brief(list));
}

void items_per_page(conf::Context& ctx) {
  auto p = make_five(ctx);
  json list = page(ctx, p, "&startIndex=1&count=2");
  const json* ipp = member(list, "itemsPerPage");
  const json* start = member(list, "startIndex");
  ctx.expect(
      ipp && ipp->is_number_integer() && ipp->get<std::size_t>() == resources_of(list).size(),
      "itemsPerPage equals the number of resources on a partial page",
      std::to_string(resources_of(list).size()), ipp ? brief(*ipp) : "absent");
  ctx.expect(start && start->is_number_integer() && start->get<int>() == 1,
             "startIndex present on a partial page", "1", start ? brief(*start) : "absent");
}

}  // namespace s3_4_2_4_pagination_local

void register_s3_4_2_4(conf::Catalog& catalog) {
  using namespace s3_4_2_4_pagination_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.4.2.4", "Pagination");
  Tags tags = {tag::kPaging, tag::kUsers};
  Needs caps = {cap::kUsers, cap::kFilter};
  const conf::DependsOn deps = {kScopedBy};
  s.add({.slug = "count-is-upper-bound",
         .title = "count bounds the page; totalResults counts all",
         .level = kMust,
         .requirement = kCountMax,
         .tags = tags,
         .needs = caps,
         .depends_on = deps,
         .run = count_is_upper_bound});
  s.add({.slug = "count-zero-returns-total-only",
         .title = "count=0 returns only totalResults",
         .level = kMust,
         .requirement = kCountZero,
         .tags = tags,
         .needs = caps,
         .depends_on = deps,
         .run = count_zero});
  s.add({.slug = "count-negative-read-as-zero",
         .title = "a negative count is read as 0",
         .level = kMust,
         .requirement = kCountNegative,
         .tags = tags,
         .needs = caps,
         .depends_on = deps,
         .run = count_negative});
  s.add({.slug = "start-index-below-one-read-as-one",
         .title = "startIndex=0 is read as 1",
         .level = kMust,
         .requirement = kStartBelowOne,
         .tags = tags,
         .needs = caps,
         .depends_on = deps,
         .run = start_below_one});
  s.add({.slug = "pages-cover-all-results",
         .title = "consecutive pages cover the result set",
         .level = kMust,
         .requirement = kStartIndex,
         .tags = tags,
         .needs = caps,
         .depends_on = deps,
         .run = second_page});
  s.add({.slug = "page-beyond-end-empty",
         .title = "startIndex past the end answers an empty page",
         .level = kMust,
         .requirement = kTotal,
         .tags = tags,
         .needs = caps,
         .depends_on = deps,
         .run = beyond_end});
  SectionBuilder list(catalog, rfc7644_spec(catalog), "3.4.2", "Query Resources");
  list.add({.slug = "partial-page-has-items-per-page",
            .title = "partial results carry itemsPerPage and startIndex",
            .level = kMust,
            .requirement = kPaged,
            .tags = tags,
            .needs = caps,
            .depends_on = deps,
            .run = items_per_page});
}

}  // namespace scim::suites::rfc7644
