// Invariants of the registered catalog: every check is well formed, uniquely identified, declares
// its level, requirement, tags and known capabilities, and the suites cover at least 250 checks.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "scim/conformance/capability.hpp"
#include "scim/conformance/catalog.hpp"
#include "scim/suites/suites.hpp"

namespace {

using scim::conf::Catalog;

Catalog full_catalog() {
  Catalog catalog;
  scim::suites::register_all(catalog);
  return catalog;
}

TEST(SuitesCatalog, IdsAreWellFormed) {
  const Catalog catalog = full_catalog();
  const std::regex shape("^[a-z0-9-]+/[0-9.]+/[a-z0-9-]+$");
  for (const auto* check : catalog.all())
    EXPECT_TRUE(std::regex_match(check->info.id, shape)) << check->info.id;
}

// A former ID must name no check any more (else a selection would pick two), and the current one
// must exist, so `--only <former ID>` keeps selecting exactly the moved check.
TEST(SuitesCatalog, RenamedChecksPointAtExistingIds) {
  const Catalog catalog = full_catalog();
  std::set<std::string> ids;
  for (const auto* check : catalog.all()) ids.insert(check->info.id);
  ASSERT_FALSE(scim::suites::renamed_checks().empty());
  std::set<std::string> formers;
  for (const auto& r : scim::suites::renamed_checks()) {
    EXPECT_EQ(ids.count(r.former), 0u) << r.former << " is still a check";
    EXPECT_EQ(ids.count(r.current), 1u)
        << r.current << " (formerly " << r.former << ") is no check";
    EXPECT_TRUE(formers.insert(r.former).second) << "listed twice: " << r.former;
  }
}

TEST(SuitesCatalog, IdsAreUnique) {
  const Catalog catalog = full_catalog();
  std::set<std::string> seen;
  for (const auto* check : catalog.all())
    EXPECT_TRUE(seen.insert(check->info.id).second) << "duplicate " << check->info.id;
}

TEST(SuitesCatalog, IdsMatchTheirSpecAndSection) {
  const Catalog catalog = full_catalog();
  for (const auto& spec : catalog.specs())
    for (const auto& section : spec.sections) {
      EXPECT_FALSE(section.title.empty()) << spec.id << "/" << section.id;
      for (const auto& check : section.checks)
        EXPECT_EQ(check.info.id.rfind(spec.id + "/" + section.id + "/", 0), 0u) << check.info.id;
    }
}

TEST(SuitesCatalog, TitlesRequirementsAndTagsAreNotEmpty) {
  const Catalog catalog = full_catalog();
  for (const auto* check : catalog.all()) {
    EXPECT_FALSE(check->info.title.empty()) << check->info.id;
    EXPECT_GT(check->info.requirement.size(), 10u) << check->info.id;
    EXPECT_FALSE(check->info.tags.empty()) << check->info.id;
    EXPECT_TRUE(static_cast<bool>(check->run)) << check->info.id;
  }
}

TEST(SuitesCatalog, CapabilitiesAreKnown) {
  const Catalog catalog = full_catalog();
  for (const auto* check : catalog.all())
    for (const auto& cap : check->info.capabilities)
      EXPECT_TRUE(scim::conf::parse_capability(cap).has_value())
          << check->info.id << " needs unknown capability " << cap;
}

TEST(SuitesCatalog, AtLeast250SpecChecks) {
  const Catalog catalog = full_catalog();
  std::size_t count = 0;
  for (const auto& spec : catalog.specs())
    if (!spec.is_profile)
      for (const auto& section : spec.sections) count += section.checks.size();
  EXPECT_GE(count, 250u);
}

TEST(SuitesCatalog, EverySpecIsRegistered) {
  const Catalog catalog = full_catalog();
  std::set<std::string> ids;
  for (const auto& spec : catalog.specs()) ids.insert(spec.id);
  for (const char* id : {"rfc7643", "rfc7644", "rfc9865", "rfc9944", "rfc9967"})
    EXPECT_EQ(ids.count(id), 1u) << id;
}

TEST(SuitesCatalog, ProfileNamesMatchProfileSpecs) {
  Catalog catalog = full_catalog();
  for (const auto& name : scim::suites::profile_names()) {
    bool found = false;
    for (const auto& spec : catalog.specs())
      if (spec.profile == name) {
        found = true;
        EXPECT_TRUE(spec.is_profile) << spec.id;
        EXPECT_FALSE(spec.sections.empty()) << spec.id;
      }
    EXPECT_TRUE(found) << "no spec of profile " << name;
  }
}

// Provider replays are "profile-<name>"; the published profiles keep their own names.
TEST(SuitesCatalog, OnlyProfilesAreProfiles) {
  const Catalog catalog = full_catalog();
  for (const auto& spec : catalog.specs()) {
    const bool published = spec.id == "interop" || spec.id == "ipsie-al1";
    EXPECT_EQ(spec.is_profile, published || spec.id.rfind("profile-", 0) == 0) << spec.id;
  }
}

// Every profile requirement a black box can judge is a check; the published profiles quote their
// drafts (quotes_test.cpp), and none is gated by a /ServiceProviderConfig claim.
TEST(SuitesCatalog, PublishedProfileChecksAreNotGatedByClaims) {
  const Catalog catalog = full_catalog();
  std::size_t count = 0;
  for (const auto* check : catalog.all()) {
    const auto spec = check->info.spec();
    if (spec != "interop" && spec != "ipsie-al1") continue;
    ++count;
    for (const auto& cap : check->info.capabilities)
      EXPECT_TRUE(cap == "users" || cap == "groups") << check->info.id << " needs " << cap;
  }
  EXPECT_GE(count, 40u);
}

}  // namespace
