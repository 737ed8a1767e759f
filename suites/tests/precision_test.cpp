// Issue 13, "judge precision": one test (or more) per defect class, each running real catalog
// checks against a scripted target that is conformant but minimal or picky in the way real
// servers are. Classes 6 (runner cascades) and 7 (required attributes in fixtures) are also
// covered in conformance/tests (runner_test.cpp, fixture_body_test.cpp).
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "fake_target.hpp"
#include "scim/conformance/catalog.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/suites.hpp"

namespace scim::suites::testing {
namespace {

using conf::Outcome;
using nlohmann::json;

std::string decoded(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

json list_of(const std::vector<json>& resources) {
  return {{"schemas", {std::string(urn::kListResponse)}},
          {"totalResults", resources.size()},
          {"Resources", resources}};
}

// A small conformant store of Users that keeps only the attributes in `kept` (a provider that
// ignores the rest, RFC 7644 §3.3) and answers `name.familyName eq "..."` case-exactly.
struct Store {
  std::vector<std::string> kept;
  std::map<std::string, json> users{};
  int next = 0;

  json keep(const json& body, const std::string& id) const {
    json out = {{"schemas", body.value("schemas", json::array())}, {"id", id}};
    for (auto it = body.begin(); it != body.end(); ++it)
      if (std::find(kept.begin(), kept.end(), it.key()) != kept.end()) out[it.key()] = *it;
    out["meta"] = {{"resourceType", "User"}, {"created", "2026-01-01T00:00:00Z"}};
    return out;
  }

  conf::HttpResponse operator()(const std::string& method, const std::string& path,
                                const json& body) {
    if (method == "POST" && path == "/Users") {
      const std::string id = "u" + std::to_string(++next);
      users[id] = keep(body, id);
      return answer(201, users[id]);
    }
    if (path.rfind("/Users?filter=", 0) == 0) {
      static const std::regex family(R"re(^name\.familyName eq "(.*)"$)re");
      std::smatch m;
      const std::string filter = decoded(path.substr(14));
      std::vector<json> found;
      if (std::regex_match(filter, m, family))
        for (auto& [id, u] : users)
          if (u.contains("name") && u["name"].value("familyName", "") == m[1].str())
            found.push_back(u);
      return answer(200, list_of(found));
    }
    if (path.rfind("/Users/", 0) == 0) {
      const std::string id = path.substr(7);
      if (!users.count(id)) return scim_error(404);
      if (method == "PUT") users[id] = keep(body, id);
      return answer(200, users[id]);
    }
    return scim_error(404);
  }
};

json rfc_user_schema_list(const std::vector<std::string>& attributes) {
  return {{"Resources", {FakeTarget::user_schema_with(attributes)}}};
}

// ---- Class 1: fixtures assume optional attributes are stored.

TEST(PrecisionClass1, PutValueStoredUsesWhatTheTargetDefines) {
  Store store{{"userName", "active"}};
  FakeTarget target(std::ref(store), rfc_user_schema_list({"active"}));
  const auto end = run_check("rfc7644/3.5.1/put-value-stored", target);
  EXPECT_EQ(end.outcome, Outcome::Passed) << end.message;
  for (const auto& [id, u] : store.users) EXPECT_FALSE(u.contains("nickName"));
}

TEST(PrecisionClass1, AnOptionalAttributeTheTargetDropsIsASkipNotAFailure) {
  Store store{{"userName", "active", "name", "emails", "externalId"}};  // drops nickName
  FakeTarget target(std::ref(store),
                    rfc_user_schema_list({"nickName", "active", "name", "emails"}));
  const auto end = run_check("rfc7644/3.4.2.2/pr-matches-present-value", target);
  EXPECT_EQ(end.outcome, Outcome::Skipped);
  EXPECT_EQ(end.message.rfind("target does not store User.nickName", 0), 0u) << end.message;
}

TEST(PrecisionClass1, AnUndefinedOptionalAttributeIsASkip) {
  Store store{{"userName"}};
  FakeTarget target(std::ref(store), rfc_user_schema_list({}));
  const auto end = run_check("rfc7643/4.1.2/groups-reflect-membership", target);
  EXPECT_EQ(end.outcome, Outcome::Skipped);
  EXPECT_EQ(end.message.rfind("target does not define User.groups", 0), 0u) << end.message;
  EXPECT_TRUE(target.requests.empty()) << "decided from the schema, without creating anything";
}

// ---- Class 2: a characteristic is judged only where the schema defines the attribute.

TEST(PrecisionClass2, CharacteristicsOfUndefinedAttributesSkipButUserNameIsRequired) {
  json schema = FakeTarget::user_schema_with({"active"});
  auto by_urn = [&](const std::string&, const std::string& path, const json&) {
    return path == "/Schemas/" + std::string(urn::kUser) ? answer(200, schema) : scim_error(404);
  };
  FakeTarget target(by_urn, json{{"Resources", {schema}}});
  auto end = run_check("rfc7643/4.1.1/user-password-write-only", target);
  EXPECT_EQ(end.outcome, Outcome::Skipped);
  EXPECT_NE(end.message.find("does not define User.password"), std::string::npos);
  EXPECT_EQ(run_check("rfc7643/4.1.2/user-groups-read-only", target).outcome, Outcome::Skipped);
  EXPECT_EQ(run_check("rfc7643/4.1.1/user-username-required", target).outcome, Outcome::Passed);
  schema["attributes"] = json::array();  // no userName at all: that one is REQUIRED
  EXPECT_EQ(run_check("rfc7643/4.1.1/user-username-required", target).outcome, Outcome::Failed);
}

// ---- Class 3: MUST where the RFC says SHOULD or MAY.

TEST(PrecisionClass3, OptionalFeaturesAnsweredAsTheRfcAllowsAreSkips) {
  auto handler = [](const std::string& method, const std::string& path, const json&) {
    if (path == "/Me") return scim_error(404);
    if (path == "/.search") return scim_error(501);
    if (method == "POST" && path == "/Groups")  // no referential integrity: accepted
      return answer(201, {{"id", "g1"}, {"displayName", "x"}});
    if (method == "POST" && path == "/Users") return answer(201, {{"id", "u1"}, {"userName", "u"}});
    return scim_error(404);
  };
  FakeTarget target(handler, rfc_user_schema_list({}));
  target.mutable_caps().schemas = conf::TargetSchemas::rfc7643();
  EXPECT_EQ(run_check("rfc7644/3.11/me-answers-one-of-three-ways", target).outcome,
            Outcome::Skipped);
  EXPECT_EQ(run_check("rfc7644/3.4.2.1/root-query-spans-types", target).outcome, Outcome::Skipped);
  const auto member = run_check("rfc7644/3.12/unknown-member-invalid-value", target);
  EXPECT_EQ(member.outcome, Outcome::Skipped);
  EXPECT_NE(member.message.find("referential integrity"), std::string::npos);
}

// RFC 7644 §2.2: a provider MAY accept an anonymous create (self-registration); a GET of the
// collection without credentials must still be refused.
TEST(PrecisionClass3, AnAnonymousCreateIsASkipButAnAnonymousListIsNot) {
  auto open_door = [](const std::string& method, const std::string& path, const json&) {
    if (method == "POST" && path == "/Users") return answer(201, {{"id", "u1"}, {"userName", "a"}});
    if (method == "GET" && path == "/Users") return answer(200, list_of({}));
    return scim_error(404);
  };
  FakeTarget target(open_door, rfc_user_schema_list({}));
  const auto post = run_check("rfc7644/2/post-users-without-credentials-401", target);
  EXPECT_EQ(post.outcome, Outcome::Skipped);
  EXPECT_NE(post.message.find("RFC 7644 §2.2"), std::string::npos) << post.message;
  EXPECT_EQ(run_check("rfc7644/2/get-users-without-credentials-401", target).outcome,
            Outcome::Failed);
}

TEST(PrecisionClass3, LevelsFollowTheSentences) {
  conf::Catalog catalog;
  register_all(catalog);
  std::map<std::string, conf::Level> level;
  for (const auto* c : catalog.all()) level[c->info.id] = c->info.level;
  EXPECT_EQ(level.at("rfc7644/3.12/unknown-member-invalid-value"), conf::Level::May);
  EXPECT_EQ(level.at("rfc7644/3.11/me-unsupported-501"), conf::Level::Should);
}

// ---- Class 4: client obligations are robustness checks graded SHOULD.

TEST(PrecisionClass4, ClientObligationsAreShouldAndTaggedRobustness) {
  conf::Catalog catalog;
  register_all(catalog);
  const std::vector<std::string> listed = {
      "rfc7644/3.5.1/put-missing-required-400",      "rfc7644/3.5.2/patch-missing-schemas-400",
      "rfc7644/3.5.2/patch-unknown-op-400",          "rfc7644/3.5.2.1/add-missing-value-400",
      "rfc7644/3.12/missing-schemas-invalid-syntax", "rfc7644/3.4.2.2/empty-filter-invalid-filter"};
  // Sentences whose subject is the client (or the client's request).
  static const std::regex client(
      R"((^|\W)([Cc]lients? (MUST|SHALL)|The body of each request MUST|The filter parameter MUST|The operation MUST contain|Each PATCH operation object MUST|The filter string MUST))");
  for (const auto* c : catalog.all()) {
    const auto& tags = c->info.tags;
    const bool robust = std::find(tags.begin(), tags.end(), "robustness") != tags.end();
    if (std::find(listed.begin(), listed.end(), c->info.id) != listed.end()) {
      EXPECT_TRUE(robust) << c->info.id;
    }
    if (robust) {
      EXPECT_EQ(c->info.level, conf::Level::Should) << c->info.id;
    }
    if (c->info.level == conf::Level::Must && !c->info.id.starts_with("profile-")) {
      EXPECT_FALSE(std::regex_search(c->info.requirement, client))
          << c->info.id << " grades a client's obligation as a server MUST";
    }
  }
}

// ---- Class 5: an unsupported optional feature is a skip, not an error.

TEST(PrecisionClass5, RefusedNestedGroupsAreASkip) {
  auto handler = [](const std::string& method, const std::string& path, const json& body) {
    if (method == "POST" && path == "/Users") return answer(201, {{"id", "u1"}, {"userName", "u"}});
    if (method == "POST" && path == "/Groups") {
      for (const auto& m : body.value("members", json::array()))
        if (m.value("type", "") == "Group") return scim_error(400, "invalidValue");
      return answer(201, {{"id", "g1"}, {"displayName", "x"}, {"members", body["members"]}});
    }
    return scim_error(404);
  };
  FakeTarget target(handler, json::object());
  target.mutable_caps().schemas = conf::TargetSchemas::rfc7643();
  const auto end = run_check("rfc7643/4.1.2/groups-indirect-through-nesting", target);
  EXPECT_EQ(end.outcome, Outcome::Skipped);
  EXPECT_NE(end.message.find("does not support nested groups"), std::string::npos);
}

// ---- Class 6: each check fails only for the rule it names.

TEST(PrecisionClass6, SubAttributePathDoesNotDependOnCaseFolding) {
  Store store{{"userName", "name", "emails", "active", "externalId", "nickName"}};
  FakeTarget target(std::ref(store),
                    rfc_user_schema_list({"name", "emails", "active", "nickName"}));
  const auto end = run_check("rfc7644/3.4.2.2/sub-attribute-path", target);
  EXPECT_EQ(end.outcome, Outcome::Passed) << end.message;
}

TEST(PrecisionClass6, ScopedFilterChecksBlameTheScopeInItsOwnName) {
  Store store{{"userName", "active"}};  // answers every other filter with an empty list
  FakeTarget target(std::ref(store), rfc_user_schema_list({"active"}));
  const auto end = run_check("rfc7644/3.4.2.2/ne-excludes-identical-value", target);
  EXPECT_EQ(end.outcome, Outcome::Skipped);
  EXPECT_EQ(end.cause, "rfc7644/3.4.2.2/sw-matches-prefix");
}

TEST(PrecisionClass6, ForwardReferenceMayBeAnswered409) {
  auto handler = [](const std::string&, const std::string& path, const json&) {
    if (path != "/Bulk") return scim_error(404);
    return answer(200, {{"schemas", {std::string(urn::kBulkResponse)}},
                        {"Operations",
                         {{{"method", "POST"}, {"bulkId", "g1"}, {"status", "409"}},
                          {{"method", "POST"},
                           {"bulkId", "u9"},
                           {"location", "https://t/Users/u9"},
                           {"status", "201"}}}}});
  };
  FakeTarget target(handler, json::object());
  target.mutable_caps().schemas = conf::TargetSchemas::rfc7643();
  target.mutable_caps().bulk = true;
  EXPECT_EQ(run_check("rfc7644/3.7.1/forward-reference-resolved", target).outcome, Outcome::Passed);
}

TEST(PrecisionClass6, EveryDependencyOfTheCatalogResolves) {
  conf::Catalog catalog;
  register_all(catalog);
  const auto problems = catalog.dependency_problems();
  EXPECT_TRUE(problems.empty()) << problems.front();
}

}  // namespace
}  // namespace scim::suites::testing
