// Registration by named fields: the builder derives "<spec>/<section>/<slug>", keeps tags and
// capabilities by name in the order written, and leaves validation to the catalog.
#include "scim/conformance/section_builder.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace scim::conf {
namespace {

void no_op(Context&) {}

TEST(SectionBuilder, DerivesTheIdAndKeepsEveryField) {
  Catalog catalog;
  SectionBuilder s(catalog, catalog.spec("rfc7644", "RFC 7644"), "3.4.2.2", "Filtering");
  s.add({.slug = "eq-is-case-insensitive",
         .title = "eq ignores case",
         .level = kShould,
         .requirement = "Attribute names and attribute operators used in filters are case "
                        "insensitive.",
         .tags = {tag::kFilter, Tag{"custom"}},
         .needs = {cap::kUsers, cap::kEnterpriseUser},
         .run = no_op});
  const auto all = catalog.all();
  ASSERT_EQ(all.size(), 1u);
  const CheckInfo& info = all[0]->info;
  EXPECT_EQ(info.id, "rfc7644/3.4.2.2/eq-is-case-insensitive");
  EXPECT_EQ(info.title, "eq ignores case");
  EXPECT_EQ(info.level, Level::Should);
  EXPECT_EQ(info.requirement,
            "Attribute names and attribute operators used in filters are case insensitive.");
  EXPECT_EQ(info.tags, (std::vector<std::string>{"filter", "custom"}));
  EXPECT_EQ(info.capabilities, (std::vector<std::string>{"users", "enterpriseUser"}));
  EXPECT_EQ(catalog.specs()[0].sections[0].title, "Filtering");
}

CheckDef def(std::string slug, CheckFn run = no_op) {
  return {.slug = std::move(slug),
          .title = "t",
          .level = kMust,
          .requirement = "a requirement",
          .tags = {tag::kUsers},
          .run = std::move(run)};
}

TEST(SectionBuilder, NeedsDefaultToNothing) {
  Catalog catalog;
  SectionBuilder s(catalog, catalog.spec("rfc7643", "RFC 7643"), "2.1", "Attributes");
  s.add(def("x"));
  EXPECT_TRUE(catalog.all()[0]->info.capabilities.empty());
}

TEST(SectionBuilder, CatalogRulesStillApply) {
  Catalog catalog;
  SectionBuilder s(catalog, catalog.spec("rfc7643", "RFC 7643"), "2.1", "Attributes");
  EXPECT_THROW(s.add(def("Not_A_Slug")), std::invalid_argument);
  EXPECT_THROW(s.add(def("no-body", nullptr)), std::invalid_argument);
  s.add(def("once"));
  EXPECT_THROW(s.add(def("once")), std::invalid_argument);
}

TEST(Capability, NamesRoundTripAndAreTheListedVocabulary) {
  std::vector<std::string> names;
  for (Capability c : kAllCapabilities) {
    names.emplace_back(to_string(c));
    EXPECT_EQ(parse_capability(to_string(c)), c) << to_string(c);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"patch", "bulk", "filter", "sort", "etag",
                                             "changePassword", "me", "events", "async", "users",
                                             "groups", "enterpriseUser", "cursor", "devices"}));
  EXPECT_EQ(parse_capability("Patch"), std::nullopt);  // names are case-sensitive
  EXPECT_EQ(parse_capability("unknown-capability"), std::nullopt);
  EXPECT_EQ(cap::kChangePassword, Capability::ChangePassword);
}

TEST(Tag, NamesAreTheStringsReportsShow) {
  EXPECT_EQ(tag::kContentType.name(), "content-type");
  EXPECT_EQ(tag::kUsers.name(), "users");
  EXPECT_EQ(Tag{"users"}, tag::kUsers);
}

}  // namespace
}  // namespace scim::conf
