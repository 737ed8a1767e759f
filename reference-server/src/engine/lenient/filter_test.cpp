// Lenient filters (docs/lenient.md `value-path-sub-attribute`), through the front door: Entra
// ID's `emails[type eq "work"].value eq "x"` lies outside the RFC 7644 §3.4.2.2 grammar (a
// valuePath is a complete attrExp there; nothing may follow "]"). Strict mode rejects it with 400
// invalidFilter; lenient mode reads it as `emails[type eq "work" and value eq "x"]`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scim/server/engine/filter/ast.hpp"
#include "scim/server/engine/filter/filter.hpp"
#include "scim/server/engine/lenient/lenient.hpp"
#include "scim/server/testing/filter_test_support.hpp"

namespace scim::engine::lenient {
namespace {

using engine::testing::bjensen;
using engine::testing::FilterEnv;
using engine::testing::IsScimError;
using ::testing::HasSubstr;

constexpr const char* kEntra = R"(emails[type eq "work"].value eq "bjensen@example.com")";

class LenientFilter : public ::testing::Test {
 protected:
  Result<Filter> loose(std::string_view text, const FilterOptions& options = {}) const {
    auto parsed = parse_filter(text, env.registry(), env.user(), Mode::Lenient, options);
    if (!parsed) return parsed.error();
    EXPECT_EQ(parsed->leniencies_used, std::vector<std::string>{"value-path-sub-attribute"});
    return std::move(parsed->filter);
  }
  bool loose_match(std::string_view text, const nlohmann::json& resource) const {
    auto f = loose(text);
    EXPECT_TRUE(f.ok()) << text << ": " << (f.ok() ? "" : f.error().detail);
    return f.ok() && matches(*f, resource);
  }
  FilterEnv env;
};

TEST_F(LenientFilter, StrictModeRejectsASubAttributeAfterAValuePath) {
  const auto f = parse_filter(kEntra, env.registry(), env.user(), Mode::Strict);
  ASSERT_FALSE(f.ok());
  EXPECT_THAT(f.error(), IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(f.error().detail, HasSubstr("\".value\" may not follow a value filter"));
  EXPECT_THAT(f.error().detail, HasSubstr("at offset 22"));
}

TEST_F(LenientFilter, FoldsTheComparisonIntoTheValueFilter) {
  const auto f = loose(kEntra);
  ASSERT_TRUE(f.ok()) << f.error().detail;
  EXPECT_EQ(f->to_string(), R"(emails[type eq "work" and value eq "bjensen@example.com"])");
  EXPECT_EQ(f->root().kind, FilterNode::Kind::ValuePath);
  // An "or" inside the brackets keeps its grouping: [(a or b) and c].
  const auto grouped = loose(R"(emails[type eq "work" or type eq "home"].value pr)");
  ASSERT_TRUE(grouped.ok()) << grouped.error().detail;
  EXPECT_EQ(grouped->to_string(), R"(emails[(type eq "work" or type eq "home") and value pr])");
  // An "and" is extended rather than nested.
  const auto chained = loose(R"(emails[type eq "work" and primary eq true].value sw "b")");
  ASSERT_TRUE(chained.ok()) << chained.error().detail;
  EXPECT_EQ(chained->root().children.front()->children.size(), 3u);
}

TEST_F(LenientFilter, MatchesOnlyWhenOneValueSatisfiesBothTerms) {
  const auto user = bjensen();
  EXPECT_TRUE(loose_match(kEntra, user));
  // emails.value is caseExact=false (RFC 7643 §4.1.2).
  EXPECT_TRUE(loose_match(R"(emails[type eq "work"].value eq "BJensen@Example.com")", user));
  // babs@jensen.org exists, but on the home email, so the work filter does not match it.
  EXPECT_FALSE(loose_match(R"(emails[type eq "work"].value eq "babs@jensen.org")", user));
  EXPECT_TRUE(loose_match(R"(emails[type eq "home"].value eq "babs@jensen.org")", user));
  EXPECT_TRUE(loose_match(R"(userName pr and emails[type eq "work"].value ew ".com")", user));
}

TEST_F(LenientFilter, TheTailMustBeAWellFormedComparison) {
  for (const char* text : {
           R"(emails[type eq "work"].value)",               // no operator
           R"(emails[type eq "work"].value eq)",            // no literal
           R"(emails[type eq "work"].value gt true)",       // literal unsuited to a string
           R"(emails[type eq "work"].value[type eq "x"])",  // nested value path
           R"(emails[type eq "work"].primary eq "yes")",    // string literal for a boolean
       }) {
    const auto f = loose(text);
    ASSERT_FALSE(f.ok()) << text << " parsed as " << f->to_string();
    EXPECT_THAT(f.error(), IsScimError(400, ScimType::InvalidFilter)) << text;
  }
  FilterOptions strict_names;
  strict_names.reject_unknown_attributes = true;
  const auto unknown = loose(R"(emails[type eq "work"].colour eq "x")", strict_names);
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.error(), IsScimError(400, ScimType::InvalidFilter));
}

TEST_F(LenientFilter, TheTailCountsTowardsTheTermLimit) {
  FilterOptions tight;
  tight.limits.max_terms = 2;
  const auto f = loose(kEntra, tight);
  ASSERT_FALSE(f.ok());
  EXPECT_THAT(f.error(), IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(f.error().detail, HasSubstr("more than 2"));
}

}  // namespace
}  // namespace scim::engine::lenient
