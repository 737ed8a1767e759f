// The default view written from the stored bytes (resource_view.hpp, default_view_text) against
// the tree path it replaces on GET: present() + engine::project() + dump, for resources written
// through the endpoints and for stored records the endpoints would never write (nulls, empty
// complex values, unknown members), so every rule of RFC 7643 §7 "returned" and of present()
// (meta.location, RFC 7643 §3.1; members/groups $ref, §4.1.2 and §4.2) is compared.
#include "scim/server/api/json_text.hpp"
#include "scim/server/endpoints/coded_names.hpp"
#include "scim/server/endpoints/resource_view.hpp"
#include "scim/server/store/memory_store.hpp"
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using json = nlohmann::json;

constexpr const char* kUserUrn = "urn:ietf:params:scim:schemas:core:2.0:User";
constexpr const char* kEnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

struct ViewFixture {
  Harness h;
  std::shared_ptr<store::ResourceStore> store = h.tenants.find("acme");
  ServiceConfig config;
  Request request;

  CodedNames names{h.registry};

  explicit ViewFixture(Registry registry = Registry::with_builtin())
      : h({}, {}, std::move(registry)) {
    request.base_url = testing::kBase;
  }

  // With the coded names' tables, as the Service gives them.
  Context ctx() const {
    return Context{h.registry, config, *store, nullptr, request, nullptr, nullptr, &names};
  }
  // Every name looked up by its text.
  Context ctx_by_name() const { return Context{h.registry, config, *store, nullptr, request}; }
  const ResourceType& type(const std::string& name) const {
    return *h.registry.find_resource_type(name);
  }

  // What the tree path answers for the default view.
  json tree(const std::string& type_name, const std::string& id) const {
    auto stored = store->get(type_name, id);
    EXPECT_TRUE(stored.ok());
    const auto& t = type(type_name);
    return engine::project(present(ctx(), t, std::move(stored->resource)), engine::Projection{},
                           h.registry, t);
  }

  // The text written from the bytes: valid JSON with no member twice (RFC 8259 §4, RFC 7644
  // §3.12's rules for request bodies applied to our own answer). The same bytes (or the same
  // refusal) whether coded names are looked up in the tables or by their text.
  std::optional<json> text(const std::string& type_name, const std::string& id) const {
    auto record = store->get_record(type_name, id);
    if (!record) return std::nullopt;  // the store keeps no such form: the tree path answers
    auto written = default_view_text(ctx(), type(type_name), *record);
    EXPECT_EQ(written, default_view_text(ctx_by_name(), type(type_name), *record));
    if (!written) return std::nullopt;
    auto parsed = parse_json_text(*written, 64);
    EXPECT_TRUE(parsed.ok()) << *written;
    return parsed.ok() ? std::optional<json>(*parsed) : std::nullopt;
  }

  // Stores `resource` as given (the store stamps meta; no validation).
  void put(const std::string& type_name, json resource) {
    auto created = store->create(type_name, std::move(resource));
    ASSERT_TRUE(created.ok()) << created.error().detail;
  }

  // The text written from the record of a user stored with `value` as its displayName.
  std::string written_with_display(const std::string& id, const std::string& value) {
    put("User", {{"id", id}, {"userName", id}, {"displayName", value}});
    auto record = store->get_record("User", id);
    EXPECT_TRUE(record);
    if (!record) return {};
    auto written = default_view_text(ctx(), type("User"), *record);
    EXPECT_TRUE(written);
    return written.value_or("");
  }

  void expect_same(const std::string& type_name, const std::string& id) const {
    auto written = text(type_name, id);
    ASSERT_TRUE(written.has_value());
    EXPECT_EQ(*written, tree(type_name, id)) << written->dump(1);
  }
};

