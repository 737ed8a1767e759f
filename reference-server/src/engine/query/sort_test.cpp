// Sorting (RFC 7644 §3.4.2.3): sortBy/sortOrder parsing, primary-or-first for multi-valued
// attributes, missing values last ascending and first descending, caseExact, typed order,
// stability.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scim/server/engine/query/query.hpp"
#include "scim/server/testing/filter_test_support.hpp"

namespace scim::engine {
namespace {

using testing::FilterEnv;
using testing::IsScimError;

class SortTest : public ::testing::Test {
 protected:
  // Sorts `docs` by `sort_by` and returns the "id" of each, in order.
  std::vector<std::string> order(const std::vector<nlohmann::json>& docs, const char* sort_by,
                                 const char* sort_order = nullptr) {
    auto spec = parse_sort(std::string(sort_by),
                           sort_order ? std::optional<std::string>(sort_order) : std::nullopt,
                           env.registry(), env.user());
    EXPECT_TRUE(spec.ok() && spec->has_value()) << sort_by;
    std::vector<const nlohmann::json*> ptrs;
    for (const auto& d : docs) ptrs.push_back(&d);
    if (spec.ok() && spec->has_value()) sort_resources(ptrs, **spec);
    std::vector<std::string> ids;
    for (const auto* p : ptrs) ids.push_back((*p)["id"].get<std::string>());
    return ids;
  }
  FilterEnv env;
};

using ::testing::ElementsAre;

TEST_F(SortTest, AscendingByDefaultAndCaseInsensitive) {
  const std::vector<nlohmann::json> docs = {{{"id", "1"}, {"userName", "bob"}},
                                            {{"id", "2"}, {"userName", "Alice"}},
                                            {{"id", "3"}, {"userName", "carol"}},
                                            {{"id", "4"}, {"userName", "ALICE"}}};
  // caseExact false: "Alice" and "ALICE" are equal and keep their input order (stable).
  EXPECT_THAT(order(docs, "userName"), ElementsAre("2", "4", "1", "3"));
  EXPECT_THAT(order(docs, "USERNAME", "Descending"), ElementsAre("3", "1", "2", "4"));
}

// Cursors (RFC 9865) find their place again from a stored sort value: compare_sort_values must
// agree with sort_resources, including sortOrder and missing values.
TEST_F(SortTest, SortValuesCompareInTheListingOrder) {
  auto spec = parse_sort(std::string("name.familyName"), std::string("descending"), env.registry(),
                         env.user());
  ASSERT_TRUE(spec.ok() && spec->has_value());
  const nlohmann::json jensen = {{"name", {{"familyName", "Jensen"}}}};
  const nlohmann::json smith = {{"name", {{"familyName", "smith"}}}};
  const nlohmann::json none = {{"userName", "x"}};
  EXPECT_EQ(sort_value(jensen, **spec), "Jensen");
  EXPECT_TRUE(sort_value(none, **spec).is_null());
  const auto& s = **spec;
  EXPECT_LT(compare_sort_values(sort_value(smith, s), sort_value(jensen, s), s), 0);
  EXPECT_GT(compare_sort_values(sort_value(jensen, s), sort_value(smith, s), s), 0);
  EXPECT_EQ(compare_sort_values("JENSEN", sort_value(jensen, s), s), 0);  // caseExact false
  EXPECT_LT(compare_sort_values(nullptr, "Jensen", s), 0);  // missing first when descending
}

TEST_F(SortTest, CaseExactAttributesSortByCodePoint) {
  const std::vector<nlohmann::json> docs = {{{"id", "1"}, {"externalId", "b"}},
                                            {{"id", "2"}, {"externalId", "B"}},
                                            {{"id", "3"}, {"externalId", "a"}}};
  EXPECT_THAT(order(docs, "externalId"), ElementsAre("2", "3", "1"));  // 'B' < 'a' < 'b'
}

TEST_F(SortTest, MissingValuesLastAscendingFirstDescending) {
  const std::vector<nlohmann::json> docs = {{{"id", "1"}, {"title", "b"}},
                                            {{"id", "2"}},
                                            {{"id", "3"}, {"title", "a"}},
                                            {{"id", "4"}, {"title", nullptr}},
                                            {{"id", "5"}, {"title", ""}}};
  EXPECT_THAT(order(docs, "title"), ElementsAre("3", "1", "2", "4", "5"));
  EXPECT_THAT(order(docs, "title", "descending"), ElementsAre("2", "4", "5", "1", "3"));
}

TEST_F(SortTest, MultiValuedSortsByPrimaryElseFirst) {
  const std::vector<nlohmann::json> docs = {
      {{"id", "1"},
       {"emails", {{{"value", "a@x"}}, {{"value", "z@x"}, {"primary", true}}}}},  // z (primary)
      {{"id", "2"}, {"emails", {{{"value", "m@x"}}, {{"value", "b@x"}}}}},        // m (first)
      {{"id", "3"}, {"emails", nlohmann::json::array()}}};
  EXPECT_THAT(order(docs, "emails.value"), ElementsAre("2", "1", "3"));
  EXPECT_THAT(order(docs, "emails"), ElementsAre("2", "1", "3"));  // implies emails.value
}

TEST_F(SortTest, DateTimeSortsChronologically) {
  const std::vector<nlohmann::json> docs = {
      {{"id", "1"}, {"meta", {{"lastModified", "2011-05-13T06:00:00+02:00"}}}},  // 04:00Z
      {{"id", "2"}, {"meta", {{"lastModified", "2011-05-13T05:00:00Z"}}}},
      {{"id", "3"}, {"meta", {{"lastModified", "2011-05-13T03:59:59.9Z"}}}}};
  EXPECT_THAT(order(docs, "meta.lastModified"), ElementsAre("3", "1", "2"));
}

TEST_F(SortTest, BooleansAndExtensionAttributes) {
  const std::vector<nlohmann::json> docs = {
      {{"id", "1"}, {"active", true}},
      {{"id", "2"}, {"active", false}},
      {{"id", "3"},
       {"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", {{"department", "b"}}}},
      {{"id", "4"},
       {"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", {{"department", "a"}}}}};
  EXPECT_THAT(order(docs, "active"), ElementsAre("2", "1", "3", "4"));
  EXPECT_THAT(order(docs, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"),
              ElementsAre("4", "3", "1", "2"));
}

TEST_F(SortTest, WrongJsonTypesCountAsMissing) {
  const std::vector<nlohmann::json> docs = {
      {{"id", "1"}, {"userName", 5}}, {{"id", "2"}, {"userName", "a"}}, {{"id", "3"}}};
  EXPECT_THAT(order(docs, "userName"), ElementsAre("2", "1", "3"));
}

TEST_F(SortTest, ParseErrors) {
  auto parse = [&](std::optional<std::string> by, std::optional<std::string> order) {
    return parse_sort(by, order, env.registry(), env.user());
  };
  EXPECT_THAT(parse("nosuch", std::nullopt).error(), IsScimError(400, ScimType::InvalidPath));
  EXPECT_THAT(parse("user%Name", std::nullopt).error(), IsScimError(400, ScimType::InvalidPath));
  EXPECT_THAT(parse("name", std::nullopt).error(), IsScimError(400, ScimType::InvalidPath));
  EXPECT_THAT(parse("addresses", std::nullopt).error(), IsScimError(400, ScimType::InvalidPath));
  EXPECT_THAT(parse("userName", "upwards").error(), IsScimError(400, ScimType::InvalidValue));
  EXPECT_THAT(
      parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", std::nullopt).error(),
      IsScimError(400, ScimType::InvalidPath));
  // No sortBy: nothing to sort, whatever sortOrder says (§3.4.2.3 sortOrder applies to sortBy).
  auto none = parse(std::nullopt, "descending");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  auto desc = parse("name.familyName", "DESCENDING");
  ASSERT_TRUE(desc.ok() && desc->has_value());
  EXPECT_TRUE((*desc)->descending);
}

}  // namespace
}  // namespace scim::engine
