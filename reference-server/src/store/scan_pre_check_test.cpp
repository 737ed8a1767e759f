// ScanPreCheck: which check rules a record out (column, record bytes, none), and that it only
// ever rules out records whose text lacks the needle.
#include "scim/server/store/scan_pre_check.hpp"

#include <gtest/gtest.h>

#include "scim/server/store/record_codec.hpp"
#include "scim/server/store/search_column.hpp"

namespace scim::store {
namespace {

TypeSpec checked_spec() {
  TypeSpec spec;
  spec.name = "User";
  spec.exposes_groups = true;
  spec.searched = {"userName", "emails"};
  return spec;
}

Record record_of(const TypeSpec& spec, const nlohmann::json& resource) {
  Record r(1, resource.value("id", ""), "", make_search_column(spec, resource),
           encode_record(resource));
  return r;
}

Query needing(std::vector<ScanNeedle> needles) {
  Query q;
  q.predicate = [](const nlohmann::json&) { return true; };
  q.must_contain = std::move(needles);
  return q;
}

const nlohmann::json kUser = {{"userName", "bjensen"},
                              {"title", "Example Guide"},
                              {"emails", {{{"value", "BJ@Example.com"}, {"type", "work"}}}}};

TEST(ScanPreCheck, AColumnNeedleLooksOnlyAtItsAttributesText) {
  const TypeSpec spec = checked_spec();
  const Record r = record_of(spec, kUser);
  EXPECT_TRUE(ScanPreCheck(spec, needing({{"emails", "example.COM"}})).may_match(r));
  EXPECT_TRUE(ScanPreCheck(spec, needing({{"emails", "work"}})).may_match(r));  // emails.type
  // "guide" is in the record (title), not in userName: the column rules it out.
  EXPECT_FALSE(ScanPreCheck(spec, needing({{"userName", "guide"}})).may_match(r));
}

TEST(ScanPreCheck, OtherAttributesAreCheckedOnTheRecordBytes) {
  const TypeSpec spec = checked_spec();
  const Record r = record_of(spec, kUser);
  EXPECT_TRUE(ScanPreCheck(spec, needing({{"title", "GUIDE"}})).may_match(r));
  EXPECT_FALSE(ScanPreCheck(spec, needing({{"title", "engineer"}})).may_match(r));
  // A shorter column needle is preferred to a longer bytes needle; both are necessary.
  EXPECT_FALSE(
      ScanPreCheck(spec, needing({{"title", "example guide"}, {"userName", "x"}})).may_match(r));
}

TEST(ScanPreCheck, FallsBackToTheBytesWhenTheColumnDidNotKeepTheAttribute) {
  const TypeSpec spec = checked_spec();
  nlohmann::json big = kUser;
  big["emails"].push_back({{"value", std::string(kMaxSearchedBytes, 'y') + "@example.com"}});
  const Record r = record_of(spec, big);
  EXPECT_TRUE(ScanPreCheck(spec, needing({{"emails", "yyy@example"}})).may_match(r));
  EXPECT_FALSE(ScanPreCheck(spec, needing({{"emails", "zzz"}})).may_match(r));
}

TEST(ScanPreCheck, SkipsComputedGroupsAndNeedsAPredicate) {
  const TypeSpec spec = checked_spec();
  const Record r = record_of(spec, kUser);
  Query q = needing({{"groups", "admins"}});
  EXPECT_FALSE(ScanPreCheck(spec, q).active());  // "groups" is computed on read, not stored
  EXPECT_TRUE(ScanPreCheck(spec, q).may_match(r));
  q.must_contain = {{"emails", "nobody"}};
  EXPECT_FALSE(ScanPreCheck(spec, q).may_match(r));
  q.predicate = nullptr;  // an unfiltered listing checks nothing
  EXPECT_FALSE(ScanPreCheck(spec, q).active());
  TypeSpec group;
  group.name = "Group";  // without exposes_groups, a stored "groups" is searched like any other
  EXPECT_TRUE(ScanPreCheck(group, needing({{"groups", "admins"}})).active());
}

TEST(ScanPreCheck, SkipsSchemasWhoseUrnsAreStoredAsCodes) {
  const TypeSpec spec = checked_spec();
  nlohmann::json user = kUser;
  user["schemas"] = {"urn:ietf:params:scim:schemas:core:2.0:User"};
  const Record r = record_of(spec, user);
  const Query q = needing({{"Schemas", "core:2.0:user"}});
  EXPECT_FALSE(ScanPreCheck(spec, q).active());
  EXPECT_TRUE(ScanPreCheck(spec, q).may_match(r));
  // Another needle of the same filter still rules records out.
  EXPECT_FALSE(
      ScanPreCheck(spec, needing({{"schemas", "core"}, {"title", "nobody"}})).may_match(r));
}

}  // namespace
}  // namespace scim::store
