// Per-type indexes: unique attributes, equality indexes, lastModified ranges.
#include "scim/server/store/type_table.hpp"

#include <gtest/gtest.h>

#include "scim/server/store/record_codec.hpp"

namespace scim::store {
namespace {

TypeSpec user_spec() {
  return TypeSpec{"User", {{"userName", false}}, {{"externalId", true}}, "", false, true, {}};
}

void put(TypeTable& t, const nlohmann::json& r) {
  t.put(r, Record(1, r["id"].get<std::string>(), "", "", encode_record(r)), nullptr);
}

nlohmann::json user(std::string id, std::string name, std::string ext, std::string lm) {
  return {{"id", id}, {"userName", name}, {"externalId", ext}, {"meta", {{"lastModified", lm}}}};
}

TEST(TypeTable, UniqueAttributeClashIsCaseInsensitiveAndNamesTheHolder) {
  TypeTable t(user_spec());
  put(t, user("1", "bjensen", "x1", "2020-01-01T00:00:00Z"));
  auto clash = t.unique_conflict({{"id", "2"}, {"userName", "BJENSEN"}}, "2");
  ASSERT_TRUE(clash);
  EXPECT_NE(clash->find("resource 1"), std::string::npos);
  EXPECT_FALSE(t.unique_conflict({{"id", "1"}, {"userName", "BJensen"}}, "1"));
  EXPECT_FALSE(t.unique_conflict({{"id", "2"}, {"userName", "other"}}, "2"));
}

TEST(TypeTable, EqualityIndexHonoursCaseExactness) {
  TypeTable t(user_spec());
  put(t, user("1", "a", "Ext", "2020-01-01T00:00:00Z"));
  put(t, user("2", "b", "Ext", "2020-01-01T00:00:00Z"));
  auto hit = t.candidates({IndexLookup::Kind::Equals, "externalId", "Ext"});
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->size(), 2u);
  EXPECT_TRUE(t.candidates({IndexLookup::Kind::Equals, "externalid", "ext"})->empty());
  EXPECT_EQ(t.candidates({IndexLookup::Kind::Equals, "USERNAME", "A"})->size(), 1u);
  EXPECT_FALSE(t.candidates({IndexLookup::Kind::Equals, "title", "x"}));
  EXPECT_FALSE(t.candidates({IndexLookup::Kind::GreaterThan, "userName", "a"}));
}

TEST(TypeTable, LastModifiedRangesUseInstantsNotSpellings) {
  TypeTable t(user_spec());
  put(t, user("1", "a", "e", "2020-01-01T00:00:00Z"));
  put(t, user("2", "b", "e", "2021-01-01T00:00:00.000Z"));
  put(t, user("3", "c", "e", "2022-01-01T00:00:00Z"));
  auto after =
      t.candidates({IndexLookup::Kind::GreaterThan, "meta.lastModified", "2021-01-01T00:00:00Z"});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->size(), 2u);  // inclusive candidate bound; the predicate decides equality
  auto before =
      t.candidates({IndexLookup::Kind::LessThan, "meta.lastModified", "2020-06-01T00:00:00Z"});
  EXPECT_EQ(before->size(), 1u);
}

// Records usually arrive in lastModified order (the store's clock), but a clock that went back,
// or a seeded record keeping its own meta, puts an earlier instant after a later one.
TEST(TypeTable, LastModifiedRangesHoldRecordsWrittenOutOfOrder) {
  TypeTable t(user_spec());
  put(t, user("1", "a", "e", "2022-01-01T00:00:00Z"));
  put(t, user("2", "b", "e", "2020-01-01T00:00:00Z"));
  put(t, user("3", "c", "e", "2021-01-01T00:00:00Z"));
  put(t, user("4", "d", "e", "2021-01-01T00:00:00Z"));
  auto before =
      t.candidates({IndexLookup::Kind::LessThan, "meta.lastModified", "2020-06-01T00:00:00Z"});
  ASSERT_TRUE(before);
  EXPECT_EQ(*before, std::vector<std::uint64_t>({2}));  // sequence numbers start at 1
  auto after =
      t.candidates({IndexLookup::Kind::GreaterThan, "meta.lastModified", "2021-06-01T00:00:00Z"});
  ASSERT_TRUE(after);
  EXPECT_EQ(*after, std::vector<std::uint64_t>({1}));
  auto equal =
      t.candidates({IndexLookup::Kind::Equals, "meta.lastModified", "2021-01-01T00:00:00Z"});
  ASSERT_TRUE(equal);
  EXPECT_EQ(*equal, std::vector<std::uint64_t>({3, 4}));  // in creation order, as every range
}

TEST(TypeTable, ReplaceAndEraseMaintainIndexes) {
  TypeTable t(user_spec());
  auto before = user("1", "a", "e", "2020-01-01T00:00:00Z");
  put(t, before);
  auto after = user("1", "renamed", "e", "2020-01-02T00:00:00Z");
  t.put(after, Record(2, "1", "", "", encode_record(after)), &before);
  EXPECT_EQ(t.size(), 1u);
  EXPECT_TRUE(t.candidates({IndexLookup::Kind::Equals, "userName", "a"})->empty());
  EXPECT_EQ(t.candidates({IndexLookup::Kind::Equals, "userName", "renamed"})->size(), 1u);
  t.erase(after);
  EXPECT_EQ(t.size(), 0u);
  EXPECT_FALSE(t.find("1"));
  EXPECT_TRUE(t.candidates({IndexLookup::Kind::Equals, "userName", "renamed"})->empty());
}

// The id and userName indexes (flat tables, hash_index.hpp) through growth and erases: every id
// still held is found, every erased one is not, and a re-created id gets a new record.
TEST(TypeTable, IdsAreFoundThroughGrowthAndErases) {
  TypeTable t(user_spec());
  constexpr int kUsers = 3000;
  auto id_of = [](int i) { return "id-" + std::to_string(i); };
  std::vector<nlohmann::json> users;
  for (int i = 0; i < kUsers; ++i) {
    users.push_back(user(id_of(i), "name" + std::to_string(i), "x", "2020-01-01T00:00:00Z"));
    put(t, users.back());
  }
  for (int i = 0; i < kUsers; i += 3) t.erase(users[static_cast<std::size_t>(i)]);
  for (int i = 0; i < kUsers; ++i) {
    const Record* r = t.find(id_of(i));
    if (i % 3 == 0) {
      EXPECT_EQ(r, nullptr) << i;
      EXPECT_TRUE(
          t.candidates({IndexLookup::Kind::Equals, "userName", users[i]["userName"]})->empty());
    } else {
      ASSERT_NE(r, nullptr) << i;
      EXPECT_EQ(r->id(), id_of(i));
      EXPECT_EQ(t.candidates({IndexLookup::Kind::Equals, "userName", users[i]["userName"]})->size(),
                1u);
    }
  }
  EXPECT_EQ(t.size(), static_cast<std::size_t>(kUsers - kUsers / 3));
  put(t, users[0]);
  ASSERT_NE(t.find(id_of(0)), nullptr);
  EXPECT_EQ(t.find(id_of(0))->id(), id_of(0));
  EXPECT_EQ(t.candidates({IndexLookup::Kind::Equals, "externalId", "x"})->size(), t.size());
}

TEST(IndexKey, FoldsOnlyStrings) {
  EXPECT_EQ(index_key("AbC", false), "abc");
  EXPECT_EQ(index_key("AbC", true), "AbC");
  EXPECT_EQ(index_key(42, false), "42");
  EXPECT_FALSE(index_key(nlohmann::json::object(), false));
}

}  // namespace
}  // namespace scim::store