TEST(DefaultViewText, AnEntraShapedUserInAGroupMatchesTheTreePath) {
  ViewFixture f;
  const auto manager = f.h.create_user("manager");
  const auto id = f.h.create_user(
      "bjensen@example.com",
      {{"schemas", {kUserUrn, kEnterpriseUrn}},
       {"externalId", "e-1"},
       {"name", {{"givenName", "Barbara"}, {"familyName", "Jensen"}, {"formatted", "B J"}}},
       {"displayName", "Babs \"the\" Jensen \u00e9\u4e2d"},
       {"active", true},
       {"emails",
        {{{"value", "b@example.com"}, {"type", "work"}, {"primary", true}},
         {{"value", "b@home.example.com"}, {"type", "home"}}}},
       {"phoneNumbers", {{{"value", "+1 555 0100"}, {"type", "work"}}}},
       {"addresses", {{{"streetAddress", "1 Main St\nSuite 2"}, {"type", "work"}}}},
       {"password", "t1meMachine!"},
       {kEnterpriseUrn,
        {{"employeeNumber", "701984"},
         {"department", "Tour Operations"},
         {"manager", {{"value", manager}}}}}});
  f.h.create_group("Tour Guides", {id});
  f.expect_same("User", id);
  auto written = f.text("User", id);
  ASSERT_TRUE(written);
  EXPECT_FALSE(written->contains("password"));  // returned: never (RFC 7643 §4.1.1)
  ASSERT_TRUE((*written)["groups"].is_array());
  EXPECT_TRUE((*written)["groups"][0].contains("$ref"));
  EXPECT_EQ((*written)["meta"]["location"], std::string(testing::kBase) + "/Users/" + id);
}

TEST(DefaultViewText, GroupsAndTheirMembersAnswerAsFromTheTree) {
  ViewFixture f;
  const auto a = f.h.create_user("a");
  const auto inner = f.h.create_group("inner", {a});
  const auto outer = f.h.create_group("outer", {a, inner});
  const auto empty = f.h.create_group("empty", {});
  f.expect_same("Group", empty);
  f.expect_same("User", a);  // direct and indirect groups, with their $ref
  // A group's members live beside its bytes (the store's member list): no stored form is
  // handed out, and GET answers from the tree, members with their $ref (RFC 7643 §4.2).
  EXPECT_FALSE(f.store->get_record("Group", outer).has_value());
  auto r = f.h.call("GET", "/Groups/" + outer);
  ASSERT_EQ(r.status, 200);
  const auto body = body_of(r);
  EXPECT_EQ(body, f.tree("Group", outer));
  ASSERT_EQ(body["members"].size(), 2u);
  for (const auto& m : body["members"]) EXPECT_TRUE(m.contains("$ref")) << m;
}

// The computed "groups" (RFC 7643 §4.1.2), written without a tree, byte for byte as the tree path
// dumps them: for a user in no group, in one, and in many direct and indirect ones, including a
// group without a display value and displays the serializer must escape or repair.
TEST(DefaultViewText, ComputedGroupsAreTheBytesTheTreePathDumps) {
  ViewFixture f;
  const auto none = f.h.create_user("in-no-group");
  const auto one = f.h.create_user("in-one-group");
  const auto many = f.h.create_user("in-many-groups");
  f.h.create_group("just \"one\"", {one});
  std::vector<std::string> direct;
  for (int i = 0; i < 12; ++i) {
    direct.push_back(f.h.create_group("direct \u00e9 " + std::to_string(i), {many}));
  }
  // Indirect, with a display only the store takes as it is (invalid UTF-8, repaired on output).
  f.put("Group", {{"id", "g-outer"},
                  {"displayName", "outer \\ \xff"},
                  {"members", {{{"value", direct[0]}}, {{"value", direct[5]}}}}});
  f.put("Group", {{"id", "g-no-display"}, {"members", {{{"value", many}}}}});  // no displayName
  for (const auto& id : {none, one, many}) {
    auto record = f.store->get_record("User", id);
    ASSERT_TRUE(record);
    auto written = default_view_text(f.ctx(), f.type("User"), *record);
    ASSERT_TRUE(written);
    const json tree = f.tree("User", id);
    if (id == none) {
      EXPECT_FALSE(tree.contains("groups"));
      EXPECT_EQ(written->find("\"groups\""), std::string::npos) << *written;
      continue;
    }
    const std::string groups =
        ",\"groups\":" + tree.at("groups").dump(-1, ' ', false, json::error_handler_t::replace) +
        "}";
    ASSERT_GE(written->size(), groups.size());
    EXPECT_EQ(written->substr(written->size() - groups.size()), groups) << *written;
  }
  EXPECT_EQ(f.tree("User", many)["groups"].size(), 14u);
}

