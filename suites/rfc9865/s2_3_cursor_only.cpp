// RFC 9865 §2.3 Implementing Cursors as the Only Pagination Method: a target that advertises
// pagination.index false pages a query that names no cursor by cursor, so a client can still
// reach every result.
#include "cursor_support.hpp"
#include "index.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc9865 {
namespace s2_3_cursor_only_local {

constexpr const char* kCursorOnly =
    "A service provider MAY require cursor-based pagination to retrieve all results for a query by "
    "including a nextCursor value in the response even when the query does not include the cursor "
    "parameter.";

bool index_advertised(conf::Context& ctx) {
  const json& spc = ctx.caps().service_provider_config;
  const json* pagination = spc.is_object() ? member(spc, "pagination") : nullptr;
  const json* index = pagination ? member(*pagination, "index") : nullptr;
  return index == nullptr || !index->is_boolean() || index->get<bool>();
}

void plain_query_paged_by_cursor(conf::Context& ctx) {
  if (index_advertised(ctx))
    ctx.skip("the target also pages by index (pagination.index is not false)");
  const auto f = make_users(ctx, 3);
  const json page = scoped_page(ctx, f, "&count=2");
  if (resources_of(page).size() >= 3)
    ctx.fail("count=2 not honoured", "<= 2 resources", brief(page));
  ctx.expect(cursor_of(page, "nextCursor").has_value(),
             "a cursor-only target answers a query without cursor with nextCursor",
             "nextCursor (string)", brief(page));
}

}  // namespace s2_3_cursor_only_local

void register_s2_3(conf::Catalog& catalog) {
  using namespace s2_3_cursor_only_local;
  SectionBuilder s(catalog, rfc9865_spec(catalog), "2.3",
                   "Implementing Cursors as the Only Pagination Method");
  s.add({.slug = "cursor-only-pages-plain-queries",
         .title = "a cursor-only target pages a query without cursor by cursor",
         .level = kMay,
         .requirement = kCursorOnly,
         .tags = {tag::kPaging, tag::kUsers},
         .needs = {cap::kUsers, cap::kFilter, cap::kCursor},
         .depends_on = {kScopedBy},
         .run = plain_query_paged_by_cursor});
}

}  // namespace scim::suites::rfc9865
