// Selection: --only/--exclude globs, --tags, --level minimum, and profiles only with --profile.
#include "scim/conformance/core/selector.hpp"

#include <gtest/gtest.h>

namespace scim::conf {
namespace {

class SelectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& rfc = catalog_.spec("rfc7644", "RFC 7644");
    auto& filter = catalog_.section(rfc, "3.4.2.2", "Filtering");
    add(filter, "rfc7644/3.4.2.2/eq-case", Level::Must, {"filter", "users"});
    add(filter, "rfc7644/3.4.2.2/sw-op", Level::Should, {"filter"});
    auto& patch = catalog_.section(rfc, "3.5.2", "Modifying with PATCH");
    add(patch, "rfc7644/3.5.2/add-op", Level::May, {"patch"});
    auto& entra = catalog_.spec("profile-entra", "Entra", /*is_profile=*/true);
    add(catalog_.section(entra, "1", "Users"), "profile-entra/1/bool-strings", Level::Must,
        {"entra"});
  }
  void add(Section& s, const char* id, Level level, std::vector<std::string> tags) {
    CheckInfo i;
    i.id = id;
    i.title = id;
    i.requirement = "r";
    i.level = level;
    i.tags = std::move(tags);
    catalog_.add(s, i, [](Context&) {});
  }
  std::vector<std::string> ids(const Selection& sel) {
    std::vector<std::string> out;
    for (const auto* c : select(catalog_, sel)) out.push_back(c->info.id);
    return out;
  }
  Catalog catalog_;
};

TEST_F(SelectorTest, DefaultRunsEverythingButProfiles) {
  EXPECT_EQ(ids({}), (std::vector<std::string>{"rfc7644/3.4.2.2/eq-case", "rfc7644/3.4.2.2/sw-op",
                                               "rfc7644/3.5.2/add-op"}));
}

TEST_F(SelectorTest, OnlyAndExcludeGlobs) {
  Selection sel;
  sel.only = {"rfc7644/3.4.2.2/*"};
  sel.exclude = {"*/sw-*"};
  EXPECT_EQ(ids(sel), std::vector<std::string>{"rfc7644/3.4.2.2/eq-case"});
}

TEST_F(SelectorTest, TagsSelectChecksWithAnyOfThem) {
  Selection sel;
  sel.tags = {"users", "patch"};
  EXPECT_EQ(ids(sel),
            (std::vector<std::string>{"rfc7644/3.4.2.2/eq-case", "rfc7644/3.5.2/add-op"}));
}

TEST_F(SelectorTest, LevelIsAMinimum) {
  Selection sel;
  sel.min_level = Level::Should;
  EXPECT_EQ(ids(sel),
            (std::vector<std::string>{"rfc7644/3.4.2.2/eq-case", "rfc7644/3.4.2.2/sw-op"}));
  sel.min_level = Level::Must;
  EXPECT_EQ(ids(sel), std::vector<std::string>{"rfc7644/3.4.2.2/eq-case"});
  EXPECT_TRUE(meets_level(Level::Must, Level::May));
  EXPECT_FALSE(meets_level(Level::May, Level::Should));
}

TEST_F(SelectorTest, ProfileRunsOnlyWhenSelected) {
  Selection sel;
  sel.profile = "entra";
  const auto selected = ids(sel);
  EXPECT_EQ(selected.size(), 4u);
  EXPECT_EQ(selected.back(), "profile-entra/1/bool-strings");
  sel.profile = "okta";
  EXPECT_EQ(ids(sel).size(), 3u);
}

// A published profile keeps its own spec name ("interop"); --profile names it directly.
TEST_F(SelectorTest, PublishedProfileIsSelectedByItsSpecName) {
  auto& interop = catalog_.spec("interop", "Interop", /*is_profile=*/true);
  EXPECT_EQ(interop.profile, "interop");
  EXPECT_EQ(catalog_.specs()[1].profile, "entra");
  add(catalog_.section(interop, "5.3", "Attributes"), "interop/5.3/undefined", Level::Must, {});
  Selection sel;
  EXPECT_EQ(ids(sel).size(), 3u);
  sel.profile = "interop";
  EXPECT_EQ(ids(sel).back(), "interop/5.3/undefined");
  EXPECT_EQ(ids(sel).size(), 4u);
}

TEST_F(SelectorTest, RejectionExplainsWhy) {
  const auto& spec = catalog_.specs().front();
  const auto& check = spec.sections.front().checks.front();
  Selection sel;
  sel.exclude = {"rfc7644/*"};
  EXPECT_EQ(rejection(spec, check, sel), "matched by --exclude");
  EXPECT_FALSE(rejection(spec, check, {}).has_value());
}

}  // namespace
}  // namespace scim::conf