// The computed "groups" as the store hands them to the writer (store::GroupRef) against the tree
// path, byte for byte, for a user in a direct group with a display name, one without, and one
// reached through a nested group (RFC 7643 §4.1.2 "type"), under schemas whose "groups" or its
// sub-attributes are not returned by default (RFC 7643 §7), or are spelt otherwise.
TEST(DefaultViewText, ComputedGroupsFollowTheSchemaAsTheTreePathDoes) {
  using Edit = std::function<void(Attribute&)>;
  const std::vector<std::pair<std::string, Edit>> edits = {
      {"as RFC 7643 defines it", [](Attribute&) {}},
      {"groups returned on request", [](Attribute& g) { g.returned = Returned::Request; }},
      {"display never returned",
       [](Attribute& g) {
         for (auto& sub : g.sub_attributes) {
           if (sub.name == "display") sub.returned = Returned::Never;
         }
       }},
      {"no $ref or type",
       [](Attribute& g) {
         std::erase_if(g.sub_attributes,
                       [](const Attribute& a) { return a.name != "value" && a.name != "display"; });
       }},
      {"no sub-attribute returned",
       [](Attribute& g) {
         for (auto& sub : g.sub_attributes) sub.returned = Returned::Never;
       }},
      {"spelt Groups", [](Attribute& g) { g.name = "Groups"; }},
  };
  for (const auto& [what, edit] : edits) {
    SCOPED_TRACE(what);
    Registry registry = Registry::with_builtin();
    ASSERT_TRUE(registry.edit_schema(kUserUrn, [&](Schema& s) {
      for (auto& a : s.attributes) {
        if (a.name == "groups") edit(a);
      }
    }));
    ViewFixture f(std::move(registry));
    const auto user = f.h.create_user("grouped");
    f.put("Group",
          {{"id", "g-direct"}, {"displayName", "Direct"}, {"members", {{{"value", user}}}}});
    f.put("Group", {{"id", "g-no-display"}, {"members", {{{"value", user}}}}});
    f.put("Group",
          {{"id", "g-outer"}, {"displayName", "Outer"}, {"members", {{{"value", "g-direct"}}}}});
    const json tree = f.tree("User", user);
    if (what == "as RFC 7643 defines it") {  // what both paths must give
      const std::string groups = std::string(testing::kBase) + "/Groups/";
      EXPECT_EQ(tree.at("groups"),
                json::parse(R"([{"$ref":")" + groups +
                            R"(g-direct","display":"Direct","type":"direct","value":"g-direct"},
                                {"$ref":")" +
                            groups + R"(g-no-display","type":"direct","value":"g-no-display"},
                                {"$ref":")" +
                            groups +
                            R"(g-outer","display":"Outer","type":"indirect","value":"g-outer"}])"));
    }
    f.expect_same("User", user);
    auto record = f.store->get_record("User", user);
    ASSERT_TRUE(record);
    auto written = default_view_text(f.ctx(), f.type("User"), *record);
    ASSERT_TRUE(written);
    const auto key = tree.contains("Groups") ? "Groups" : "groups";
    if (!tree.contains(key)) {
      EXPECT_EQ(written->find("roups\""), std::string::npos) << *written;
      continue;
    }
    const std::string groups = ",\"" + std::string(key) + "\":" + tree.at(key).dump() + "}";
    ASSERT_GE(written->size(), groups.size());
    EXPECT_EQ(written->substr(written->size() - groups.size()), groups) << *written;
  }
}

