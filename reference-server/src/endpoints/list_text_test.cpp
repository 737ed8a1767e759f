// ListResponse pages written from the stored bytes (list_text.cpp) against the tree path they
// replace (store query(), present(), engine::project(), dump): the same JSON for unfiltered pages
// and for a single indexed `eq` (RFC 7644 §3.4.2, §3.4.2.2, §3.4.2.4), with userName compared
// case-insensitively (RFC 7643 §4.1.1 caseExact false) and every index candidate confirmed.
#include "scim/protocol/urns.hpp"
#include "scim/server/endpoints/device_types.hpp"
#include "scim/server/endpoints/list.hpp"
#include "scim/server/endpoints/resource_view.hpp"
#include "scim/server/endpoints/resources.hpp"
#include "scim/server/store/memory_store.hpp"
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using json = nlohmann::json;

// The tenant's store, counting which listing path a request took. With `collide`, list_records
// answers every lookup with every resource of the type, as if all their index keys shared one
// hash: each candidate must then be confirmed against the filter.
class SpyStore final : public store::ResourceStore {
 public:
  explicit SpyStore(store::ResourceStore& inner) : inner_(inner) {}

  Result<store::StoredResource> get(std::string_view type, std::string_view id) const override {
    ++gets;
    return inner_.get(type, id);
  }
  std::optional<store::StoredRecord> get_record(std::string_view type,
                                                std::string_view id) const override {
    return inner_.get_record(type, id);
  }
  std::optional<std::string> type_of(std::string_view id) const override {
    return inner_.type_of(id);
  }
  Result<store::WriteOutcome> create(std::string_view type, json resource) override {
    return inner_.create(type, std::move(resource));
  }
  Result<store::WriteOutcome> replace(std::string_view type, std::string_view id, json resource,
                                      std::optional<std::uint64_t> expected) override {
    return inner_.replace(type, id, std::move(resource), expected);
  }
  Result<store::WriteOutcome> remove(std::string_view type, std::string_view id,
                                     std::optional<std::uint64_t> expected) override {
    return inner_.remove(type, id, expected);
  }
  bool holds_members(std::string_view type) const override { return inner_.holds_members(type); }
  Result<store::MemberEditOutcome> edit_members(std::string_view type, std::string_view id,
                                                const store::MemberEditStep& step,
                                                bool with_members) override {
    return inner_.edit_members(type, id, step, with_members);
  }
  Result<store::QueryResult> query(std::string_view type, const store::Query& q) const override {
    ++queries;
    return inner_.query(type, q);
  }
  std::optional<store::RecordListing> list_records(std::string_view type,
                                                   const store::RecordQuery& q) const override {
    ++listings;
    if (!collide || !q.lookup) return inner_.list_records(type, q);
    store::RecordQuery all;
    all.limit = q.limit;
    return inner_.list_records(type, all);
  }
  std::size_t size(std::string_view type) const override { return inner_.size(type); }

  bool collide = false;
  mutable int queries = 0;
  mutable int listings = 0;
  mutable int gets = 0;

 private:
  store::ResourceStore& inner_;
};

struct ListTextFixture {
  Harness h;
  SpyStore spy{*h.tenants.find("acme")};
  ServiceConfig config;
  Request request;
  std::string last_body;  // the raw text of the last list()

  ListTextFixture() { request.base_url = testing::kBase; }

  json list(const std::string& type, ListParams params) {
    const Context ctx{h.registry, config, spy, nullptr, request};
    auto r = list_resources(ctx, *h.registry.find_resource_type(type), params);
    EXPECT_EQ(r.status, 200) << r.body;
    last_body = r.body;
    return body_of(r);
  }

  // The envelope of a page's text: what comes before and after its resources' texts.
  static std::pair<std::string, std::string> envelope_of(const std::string& body) {
    const auto end = body.rfind("],\"itemsPerPage\":");
    EXPECT_NE(end, std::string::npos) << body;
    if (end == std::string::npos) return {};
    return {body.substr(0, std::string_view("{\"Resources\":[").size()), body.substr(end)};
  }

  // The page from the stored bytes (and that it was written so: no store query()) equals the
  // tree path's: the same request with excludedAttributes naming what no listed resource shows
  // (a user's password is returned "never", RFC 7643 §4.1.1; these groups have no externalId),
  // which removes nothing from the default view but takes the tree path.
  json expect_same(const std::string& type, ListParams params) {
    spy.queries = 0;
    const json text = list(type, params);
    const std::string text_body = last_body;
    EXPECT_EQ(spy.queries, 0) << "the page was not written from the stored bytes";
    params.excluded_attributes = type == "User" ? "password" : "externalId";
    const json tree = list(type, params);
    EXPECT_GT(spy.queries, 0);
    EXPECT_EQ(text, tree) << text.dump(1) << "\n---\n" << tree.dump(1);
    // The envelope byte for byte as the tree path dumps it (RFC 7644 §3.4.2 Figure 3's members).
    EXPECT_EQ(envelope_of(text_body), envelope_of(last_body));
    EXPECT_EQ(envelope_of(text_body).first, "{\"Resources\":[");
    return text;
  }

