// RFC 7644 §3.4.2.3 Sorting: sortBy with the default ascending order, descending, sub-attribute
// paths and case-insensitive ordering of caseExact=false strings.
#include <vector>

#include "index.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_4_2_3_sorting_local {

constexpr const char* kDefaultAscending =
    "If a value for \"sortBy\" is provided and no \"sortOrder\" is specified, \"sortOrder\" SHALL "
    "default to ascending.";
constexpr const char* kSortBy =
    "The \"sortBy\" parameter specifies the attribute whose value SHALL be used to order the "
    "returned responses.";
constexpr const char* kCaseInsensitive =
    "\"sortOrder\" MUST sort according to the attribute type; i.e., for case-insensitive "
    "attributes, sort the result using case-insensitive Unicode alphabetic sort order with no "
    "specific locale implied, and for case-exact attribute types, sort the result using "
    "case-sensitive Unicode alphabetic sort order.";

struct Sorted {
  std::vector<std::string> ids;  // created order
  std::string prefix;
};

// Users "<p>-1", "<p>-2", "<p>-3"; with `attribute` ("displayName" or "name"), values chosen so the
// order by it differs from creation order: displayNames "beta", "Charlie", "alpha" and givenNames
// "Mia", "Zoe", "Abe" -> ascending: 3, 1, 2. Skips unless the target defines and stores them.
Sorted make_users(conf::Context& ctx, const std::string& attribute = "") {
  Sorted s;
  s.prefix = ctx.unique_name("sort");
  const char* names[] = {"beta", "Charlie", "alpha"};
  const char* given[] = {"Mia", "Zoe", "Abe"};
  for (int i = 0; i < 3; ++i) {
    json body = {{"userName", s.prefix + "-" + std::to_string(i + 1)}};
    if (attribute == "displayName") body["displayName"] = names[i];
    if (attribute == "name") body["name"] = {{"givenName", given[i]}};
    s.ids.push_back(
        id_string(attribute.empty() ? ctx.create_user(body) : create_user_with(ctx, body)));
  }
  return s;
}

std::vector<std::string> order(conf::Context& ctx, const Sorted& s, const std::string& params) {
  json list = list_by_prefix(ctx, s.prefix + "-", params);
  std::vector<std::string> ids;
  for (const auto& r : resources_of(list)) ids.push_back(id_string(r));
  return ids;
}

void expect_order(conf::Context& ctx, const Sorted& s, const std::string& params,
                  std::vector<int> expected_indexes) {
  std::vector<std::string> expected;
  for (int i : expected_indexes) expected.push_back(s.ids[static_cast<std::size_t>(i)]);
  auto actual = order(ctx, s, params);
  ctx.expect(actual == expected, "resources ordered by " + params, brief(json(expected)),
             brief(json(actual)));
}

void ascending_default(conf::Context& ctx) {
  auto s = make_users(ctx);
  expect_order(ctx, s, "&sortBy=userName", {0, 1, 2});
}

void descending(conf::Context& ctx) {
  auto s = make_users(ctx);
  expect_order(ctx, s, "&sortBy=userName&sortOrder=descending", {2, 1, 0});
}

void case_insensitive(conf::Context& ctx) {
  auto s = make_users(ctx, "displayName");
  expect_order(ctx, s, "&sortBy=displayName&sortOrder=ascending", {2, 0, 1});
}

void sub_attribute(conf::Context& ctx) {
  auto s = make_users(ctx, "name");
  expect_order(ctx, s, "&sortBy=name.givenName", {2, 0, 1});
}

}  // namespace s3_4_2_3_sorting_local

void register_s3_4_2_3(conf::Catalog& catalog) {
  using namespace s3_4_2_3_sorting_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.4.2.3", "Sorting");
  s.add({.slug = "sort-order-defaults-to-ascending",
         .title = "sortBy without sortOrder sorts ascending",
         .level = kMust,
         .requirement = kDefaultAscending,
         .tags = {tag::kSort, tag::kUsers},
         .needs = {cap::kUsers, cap::kSort, cap::kFilter},
         .depends_on = {kScopedBy},
         .run = ascending_default});
  s.add({.slug = "sort-descending",
         .title = "sortOrder=descending reverses the order",
         .level = kMust,
         .requirement = kSortBy,
         .tags = {tag::kSort, tag::kUsers},
         .needs = {cap::kUsers, cap::kSort, cap::kFilter},
         .depends_on = {kScopedBy},
         .run = descending});
  s.add({.slug = "sort-case-insensitive-strings",
         .title = "caseExact=false strings sort without case",
         .level = kMust,
         .requirement = kCaseInsensitive,
         .tags = {tag::kSort, tag::kUsers},
         .needs = {cap::kUsers, cap::kSort, cap::kFilter},
         .depends_on = {kScopedBy},
         .run = case_insensitive});
  s.add({.slug = "sort-by-sub-attribute",
         .title = "sortBy=name.givenName orders by the sub-attribute",
         .level = kMust,
         .requirement = kSortBy,
         .tags = {tag::kSort, tag::kUsers},
         .needs = {cap::kUsers, cap::kSort, cap::kFilter},
         .depends_on = {kScopedBy},
         .run = sub_attribute});
}

}  // namespace scim::suites::rfc7644