// A user's groups after one of its groups is deleted and after it is removed from the other: the
// store's membership filter forgets it (no "groups" at all then), and finds it again when it
// joins a group once more; each time the text is the tree path's.
TEST(DefaultViewText, GroupsAfterAGroupIsDeletedOrAMemberRemoved) {
  ViewFixture f;
  const auto user = f.h.create_user("joins-and-leaves");
  const auto first = f.h.create_group("first", {user});
  const auto second = f.h.create_group("second", {user});
  auto groups = [&]() {
    auto written = f.text("User", user);
    EXPECT_TRUE(written.has_value());
    return written && written->contains("groups") ? (*written)["groups"] : json();
  };
  EXPECT_EQ(groups().size(), 2u);
  f.expect_same("User", user);
  ASSERT_EQ(f.h.call("DELETE", "/Groups/" + first).status, 204);
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0]["value"], second);
  f.expect_same("User", user);
  auto removed = f.h.call_json(
      "PATCH", "/Groups/" + second,
      {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
       {"Operations", {{{"op", "remove"}, {"path", "members[value eq \"" + user + "\"]"}}}}});
  ASSERT_TRUE(removed.status == 200 || removed.status == 204) << removed.body;
  EXPECT_TRUE(groups().is_null());
  f.expect_same("User", user);
  const auto third = f.h.create_group("third", {user});
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0]["value"], third);
  f.expect_same("User", user);
}

TEST(DefaultViewText, RecordsTheEndpointsNeverWriteFollowTheSameRules) {
  ViewFixture f;
  f.put("User",
        {{"id", "u-odd"},
         {"schemas", {kUserUrn, kEnterpriseUrn}},
         {"userName", "odd"},
         {"nickName", nullptr},     // null: not returned
         {"name", json::object()},  // empty complex: vanishes
         {"emails", json::array({"not-an-object",
                                 json::object(),
                                 {{"value", nullptr}},
                                 {{"value", "x@example.com"}, {"bogus", 1}}})},
         {"phoneNumbers", json::array()},           // empty multi-valued complex: vanishes
         {"ims", "a string where objects belong"},  // complex given a scalar: dropped
         {"photos", {{"value", "https://p.example.com/1"}}},  // single object: kept, projected
         {"title", {{"nested", {1, 2.5, "three"}}}},          // simple attribute holding an object
         {"userType", json::array()},                         // simple attribute, empty array: kept
         {"unknownMember", "dropped"},
         {"urn:example:not:declared", {{"a", 1}}},
         {kEnterpriseUrn, {{"costCenter", nullptr}, {"unknown", 1}}},  // empties: vanishes
         {"locale", "tab\there \\ \u0001"},
         {"active", false}});
  f.expect_same("User", "u-odd");
  auto written = f.text("User", "u-odd");
  ASSERT_TRUE(written);
  EXPECT_FALSE(written->contains("nickName"));
  EXPECT_FALSE(written->contains("name"));
  EXPECT_FALSE(written->contains(kEnterpriseUrn));
  EXPECT_EQ((*written)["emails"], json::array({{{"value", "x@example.com"}}}));
}

// Strings are written as nlohmann's serializer writes them (RFC 8259 §7: the tree path's dump),
// byte for byte: printable ASCII straight from the record's bytes, anything else through the
// serializer (escapes, UTF-8 checked, invalid sequences replaced by U+FFFD).
TEST(DefaultViewText, WritesEveryStringAsTheSerializerDoes) {
  ViewFixture f;
  std::vector<std::string> values;
  for (int b = 0; b < 256; ++b) values.push_back("a" + std::string(1, char(b)) + "z");
  for (const char* v :
       {"", "plain ASCII, with / and ~", "quote \" and backslash \\", "caf\u00e9 \u4e2d \U0001F600",
        "\xc3", "\xc3\x28", "\xf0\x9f\x98", "\xc0\xaf", "\xed\xa0\x80", "\x7f\x80\xff"}) {
    values.emplace_back(v);
  }
  values.push_back(std::string(70000, 'x') + "\"");
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string id = "u-string-" + std::to_string(i);
    f.put("User", {{"id", id}, {"userName", id}, {"displayName", values[i]}});
    auto record = f.store->get_record("User", id);
    ASSERT_TRUE(record);
    auto written = default_view_text(f.ctx(), f.type("User"), *record);
    ASSERT_TRUE(written);
    const std::string expected =
        "\"displayName\":" + json(values[i]).dump(-1, ' ', false, json::error_handler_t::replace);
    EXPECT_NE(written->find(expected), std::string::npos) << i << ": " << *written;
  }
}