  std::string entra_user(int n) {
    const std::string name = "User.Number" + std::to_string(n) + "@contoso.example";
    return h.create_user(
        name, {{"schemas", {std::string(urn::kUser), std::string(urn::kEnterpriseUser)}},
               {"externalId", "ext-" + std::to_string(n)},
               {"name", {{"givenName", "Given"}, {"familyName", "Family " + std::to_string(n)}}},
               {"displayName", "Given \"Family\" " + std::to_string(n) + " \u00e9"},
               {"active", n % 2 == 0},
               {"emails", {{{"value", name}, {"type", "work"}, {"primary", true}}}},
               {"phoneNumbers", {{{"value", "+1 555 010" + std::to_string(n)}, {"type", "work"}}}},
               {"password", "t1meMachine!"},
               {std::string(urn::kEnterpriseUser),
                {{"employeeNumber", std::to_string(7000 + n)}, {"department", "Sales"}}}});
  }
};

ListParams filtered_by(const std::string& text) {
  ListParams p;
  p.filter = text;
  return p;
}

TEST(ListText, AnEntraShapedUserInGroupsByUserNameIsTheTreePathsAnswer) {
  ListTextFixture f;
  std::vector<std::string> ids;
  for (int n = 0; n < 5; ++n) ids.push_back(f.entra_user(n));
  const auto inner = f.h.create_group("inner", {ids[2]});
  f.h.create_group("outer", {ids[2], inner});
  auto body = f.expect_same("User", filtered_by("userName eq \"User.Number2@contoso.example\""));
  EXPECT_EQ(body["totalResults"], 1);
  EXPECT_EQ(body["itemsPerPage"], 1);
  EXPECT_EQ(body["startIndex"], 1);
  EXPECT_EQ(body["schemas"], json::array({std::string(urn::kListResponse)}));
  ASSERT_EQ(body["Resources"].size(), 1u);
  const auto& user = body["Resources"][0];
  EXPECT_EQ(user["id"], ids[2]);
  EXPECT_FALSE(user.contains("password"));  // returned: never (RFC 7643 §4.1.1)
  ASSERT_EQ(user["groups"].size(), 2u);     // direct and indirect, with $ref (RFC 7643 §4.1.2)
  EXPECT_TRUE(user["groups"][0].contains("$ref"));
  EXPECT_EQ(user["meta"]["location"], std::string(testing::kBase) + "/Users/" + ids[2]);
  // id and externalId are indexed too (RFC 7643 §3.1); externalId is caseExact.
  f.expect_same("User", filtered_by("id eq \"" + ids[3] + "\""));
  EXPECT_EQ(f.expect_same("User", filtered_by("externalId eq \"ext-4\""))["totalResults"], 1);
  EXPECT_EQ(f.expect_same("User", filtered_by("externalId eq \"EXT-4\""))["totalResults"], 0);
}

TEST(ListText, UserNameIsComparedWithoutCase) {
  // RFC 7643 §4.1.1: userName is caseExact false; RFC 7644 §3.4.2.2: eq then ignores case.
  ListTextFixture f;
  const auto id = f.h.create_user("BJensen@Example.com");
  auto body = f.expect_same("User", filtered_by("userName eq \"bjensen@example.COM\""));
  ASSERT_EQ(body["totalResults"], 1);
  EXPECT_EQ(body["Resources"][0]["id"], id);
  EXPECT_EQ(body["Resources"][0]["userName"], "BJensen@Example.com");
  // Spelt attribute names are case-insensitive too (RFC 7643 §2.1).
  EXPECT_EQ(
      f.expect_same("User", filtered_by("USERNAME EQ \"BJENSEN@EXAMPLE.COM\""))["totalResults"], 1);
}

TEST(ListText, NoMatchIsAnEmptyListResponse) {
  ListTextFixture f;
  f.entra_user(1);
  auto body = f.expect_same("User", filtered_by("userName eq \"nobody\""));
  EXPECT_EQ(body["totalResults"], 0);
  EXPECT_EQ(body["itemsPerPage"], 0);
  EXPECT_EQ(body["Resources"], json::array());
  EXPECT_EQ(f.expect_same("User", filtered_by("id eq \"no-such-id\""))["totalResults"], 0);
}

