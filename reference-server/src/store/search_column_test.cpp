// The search column: folded text per searched attribute, bounded, found by slot.
#include "scim/server/store/search_column.hpp"

#include <gtest/gtest.h>

namespace scim::store {
namespace {

TypeSpec column_spec() {
  TypeSpec spec;
  spec.name = "User";
  spec.searched = {"userName", "displayName", "name", "emails"};
  return spec;
}

std::string segment(const std::string& column, std::size_t slot) {
  auto text = search_segment(column, 4, slot);
  EXPECT_TRUE(text) << slot;
  return text ? std::string(*text) : std::string();
}

TEST(SearchColumn, KeepsEveryStringOfEachSearchedAttributeFolded) {
  const nlohmann::json user = {{"userName", "BJensen"},
                               {"title", "Tour Guide"},
                               {"name", {{"givenName", "Barbara"}, {"familyName", "JENSEN"}}},
                               {"emails",
                                {{{"value", "BJ@Example.com"}, {"type", "work"}, {"primary", true}},
                                 {{"value", "b@home.ORG"}, {"type", "home"}}}}};
  const std::string column = make_search_column(column_spec(), user);
  EXPECT_EQ(segment(column, 0), std::string("bjensen\0", 8));
  EXPECT_EQ(segment(column, 1), "");  // no displayName
  // Members in the JSON object's order (sorted names): familyName before givenName.
  EXPECT_EQ(segment(column, 2), std::string("jensen\0barbara\0", 15));
  EXPECT_EQ(segment(column, 3), std::string("work\0bj@example.com\0home\0b@home.org\0", 36));
  EXPECT_EQ(column.find("tour"), std::string::npos);  // not a searched attribute
  EXPECT_FALSE(search_segment(column, 4, 4));         // no such slot
}

TEST(SearchColumn, AnAttributeTooLongToKeepIsMarkedSoScansFallBack) {
  const nlohmann::json user = {{"userName", "bjensen"},
                               {"displayName", std::string(kMaxSearchedBytes + 1, 'x')},
                               {"emails", {{{"value", "bj@example.com"}}}}};
  const std::string column = make_search_column(column_spec(), user);
  EXPECT_EQ(segment(column, 0), std::string("bjensen\0", 8));
  EXPECT_FALSE(search_segment(column, 4, 1));  // not kept: the record bytes decide
  EXPECT_EQ(segment(column, 3), std::string("bj@example.com\0", 15));
  EXPECT_LT(column.size(), 64u);
}

// The store writes every column through one reused string (memory_store.cpp, put_rest).
TEST(SearchColumn, WritingIntoAReusedStringGivesTheSameColumn) {
  const nlohmann::json big = {{"userName", "bjensen"},
                              {"displayName", std::string(5000, 'x')},
                              {"emails", {{{"value", "bj@example.com"}}}}};
  const nlohmann::json small = {{"userName", "A"}};
  std::string column = "left over";
  make_search_column_into(column_spec(), big, column);
  EXPECT_EQ(column, make_search_column(column_spec(), big));
  make_search_column_into(column_spec(), small, column);
  EXPECT_EQ(column, make_search_column(column_spec(), small));
  EXPECT_EQ(segment(column, 0), std::string("a\0", 2));
  EXPECT_EQ(segment(column, 1), "");
  TypeSpec none;
  make_search_column_into(none, big, column);
  EXPECT_TRUE(column.empty());  // a type without searched attributes keeps no column
}

TEST(SearchColumn, SlotsAreFoundCaseInsensitivelyAndOnlyForSearchedAttributes) {
  const TypeSpec spec = column_spec();
  EXPECT_EQ(searched_slot(spec, "EMAILS"), 3u);
  EXPECT_EQ(searched_slot(spec, "userName"), 0u);
  EXPECT_FALSE(searched_slot(spec, "title"));
  EXPECT_FALSE(searched_slot(spec,
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:"
                             "employeeNumber"));
  EXPECT_TRUE(make_search_column(TypeSpec{}, {{"userName", "x"}}).empty());  // nothing searched
  EXPECT_FALSE(search_segment("", 4, 0));  // a record written before the column existed
}

}  // namespace
}  // namespace scim::store
