// RFC 9865 §4 Service Provider Configuration: the pagination object's shape (cursor and index
// booleans, REQUIRED; defaultPaginationMethod "cursor" or "index"; positive page sizes and
// timeout) and maxPageSize bounding a cursor page whatever the count asks.
#include "cursor_support.hpp"
#include "index.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc9865 {
namespace s4_service_provider_config_local {

constexpr const char* kIndexRequired =
    "A Boolean value specifying support of index-based pagination. REQUIRED.";
constexpr const char* kMethodValues = "Possible values are \"cursor\" and \"index\".";
constexpr const char* kMaxPageSize =
    "Positive integer specifying the maximum number of results returned in a page regardless of "
    "what is specified for the count in a query.";

const json& pagination(conf::Context& ctx) {
  const json& spc = ctx.caps().service_provider_config;
  const json* p = spc.is_object() ? member(spc, "pagination") : nullptr;
  if (p == nullptr || !p->is_object())
    ctx.fail("pagination is not an object", "object", spc.is_object() ? brief(spc) : "absent");
  return *p;
}

void index_is_boolean(conf::Context& ctx) {
  const json* index = member(pagination(ctx), "index");
  ctx.expect(index != nullptr && index->is_boolean(), "pagination.index is a JSON boolean",
             "true or false", index ? brief(*index) : "absent");
}

void well_formed(conf::Context& ctx) {
  const json& p = pagination(ctx);
  if (const json* m = member(p, "defaultPaginationMethod"))
    ctx.expect(m->is_string() && (*m == "cursor" || *m == "index"),
               "defaultPaginationMethod is \"cursor\" or \"index\"", "\"cursor\" | \"index\"",
               brief(*m));
  for (const char* name : {"defaultPageSize", "maxPageSize", "cursorTimeout"}) {
    const json* v = member(p, name);
    if (v == nullptr) continue;
    ctx.expect(v->is_number_integer() && v->get<long long>() > 0,
               std::string(name) + " is a positive integer", "> 0", brief(*v));
  }
}

void max_page_size_bounds(conf::Context& ctx) {
  const json* max = member(pagination(ctx), "maxPageSize");
  if (max == nullptr || !max->is_number_integer() || max->get<long long>() <= 0)
    ctx.skip("the target advertises no maxPageSize (OPTIONAL)");
  const long long limit = max->get<long long>();
  if (limit > 2) ctx.skip("maxPageSize " + std::to_string(limit) + " exceeds the 3-user fixture");
  const auto f = make_users(ctx, 3);
  const json page = scoped_page(ctx, f, cursor_params("", 3));
  ctx.expect(static_cast<long long>(resources_of(page).size()) <= limit,
             "a page never holds more than maxPageSize", "<= " + std::to_string(limit),
             std::to_string(resources_of(page).size()));
}

}  // namespace s4_service_provider_config_local

void register_s4(conf::Catalog& catalog) {
  using namespace s4_service_provider_config_local;
  SectionBuilder s(catalog, rfc9865_spec(catalog), "4", "Service Provider Configuration");
  const Tags tags = {tag::kDiscovery, tag::kPaging};
  s.add({.slug = "pagination-index-boolean",
         .title = "pagination.index is a boolean beside cursor",
         .level = kMust,
         .requirement = kIndexRequired,
         .tags = tags,
         .needs = {cap::kCursor},
         .run = index_is_boolean});
  s.add({.slug = "pagination-values-well-formed",
         .title = "defaultPaginationMethod and the page sizes are well formed",
         .level = kMust,
         .requirement = kMethodValues,
         .tags = tags,
         .needs = {cap::kCursor},
         .run = well_formed});
  s.add({.slug = "max-page-size-bounds-pages",
         .title = "maxPageSize bounds a page whatever the count",
         .level = kMust,
         .requirement = kMaxPageSize,
         .tags = {tag::kPaging, tag::kUsers},
         .needs = {cap::kUsers, cap::kFilter, cap::kCursor},
         .depends_on = {kScopedBy},
         .run = max_page_size_bounds});
}

}  // namespace scim::suites::rfc9865