TEST(ListText, EveryIndexCandidateIsConfirmed) {
  // A hash index (type_table.hpp) can name a resource whose value only shares the key's hash;
  // the spy makes every user a candidate of every lookup, so only confirming each one against
  // the filter gives the right answer.
  ListTextFixture f;
  for (int n = 0; n < 4; ++n) f.entra_user(n);
  f.h.create_user("user.number1@contoso.example.org");  // contains the literal, differs
  f.spy.collide = true;
  auto body = f.expect_same("User", filtered_by("userName eq \"USER.NUMBER1@contoso.example\""));
  ASSERT_EQ(body["totalResults"], 1);
  EXPECT_EQ(body["Resources"][0]["userName"], "User.Number1@contoso.example");
  EXPECT_EQ(f.expect_same("User", filtered_by("externalId eq \"ext-3\""))["totalResults"], 1);
  EXPECT_EQ(f.expect_same("User", filtered_by("userName eq \"absent\""))["totalResults"], 0);
  EXPECT_GT(f.spy.listings, 0);
}

TEST(ListText, UnfilteredPagesAndTheirWindows) {
  // RFC 7644 §3.4.2.4: startIndex is 1-based, count caps the page, totalResults counts all.
  ListTextFixture f;
  for (int n = 0; n < 7; ++n) f.entra_user(n);
  auto all = f.expect_same("User", {});
  EXPECT_EQ(all["totalResults"], 7);
  EXPECT_EQ(all["Resources"].size(), 7u);
  ListParams page;
  page.start_index = "3";
  page.count = "2";
  auto body = f.expect_same("User", page);
  EXPECT_EQ(body["totalResults"], 7);
  EXPECT_EQ(body["startIndex"], 3);
  EXPECT_EQ(body["itemsPerPage"], 2);
  ASSERT_EQ(body["Resources"].size(), 2u);
  EXPECT_EQ(body["Resources"][0], all["Resources"][2]);
  page.start_index = "7";
  page.count = "5";
  EXPECT_EQ(f.expect_same("User", page)["itemsPerPage"], 1);
  page.start_index = "20";
  EXPECT_EQ(f.expect_same("User", page)["Resources"], json::array());
  page.start_index = "0";  // below 1: treated as 1
  page.count = "0";        // RFC 7644 §3.4.2.4: no resources, the total only
  body = f.expect_same("User", page);
  EXPECT_EQ(body["totalResults"], 7);
  EXPECT_EQ(body["itemsPerPage"], 0);
}

TEST(ListText, FilteredPagesCountEveryMatch) {
  ListTextFixture f;
  f.h.create_user("alice");
  ListParams p = filtered_by("userName eq \"ALICE\"");
  p.start_index = "2";
  auto body = f.expect_same("User", p);
  EXPECT_EQ(body["totalResults"], 1);
  EXPECT_EQ(body["Resources"], json::array());
  p.start_index = "1";
  p.count = "0";
  body = f.expect_same("User", p);
  EXPECT_EQ(body["totalResults"], 1);
  EXPECT_EQ(body["itemsPerPage"], 0);
}

TEST(ListText, RecordsTheWriterDeclinesAnswerFromTheTree) {
  ListTextFixture f;
  f.entra_user(1);
  auto& store = *f.h.tenants.find("acme");
  // RFC 7643 §2.1: "Schemas" is answered as "schemas" (the tree path renames it); an
  // EndpointApp extension's references (RFC 9944 §7.6) are the tree path's too.
  ASSERT_TRUE(store
                  .create("User", {{"id", "u-spelt"},
                                   {"Schemas", {std::string(urn::kUser)}},
                                   {"userName", "spelt"}})
                  .ok());
  ASSERT_TRUE(store
                  .create("User", {{"id", "u-apps"},
                                   {"schemas", {std::string(urn::kUser)}},
                                   {"userName", "apps"},
                                   {std::string(kEndpointAppsExtension),
                                    {{"applications", {{{"value", "app-1"}}}}}}})
                  .ok());
  f.entra_user(2);
  auto all = f.expect_same("User", {});
  EXPECT_EQ(all["totalResults"], 4);
  EXPECT_EQ(all["Resources"][1]["schemas"], json::array({std::string(urn::kUser)}));
  EXPECT_EQ(f.expect_same("User", filtered_by("userName eq \"SPELT\""))["totalResults"], 1);
  EXPECT_EQ(f.expect_same("User", filtered_by("userName eq \"apps\""))["totalResults"], 1);
}