// The same in longer strings, which the writer checks eight bytes at a time: every byte value at
// the start, the middle and the end of a word and in the bytes after the last whole word.
TEST(DefaultViewText, WritesEveryByteOfALongStringAsTheSerializerDoes) {
  ViewFixture f;
  std::size_t n = 0;
  for (int b = 0; b < 256; ++b) {
    for (std::size_t at : {0, 3, 7, 8, 12, 15, 16, 19}) {
      std::string value(20, 'v');
      value[at] = char(b);
      const std::string id = "u-long-" + std::to_string(n++);
      f.put("User", {{"id", id}, {"userName", id}, {"displayName", value}});
      auto record = f.store->get_record("User", id);
      ASSERT_TRUE(record);
      auto written = default_view_text(f.ctx(), f.type("User"), *record);
      ASSERT_TRUE(written);
      const std::string expected =
          "\"displayName\":" + json(value).dump(-1, ' ', false, json::error_handler_t::replace);
      EXPECT_NE(written->find(expected), std::string::npos)
          << b << " at " << at << ": " << *written;
    }
  }
}

// Short strings, and the bytes after a string's last whole word, which the writer checks in
// words that overlap ones checked already: every length up to 17, with a byte the serializer
// escapes or checks as UTF-8 (and the printable ASCII beside those) at every position.
TEST(DefaultViewText, WritesEveryByteOfAShortStringAsTheSerializerDoes) {
  ViewFixture f;
  std::size_t n = 0;
  for (std::size_t length = 1; length <= 17; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (int b : {0x00, 0x1F, 0x20, 0x22, 0x5C, 0x7E, 0x7F, 0x80, 0xFF}) {  // 0x22 '"', 0x5C '\\'
        std::string value(length, 'v');
        value[at] = char(b);
        const auto written = f.written_with_display("u-short-" + std::to_string(n++), value);
        EXPECT_NE(written.find("\"displayName\":" +
                               json(value).dump(-1, ' ', false, json::error_handler_t::replace)),
                  std::string::npos)
            << b << " at " << at << " of " << length << ": " << written;
      }
    }
  }
}

TEST(DefaultViewText, NullSchemasIsReturnedAsStored) {
  ViewFixture f;
  f.put("User", {{"id", "u-null-schemas"}, {"schemas", nullptr}, {"userName", "n"}});
  f.expect_same("User", "u-null-schemas");
}

TEST(DefaultViewText, DeclinesWhatOnlyTheTreePathPresents) {
  ViewFixture f;
  // RFC 7643 §2.1: a member stored under another spelling is answered under the schema's.
  f.put("User", {{"id", "u-case"}, {"schemas", {kUserUrn}}, {"UserName", "x"}});
  EXPECT_FALSE(f.text("User", "u-case").has_value());
  f.put("User", {{"id", "u-schemas-case"}, {"Schemas", {kUserUrn}}, {"userName", "y"}});
  EXPECT_FALSE(f.text("User", "u-schemas-case").has_value());
  // GET then answers from the tree: the same body as before this path existed.
  for (const char* id : {"u-case", "u-schemas-case"}) {
    auto r = f.h.call("GET", std::string("/Users/") + id);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_of(r), f.tree("User", id));
  }
}

TEST(DefaultViewText, GetAnswersTheSameBodyEtagAndNotModified) {
  Harness h;
  const auto id = h.create_user("bjensen", {{"title", "Tour Guide"}});
  auto fast = h.call("GET", "/Users/" + id);
  ASSERT_EQ(fast.status, 200);
  // excludedAttributes naming nothing returned by default takes the tree path.
  auto tree = h.call("GET", "/Users/" + id, "", {}, {{"excludedAttributes", "password"}});
  ASSERT_EQ(tree.status, 200);
  EXPECT_EQ(body_of(fast), body_of(tree));
  ASSERT_TRUE(fast.header("ETag"));
  EXPECT_EQ(*fast.header("ETag"), *tree.header("ETag"));
  EXPECT_EQ(*fast.header("Content-Type"), "application/scim+json");
  auto again = h.call("GET", "/Users/" + id, "", {{"if-none-match", *fast.header("ETag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(h.call("GET", "/Users/no-such-id").status, 404);
}

}  // namespace
}  // namespace scim::server
