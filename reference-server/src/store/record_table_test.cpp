// Record (one block per resource) and RecordTable (creation-ordered, chunked slots).
#include "scim/server/store/record_table.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace scim::store {
namespace {

Record make(std::uint64_t version, const std::string& id) {
  const std::vector<std::uint8_t> bytes = {0xa1, 0x00, static_cast<std::uint8_t>(id.size())};
  return Record(version, id, "display " + id, "search " + id, bytes);
}

std::vector<std::uint64_t> seqs(const RecordTable& t) {
  std::vector<std::uint64_t> out;
  for (const auto& [seq, record] : t) out.push_back(seq);
  return out;
}

TEST(Record, KeepsEveryFieldInOneBlock) {
  const std::vector<std::uint8_t> bytes = {1, 2, 3, 0, 4};
  const Record r(7, "2819c223-7f76-453a-919d-413861904646", "Babs", std::string("a\0b", 3), bytes);
  EXPECT_TRUE(r.holds());
  EXPECT_EQ(r.version(), 7u);
  EXPECT_EQ(r.id(), "2819c223-7f76-453a-919d-413861904646");
  EXPECT_EQ(r.display(), "Babs");
  EXPECT_EQ(r.search(), std::string_view("a\0b", 3));
  EXPECT_EQ(std::vector<std::uint8_t>(r.bytes().begin(), r.bytes().end()), bytes);
}

TEST(Record, TheIdIsAViewIntoTheBytesWhenTheyHoldIt) {
  const std::string text = "\x63...\x64user-42\x01";
  const std::vector<std::uint8_t> bytes(text.begin(), text.end());
  const Record r(2, "user-42", "", "col", bytes);
  EXPECT_EQ(r.id(), "user-42");
  EXPECT_GE(reinterpret_cast<const std::uint8_t*>(r.id().data()), r.bytes().data());
  EXPECT_LE(reinterpret_cast<const std::uint8_t*>(r.id().data()) + r.id().size(),
            r.bytes().data() + r.bytes().size());
  EXPECT_EQ(r.search(), "col");
  EXPECT_EQ(std::vector<std::uint8_t>(r.bytes().begin(), r.bytes().end()), bytes);
  const Record copy = r;
  EXPECT_EQ(copy.id(), "user-42");
  EXPECT_EQ(Record(2, "user-43", "", "col", bytes).id(), "user-43");  // kept beside them
}

TEST(Record, EmptyFieldsAndEmptyRecord) {
  const Record r(1, "x", "", "", {});
  EXPECT_EQ(r.id(), "x");
  EXPECT_TRUE(r.display().empty());
  EXPECT_TRUE(r.search().empty());
  EXPECT_TRUE(r.bytes().empty());
  const Record none;
  EXPECT_FALSE(none.holds());
  EXPECT_TRUE(none.id().empty());
}

TEST(Record, CopiesAreDeep) {
  Record a = make(3, "abc");
  Record b = a;
  EXPECT_NE(a.bytes().data(), b.bytes().data());
  a = make(4, "other");
  EXPECT_EQ(b.id(), "abc");
  EXPECT_EQ(b.version(), 3u);
  EXPECT_EQ(b.display(), "display abc");
}

TEST(RecordTable, IteratesInSequenceOrderSkippingErased) {
  RecordTable t;
  for (std::uint64_t s = 1; s <= 10; ++s) t.put(s, make(s, std::to_string(s)));
  t.erase(3);
  t.erase(4);
  t.erase(10);
  t.erase(99);  // not held: no effect
  EXPECT_EQ(t.size(), 7u);
  EXPECT_EQ(seqs(t), (std::vector<std::uint64_t>{1, 2, 5, 6, 7, 8, 9}));
  EXPECT_EQ(t.find(3), nullptr);
  ASSERT_NE(t.find(5), nullptr);
  EXPECT_EQ(t.find(5)->id(), "5");
}

TEST(RecordTable, ReplacingKeepsThePlaceAndTheCount) {
  RecordTable t;
  t.put(1, make(1, "a"));
  t.put(2, make(2, "b"));
  t.put(1, make(5, "a"));
  EXPECT_EQ(t.size(), 2u);
  EXPECT_EQ(t.find(1)->version(), 5u);
  EXPECT_EQ(seqs(t), (std::vector<std::uint64_t>{1, 2}));
}

TEST(RecordTable, BoundsAndBackwardStepsAcrossChunks) {
  RecordTable t;
  // Sequence numbers in three chunks of 4,096 slots, the middle chunk emptied by erases.
  for (std::uint64_t s : {5u, 4000u, 4100u, 4200u, 9000u}) t.put(s, make(s, std::to_string(s)));
  t.erase(4100);
  t.erase(4200);
  EXPECT_EQ(t.lower_bound(5).seq(), 5u);
  EXPECT_EQ(t.upper_bound(5).seq(), 4000u);
  EXPECT_EQ(t.upper_bound(4000).seq(), 9000u);
  EXPECT_EQ(t.lower_bound(9001), t.end());
  EXPECT_EQ(t.upper_bound(~std::uint64_t{0}), t.end());
  auto it = t.end();
  --it;
  EXPECT_EQ(it.seq(), 9000u);
  --it;
  EXPECT_EQ(it.seq(), 4000u);
  --it;
  EXPECT_EQ(it, t.begin());
  EXPECT_EQ(it.record().id(), "5");
  t.put(4300, make(4300, "back"));  // an emptied chunk is filled again
  EXPECT_EQ(seqs(t), (std::vector<std::uint64_t>{5, 4000, 4300, 9000}));
}

TEST(RecordTable, EmptyTable) {
  RecordTable t;
  EXPECT_EQ(t.begin(), t.end());
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(t.find(0), nullptr);
  EXPECT_EQ(t.upper_bound(3), t.end());
  t.put(1, make(1, "a"));
  t.erase(1);
  EXPECT_EQ(t.begin(), t.end());
  EXPECT_THROW(t.put(2, Record()), std::invalid_argument);
}

TEST(RecordTable, CopiesAreIndependent) {
  RecordTable a;
  a.put(1, make(1, "a"));
  RecordTable b = a;
  a.erase(1);
  b.put(2, make(2, "b"));
  EXPECT_EQ(a.size(), 0u);
  EXPECT_EQ(seqs(b), (std::vector<std::uint64_t>{1, 2}));
  EXPECT_EQ(b.find(1)->id(), "a");
}

}  // namespace
}  // namespace scim::store