// GET /Users/{id} of a record the writer declines answers the tree path's body from the record
// it already read (one read of the store: the version of the 304 check is the body's).
TEST(ListText, AGetTheWriterDeclinesReadsTheStoreOnce) {
  ListTextFixture f;
  auto& store = *f.h.tenants.find("acme");
  ASSERT_TRUE(store
                  .create("User", {{"id", "u-spelt"},
                                   {"Schemas", {std::string(urn::kUser)}},
                                   {"userName", "spelt"}})
                  .ok());
  const Context ctx{f.h.registry, f.config, f.spy, nullptr, f.request};
  const auto& type = *f.h.registry.find_resource_type("User");
  auto r = get_resource(ctx, type, "u-spelt");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(f.spy.gets, 0);
  const json expected = engine::project(present(ctx, type, store.get("User", "u-spelt")->resource),
                                        engine::Projection{}, f.h.registry, type);
  EXPECT_EQ(body_of(r), expected);
  EXPECT_EQ(body_of(r)["schemas"], json::array({std::string(urn::kUser)}));
  ASSERT_TRUE(r.header("ETag"));
  EXPECT_EQ(*r.header("ETag"), store.get("User", "u-spelt")->etag());
}

TEST(ListText, GroupsWithMembersComeFromTheTree) {
  // A group's members are kept beside its bytes (store.md "Member sets"): such a group is listed
  // decoded, with the members' $ref (RFC 7643 §4.2); an empty group is written from its bytes.
  ListTextFixture f;
  const auto a = f.entra_user(1);
  const auto b = f.entra_user(2);
  f.h.create_group("Sales", {a, b});
  f.h.create_group("Empty", {});
  auto all = f.expect_same("Group", {});
  ASSERT_EQ(all["totalResults"], 2);
  EXPECT_TRUE(all["Resources"][0]["members"][0].contains("$ref"));
  // RFC 7643 §4.2: a group's displayName is indexed and caseExact false.
  EXPECT_EQ(f.expect_same("Group", filtered_by("displayName eq \"sales\""))["totalResults"], 1);
  EXPECT_EQ(f.expect_same("Group", filtered_by("displayName eq \"EMPTY\""))["totalResults"], 1);
}

TEST(ListText, OtherQueriesTakeTheTreePath) {
  ListTextFixture f;
  f.h.create_user("alice", {{"title", "Engineer"}});
  auto tree_only = [&](ListParams p) {
    f.spy.queries = 0;
    f.spy.listings = 0;
    f.list("User", std::move(p));
    EXPECT_EQ(f.spy.listings, 0);
    EXPECT_GT(f.spy.queries, 0);
  };
  tree_only(filtered_by("title eq \"Engineer\""));  // no index
  tree_only(
      filtered_by("userName eq \"alice\" and active eq true"));  // more than the index decides
  tree_only(filtered_by("userName sw \"al\""));                  // not an equality
  tree_only(filtered_by("meta.lastModified gt \"2000-01-01T00:00:00Z\""));  // a range
  ListParams sorted;
  sorted.sort_by = "userName";
  tree_only(sorted);
  ListParams projected;
  projected.attributes = "userName";
  tree_only(projected);
}

TEST(ListText, TheWalkCapturesOneMemberAsStored) {
  ListTextFixture f;
  auto& store = *f.h.tenants.find("acme");
  ASSERT_TRUE(store
                  .create("User", {{"id", "u-1"},
                                   {"schemas", {std::string(urn::kUser)}},
                                   {"userName", "Babs"},
                                   {"title", nullptr},
                                   {"name", {{"givenName", "B"}}}})
                  .ok());
  auto record = store.get_record("User", "u-1");
  ASSERT_TRUE(record);
  const Context ctx{f.h.registry, f.config, store, nullptr, f.request};
  const auto& type = *f.h.registry.find_resource_type("User");
  auto captured = [&](std::string_view name) {
    MemberCapture c{name};
    EXPECT_TRUE(default_view_text(ctx, type, *record, &c));
    return c;
  };
  auto user_name = captured("USERNAME");  // as the filter engine reads members: any case
  EXPECT_TRUE(user_name.found);
  EXPECT_TRUE(user_name.scalar);
  EXPECT_EQ(user_name.value, "Babs");
  auto title = captured("title");  // a null is captured though the view drops it
  EXPECT_TRUE(title.found);
  EXPECT_TRUE(title.value.is_null());
  EXPECT_FALSE(captured("name").scalar);  // an object: not captured
  EXPECT_FALSE(captured("nickName").found);
}

}  // namespace
}  // namespace scim::server
