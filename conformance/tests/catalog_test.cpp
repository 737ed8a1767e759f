// Catalog tree and check-ID validation: malformed, misplaced and duplicate IDs are rejected at
// registration; globs match the way --only/--exclude document.
#include "scim/conformance/catalog.hpp"

#include <gtest/gtest.h>

#include "scim/conformance/check_id.hpp"

namespace scim::conf {
namespace {

CheckInfo info(std::string id) {
  CheckInfo i;
  i.id = std::move(id);
  i.title = "title";
  i.requirement = "\"Attribute names are case insensitive\"";
  return i;
}

void noop(Context&) {}

TEST(CheckId, AcceptsWellFormedIds) {
  EXPECT_EQ(check_id_problem("rfc7644/3.4.2.2/eq-is-case-insensitive"), "");
  EXPECT_EQ(check_id_problem("profile-entra/1/patch-ops-capitalised"), "");
  EXPECT_EQ(check_id_problem("events/2.5/set-has-jti"), "");
}

TEST(CheckId, RejectsMalformedIds) {
  EXPECT_NE(check_id_problem("rfc7644/3.4.2.2"), "");
  EXPECT_NE(check_id_problem("RFC7644/3.4/x"), "");
  EXPECT_NE(check_id_problem("rfc7644/3.4a/x"), "");
  EXPECT_NE(check_id_problem("rfc7644/3..4/x"), "");
  EXPECT_NE(check_id_problem("rfc7644/3.4/Upper"), "");
  EXPECT_NE(check_id_problem("rfc7644/3.4/double--hyphen"), "");
  EXPECT_NE(check_id_problem("rfc7644/3.4/trailing-"), "");
  EXPECT_NE(check_id_problem("rfc7644/3.4/a/b"), "");
  EXPECT_NE(check_id_problem(""), "");
}

TEST(Catalog, BuildsAnExplicitTreeInRegistrationOrder) {
  Catalog c;
  auto& spec = c.spec("rfc7644", "RFC 7644");
  auto& filtering = c.section(spec, "3.4.2.2", "Filtering");
  c.add(filtering, info("rfc7644/3.4.2.2/b"), noop);
  c.add(filtering, info("rfc7644/3.4.2.2/a"), noop);
  auto& again = c.section(c.spec("rfc7644", "ignored"), "3.4.2.2", "ignored");
  EXPECT_EQ(&again, &filtering);
  ASSERT_EQ(c.all().size(), 2u);
  EXPECT_EQ(c.all()[0]->info.id, "rfc7644/3.4.2.2/b");
  EXPECT_EQ(c.specs().front().title, "RFC 7644");
}

TEST(Catalog, RejectsIdOutsideItsSection) {
  Catalog c;
  auto& sec = c.section(c.spec("rfc7644", "t"), "3.4", "t");
  EXPECT_THROW(c.add(sec, info("rfc7644/3.5/x"), noop), std::invalid_argument);
  EXPECT_THROW(c.add(sec, info("rfc7643/3.4/x"), noop), std::invalid_argument);
}

TEST(Catalog, RejectsDuplicatesEmptyRequirementAndMissingBody) {
  Catalog c;
  auto& sec = c.section(c.spec("rfc7644", "t"), "3.4", "t");
  c.add(sec, info("rfc7644/3.4/x"), noop);
  EXPECT_THROW(c.add(sec, info("rfc7644/3.4/x"), noop), std::invalid_argument);
  auto empty = info("rfc7644/3.4/y");
  empty.requirement.clear();
  EXPECT_THROW(c.add(sec, empty, noop), std::invalid_argument);
  EXPECT_THROW(c.add(sec, info("rfc7644/3.4/z"), CheckFn{}), std::invalid_argument);
  EXPECT_EQ(c.all().size(), 1u);
}

TEST(Glob, MatchesStarsAndQuestionMarksAcrossSlashes) {
  EXPECT_TRUE(glob_match("rfc7644/*", "rfc7644/3.4/x"));
  EXPECT_TRUE(glob_match("*/3.4.2.2/*", "rfc7644/3.4.2.2/eq"));
  EXPECT_TRUE(glob_match("rfc764?/3.4/x", "rfc7643/3.4/x"));
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_FALSE(glob_match("rfc7644/3.4/*", "rfc7644/3.5/x"));
  EXPECT_FALSE(glob_match("rfc7644", "rfc7644/3.4/x"));
}

TEST(Glob, HostilePatternStaysLinear) {
  const std::string text(5000, 'a');
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*b", text));
}

}  // namespace
}  // namespace scim::conf
