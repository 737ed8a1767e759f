// RFC 9865 §2.4 Implementing Both Cursors and Index Pagination: a target offering both answers a
// query that names neither cursor nor startIndex with its default method, the one
// defaultPaginationMethod advertises when present.
#include "cursor_support.hpp"
#include "index.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc9865 {
namespace s2_4_both_local {

constexpr const char* kDefault =
    "Additionally, service providers supporting both pagination methods MUST choose a default "
    "pagination method to use when responding to requests that have not specified a pagination "
    "query parameter.";

const json* pagination_member(conf::Context& ctx, std::string_view name) {
  const json& spc = ctx.caps().service_provider_config;
  const json* pagination = spc.is_object() ? member(spc, "pagination") : nullptr;
  return pagination ? member(*pagination, name) : nullptr;
}

void default_method(conf::Context& ctx) {
  const json* index = pagination_member(ctx, "index");
  if (index == nullptr || !index->is_boolean() || !index->get<bool>())
    ctx.skip("the target does not advertise index pagination as well (pagination.index)");
  const auto f = make_users(ctx, 3);
  const json page = scoped_page(ctx, f, "&count=2");
  if (resources_of(page).size() >= 3)
    ctx.fail("count=2 not honoured", "<= 2 resources", brief(page));
  const bool by_cursor = cursor_of(page, "nextCursor").has_value();
  // RFC 7644 §3.4.2: startIndex is REQUIRED when partial results are returned by index.
  const bool by_index = has_member(page, "startIndex");
  ctx.expect(by_cursor || by_index, "a partial page names its method (nextCursor or startIndex)",
             "nextCursor or startIndex", brief(page));
  const json* method = pagination_member(ctx, "defaultPaginationMethod");
  if (method == nullptr || !method->is_string()) return;  // OPTIONAL: no advertised default
  const std::string advertised = method->get<std::string>();
  if (advertised == "cursor")
    ctx.expect(by_cursor, "defaultPaginationMethod cursor: the page carries nextCursor",
               "nextCursor", brief(page));
  else if (advertised == "index")
    ctx.expect(by_index && !by_cursor,
               "defaultPaginationMethod index: the page carries startIndex, no nextCursor",
               "startIndex, no nextCursor", brief(page));
}

}  // namespace s2_4_both_local

void register_s2_4(conf::Catalog& catalog) {
  using namespace s2_4_both_local;
  SectionBuilder s(catalog, rfc9865_spec(catalog), "2.4",
                   "Implementing Both Cursors and Index Pagination");
  s.add({.slug = "default-method-applies",
         .title = "a query naming neither method is paged by the default method",
         .level = kMust,
         .requirement = kDefault,
         .tags = {tag::kPaging, tag::kUsers},
         .needs = {cap::kUsers, cap::kFilter, cap::kCursor},
         .depends_on = {kScopedBy},
         .run = default_method});
}

}  // namespace scim::suites::rfc9865
