// Runtime settings onto the service configuration, key by key, with every bad value refused.
#include "scim/server/admin/tenant_settings.hpp"

#include <gtest/gtest.h>

#include "scim/server/endpoints/lenient_call.hpp"
#include "scim/server/engine/lenient/names.hpp"

namespace scim::admin {
namespace {

server::ServiceConfig with_bulk() {
  server::ServiceConfig c;
  c.bulk = bulk::BulkLimits{};
  return c;
}

TEST(TenantSettings, OverridesApplyOnTopOfTheDefaults) {
  auto c = apply_settings(
      {{"mode", "lenient"}, {"maxResults", 10}, {"bulk", {{"maxOperations", 3}}}}, with_bulk(), {});
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_TRUE(c->lenient);
  EXPECT_EQ(c->max_results, 10u);
  EXPECT_EQ(c->bulk->max_operations, 3u);
  EXPECT_EQ(c->bulk->max_payload_bytes, bulk::BulkLimits{}.max_payload_bytes);  // untouched
  auto effective = effective_settings(*c);
  EXPECT_EQ(effective["mode"], "lenient");
  EXPECT_EQ(effective["bulk"]["maxOperations"], 3);
}

TEST(TenantSettings, EmptySettingsAreTheDefaults) {
  auto c = apply_settings(nlohmann::json::object(), with_bulk(), {});
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->lenient);
  EXPECT_EQ(c->max_results, server::ServiceConfig{}.max_results);
}

TEST(TenantSettings, BadValuesNameTheirKey) {
  const SettingsBounds bounds{.max_bulk_payload = 1000};
  for (const auto& [settings, key] : std::vector<std::pair<nlohmann::json, std::string>>{
           {{{"mode", "loose"}}, "mode"},
           {{{"maxResults", 0}}, "maxResults"},
           {{{"maxResults", -3}}, "maxResults"},
           {{{"maxResults", "10"}}, "maxResults"},
           {{{"bulk", {{"maxPayloadSize", 1001}}}}, "bulk.maxPayloadSize"},
           {{{"bulk", {{"maxOps", 1}}}}, "bulk.maxOps"},
           {{{"colour", "red"}}, "colour"},
           {{{"leniencies", {{"be-nice", false}}}}, "be-nice"},
           {{{"leniencies", {{"op-case", "no"}}}}, "leniencies.op-case"},
           {{{"leniencies", {"op-case"}}}, "leniencies"},
           {nlohmann::json::array(), "settings"}}) {
    auto c = apply_settings(settings, with_bulk(), bounds);
    ASSERT_FALSE(c.ok()) << settings.dump();
    EXPECT_EQ(c.error().status, 400);
    EXPECT_EQ(c.error().scim_type, ScimType::InvalidValue);
    EXPECT_NE(c.error().detail.find(key), std::string::npos) << c.error().detail;
  }
  auto no_bulk = apply_settings({{"bulk", {{"maxOperations", 1}}}}, server::ServiceConfig{}, {});
  ASSERT_FALSE(no_bulk.ok());
  EXPECT_NE(no_bulk.error().detail.find("/Bulk"), std::string::npos);
}

// Optional features (RFC 7643 §5) switched off per tenant: bulk and ETags.
TEST(TenantSettings, BulkAndEtagCanBeSwitchedOff) {
  auto c = apply_settings({{"bulk", false}, {"etag", false}}, with_bulk(), {});
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_FALSE(c->features.bulk);
  EXPECT_FALSE(c->etag);
  auto effective = effective_settings(*c);
  EXPECT_EQ(effective["bulk"], false);
  EXPECT_EQ(effective["etag"], false);
  auto on = apply_settings({{"bulk", true}}, with_bulk(), {});
  ASSERT_TRUE(on.ok());
  EXPECT_TRUE(on->bulk.has_value());
  EXPECT_FALSE(apply_settings({{"etag", "no"}}, with_bulk(), {}).ok());
}

// Issue 13's optional-feature switches (server::Features), overridden for one tenant.
TEST(TenantSettings, FeatureSwitchesAreTheServersOwn) {
  auto c = apply_settings({{"sort", false},
                           {"me", false},
                           {"rootQuery", false},
                           {"nestedGroups", false},
                           {"filterOperators", {"eq", "and"}}},
                          with_bulk(), {});
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_FALSE(c->features.sort || c->features.me || c->features.root_query ||
               c->features.nested_groups);
  EXPECT_EQ(c->features.filter_operators, (std::vector<std::string>{"eq", "and"}));
  auto effective = effective_settings(*c);
  EXPECT_EQ(effective["sort"], false);
  EXPECT_EQ(effective["filterOperators"], nlohmann::json({"eq", "and"}));
  EXPECT_FALSE(apply_settings({{"filterOperators", {"like"}}}, with_bulk(), {}).ok());
  EXPECT_FALSE(apply_settings({{"sort", "off"}}, with_bulk(), {}).ok());
  server::ServiceConfig no_bulk = with_bulk();
  no_bulk.features.bulk = false;  // --no-bulk: no route to switch on
  EXPECT_FALSE(apply_settings({{"bulk", true}}, no_bulk, {}).ok());
}

// docs/lenient.md names, each on or off; those not named stay on, and none is on in strict mode.
TEST(TenantSettings, NamedLeniencesAreSwitchedOffOneByOne) {
  auto c = apply_settings(
      {{"mode", "lenient"}, {"leniencies", {{"boolean-string", false}, {"op-case", true}}}},
      with_bulk(), {});
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_EQ(c->lenient_off, std::vector<std::string>{"boolean-string"});
  auto effective = effective_settings(*c);
  EXPECT_EQ(effective["leniencies"]["boolean-string"], false);
  EXPECT_EQ(effective["leniencies"]["op-case"], true);
  EXPECT_EQ(effective["leniencies"]["remove-with-value"], true);
  EXPECT_EQ(effective_settings(with_bulk())["leniencies"]["op-case"], false);  // strict
}

// A behaviour variant on its own: strict, but unknown attributes ignored (docs/mock.md).
TEST(TenantSettings, OneLeniencyCanBeSwitchedOnInStrictMode) {
  auto c = apply_settings({{"leniencies", {{"unknown-attribute", true}}}}, with_bulk(), {});
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_TRUE(c->lenient);
  EXPECT_EQ(c->lenient_off.size(), engine::lenient::kAllNames.size() - 1);
  EXPECT_TRUE(server::leniencies_allowed(*c, {"unknown-attribute"}));
  EXPECT_FALSE(server::leniencies_allowed(*c, {"op-case"}));
  auto effective = effective_settings(*c);
  EXPECT_EQ(effective["leniencies"]["unknown-attribute"], true);
  EXPECT_EQ(effective["leniencies"]["boolean-string"], false);
  auto none = apply_settings({{"leniencies", {{"op-case", false}}}}, with_bulk(), {});
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->lenient) << "strict with nothing switched on stays strict";
  EXPECT_TRUE(none->lenient_off.empty());
}

