// RFC 9865 §3 Querying Resources using HTTP POST: cursor and count in a SearchRequest body page
// like the query parameters of §2 (count bounds the page, nextCursor until the last page).
#include <algorithm>

#include "cursor_support.hpp"
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc9865 {
namespace s3_search_local {

constexpr const char* kSearch =
    "When posting to /.search, the client would pass the parameters defined in Section 2 in the "
    "body of the POST request.";

json search_page(conf::Context& ctx, const Fixture& f, const std::string& cursor, int count) {
  const json body = {{"schemas", {std::string(urn::kSearchRequest)}},
                     {"filter", "userName sw " + literal(f.prefix)},
                     {"cursor", cursor},
                     {"count", count}};
  return expect_list(ctx, ctx.post("/Users/.search", body), "POST /Users/.search with cursor");
}

void search_pages_by_cursor(conf::Context& ctx) {
  const auto f = make_users(ctx, 3);
  std::vector<std::string> seen;
  std::string cursor;
  for (int page = 1; page <= 5; ++page) {
    const json list = search_page(ctx, f, cursor, 2);
    ctx.expect(resources_of(list).size() <= 2, "a .search cursor page holds at most count=2",
               "<= 2", std::to_string(resources_of(list).size()));
    for (const auto& r : resources_of(list)) seen.push_back(id_string(r));
    const auto next = cursor_of(list, "nextCursor");
    if (!next) break;
    cursor = *next;
  }
  std::vector<std::string> want = f.ids;
  std::sort(seen.begin(), seen.end());
  std::sort(want.begin(), want.end());
  ctx.expect(seen == want, ".search pages of 2 return each of the 3 users exactly once",
             joined(want), joined(seen));
}

}  // namespace s3_search_local

void register_s3(conf::Catalog& catalog) {
  using namespace s3_search_local;
  SectionBuilder s(catalog, rfc9865_spec(catalog), "3", "Querying Resources using HTTP POST");
  s.add({.slug = "search-pages-by-cursor",
         .title = "POST .search with cursor and count pages like GET",
         .level = kMust,
         .requirement = kSearch,
         .tags = {tag::kPaging, tag::kSearch, tag::kUsers},
         .needs = {cap::kUsers, cap::kFilter, cap::kCursor},
         .depends_on = {kScopedBy},
         .run = search_pages_by_cursor});
}

}  // namespace scim::suites::rfc9865
