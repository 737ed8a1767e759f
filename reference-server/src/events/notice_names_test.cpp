// The notice's attribute names (RFC 9967 §2.4 "attributes") as the per-type cache serves them:
// always the names notice_attributes makes for that very write, whatever wrote before it.
#include "scim/server/events/notice_names.hpp"

#include <gtest/gtest.h>

#include "scim/protocol/urns.hpp"
#include "scim/server/events/set_builder.hpp"

namespace scim::events {
namespace {

using Kind = server::WriteEvent::Kind;

server::WriteEvent write_of(Kind kind, std::string type, nlohmann::json resource) {
  server::WriteEvent e;
  e.kind = kind;
  e.tenant = "t1";
  e.resource_type = std::move(type);
  e.id = "2819c223";
  e.location = "https://example.com/scim/v2/" + e.resource_type + "s/2819c223";
  e.resource = std::move(resource);
  e.txn = "txn-1";
  return e;
}

server::WriteEvent user(Kind kind, nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json r = {{"schemas", {urn::kUser}},
                      {"id", "2819c223"},
                      {"userName", "bjensen"},
                      {"name", {{"givenName", "Barbara"}}},
                      {"meta", {{"resourceType", "User"}}}};
  r.update(extra);
  return write_of(kind, "User", std::move(r));
}

server::WriteEvent group() {
  return write_of(Kind::Create, "Group",
                  {{"schemas", {urn::kGroup}},
                   {"id", "2819c223"},
                   {"displayName", "Tour Guides"},
                   {"members", nlohmann::json::array()}});
}

using Names = std::vector<std::string>;

TEST(NoticeNames, ListsWhatNoticeAttributesListsForEachWrite) {
  NoticeNames names;
  EXPECT_EQ(*names.of(user(Kind::Create)), (Names{"id", "name", "userName"}));
  EXPECT_EQ(*names.of(group()), (Names{"displayName", "id", "members"}));
  EXPECT_EQ(*names.of(user(Kind::Create)), (Names{"id", "name", "userName"}));
  // Figure 9: a put of the same type does not list "id"; a create after it still does.
  EXPECT_EQ(*names.of(user(Kind::Put)), (Names{"name", "userName"}));
  EXPECT_EQ(*names.of(user(Kind::Create)), (Names{"id", "name", "userName"}));
}

TEST(NoticeNames, AWriteOfAnotherShapeIsNotServedTheCachedList) {
  NoticeNames names;
  ASSERT_EQ(*names.of(user(Kind::Create)), (Names{"id", "name", "userName"}));
  EXPECT_EQ(*names.of(user(Kind::Create, {{"title", "Tour Guide"}})),
            (Names{"id", "name", "title", "userName"}));
  auto fewer = user(Kind::Create);
  fewer.resource.erase("name");
  EXPECT_EQ(*names.of(fewer), (Names{"id", "userName"}));
  // Names equal without case are listed once (the first in key order), as before the cache.
  const auto twice = user(Kind::Create, {{"USERNAME", "bjensen"}});
  EXPECT_EQ(*names.of(twice), (Names{"USERNAME", "id", "name"}));
  EXPECT_EQ(*names.of(twice), notice_attributes(twice));
}

TEST(NoticeNames, WritesOfOneShapeShareOneList) {
  NoticeNames names;
  const auto first = names.of(user(Kind::Create));
  EXPECT_EQ(names.of(user(Kind::Create)), first);  // the same list, not a copy
  EXPECT_NE(names.of(user(Kind::Put)), first);
}

TEST(NoticeNames, MoreTypesThanSlotsStillListTheirOwnNames) {
  NoticeNames names;
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < NoticeNames::kMaxSlots + 8; ++i) {
      const std::string attr = "attr" + std::to_string(i);
      const auto e = write_of(Kind::Create, "Type" + std::to_string(i), {{attr, 1}, {"id", "x"}});
      EXPECT_EQ(*names.of(e), (Names{attr, "id"}));
    }
  }
}

TEST(NoticeNames, PatchListsItsOperationsEveryTime) {
  NoticeNames names;
  auto patch = user(Kind::Patch);
  patch.patch_ops = {{{"op", "replace"}, {"path", "active"}, {"value", false}}};
  EXPECT_EQ(*names.of(patch), (Names{"active"}));
  patch.patch_ops = {{{"op", "add"}, {"value", {{"title", "x"}, {"nickName", "y"}}}}};
  EXPECT_EQ(*names.of(patch), (Names{"nickName", "title"}));
}

// The bytes of a User's notice SET from a builder that first wrote a Group (its cache warmed by
// another type) are those from a fresh builder.
TEST(NoticeNames, SetBytesAfterAnotherTypeWarmedTheCache) {
  const auto builder = [] {
    return SetBuilder([] { return std::chrono::system_clock::time_point{std::chrono::seconds{1}}; },
                      [] { return std::string("jti-1"); });
  };
  const SetContext ctx{"https://example.com", {"https://example.com/Feeds/f"}, PayloadMode::Notice};
  const auto warm = builder();
  warm.for_write(group(), ctx);
  warm.for_write(user(Kind::Create, {{"title", "x"}}), ctx);
  const auto fresh = builder();
  const auto sets = warm.for_write(user(Kind::Create), ctx);
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0].dump(), fresh.for_write(user(Kind::Create), ctx)[0].dump());
  EXPECT_EQ(sets[0]["events"][std::string(urn::event::kCreateNotice)]["attributes"],
            nlohmann::json({"id", "name", "userName"}));
}

}  // namespace
}  // namespace scim::events