// RFC 7644 §3.5.2 (PATCH optional, 204 allowed), §3.4.2.2 (filter optional), RFC 7643 §5
// (changePassword), per tenant.
TEST(TenantSettings, PatchFilterAndChangePasswordVariants) {
  auto c = apply_settings(
      {{"patch", false}, {"filter", false}, {"changePassword", false}, {"patchStatus", 204}},
      with_bulk(), {});
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_FALSE(c->features.patch || c->features.filter || c->features.change_password);
  EXPECT_TRUE(c->patch_no_content);
  auto effective = effective_settings(*c);
  EXPECT_EQ(effective["patch"], false);
  EXPECT_EQ(effective["filter"], false);
  EXPECT_EQ(effective["changePassword"], false);
  EXPECT_EQ(effective["patchStatus"], 204);
  EXPECT_EQ(effective_settings(with_bulk())["patchStatus"], 200);
  for (const auto& bad : {nlohmann::json{{"patchStatus", 201}},
                          {{"patchStatus", "204"}},
                          {{"patch", "no"}},
                          {{"changePassword", 0}}}) {
    auto r = apply_settings(bad, with_bulk(), {});
    ASSERT_FALSE(r.ok()) << bad.dump();
    EXPECT_NE(r.error().detail.find(bad.begin().key()), std::string::npos) << r.error().detail;
  }
}

}  // namespace
}  // namespace scim::admin
