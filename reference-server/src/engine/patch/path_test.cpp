// PATCH path parsing (RFC 7644 §3.5.2 Figures 7 and 8).
#include "scim/server/engine/patch/path.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/patch_test_support.hpp"

namespace scim::engine {
namespace {

using testing_support::IsScimError;

class PatchPathTest : public testing_support::WriteTest {
 protected:
  Result<PatchPath> parse(std::string_view text, bool on_group = false) {
    return parse_patch_path(text, registry, on_group ? group() : user(), 4096);
  }
};

TEST(FindClosingBracket, SkipsQuotedBrackets) {
  const std::string_view text = R"(emails[value eq "a]\"]b"].value)";
  EXPECT_EQ(find_closing_bracket(text, 6), text.find("].value"));
  EXPECT_EQ(find_closing_bracket(R"(a[b eq "])", 1), std::string_view::npos);
}

// Figure 8 examples.
TEST_F(PatchPathTest, Figure8Examples) {
  auto members = parse("members", true);
  ASSERT_TRUE(members.ok());
  EXPECT_EQ(members->attribute()->name, "members");
  auto family = parse("name.familyName");
  ASSERT_TRUE(family.ok());
  EXPECT_EQ(family->sub->name, "familyName");
  auto work = parse("addresses[type eq \"work\"]");
  ASSERT_TRUE(work.ok());
  EXPECT_TRUE(work->filter.has_value());
  EXPECT_EQ(work->filter_text, "type eq \"work\"");
  auto member = parse("members[value eq \"2819c223-7f76-453a-919d-413861904646\"].display", true);
  ASSERT_TRUE(member.ok()) << member.error().detail;
  EXPECT_EQ(member->sub->name, "display");
}

TEST_F(PatchPathTest, CaseInsensitiveAndUrnQualified) {
  auto p = parse("EMAILS[TYPE eq \"work\"].VALUE");
  ASSERT_TRUE(p.ok()) << p.error().detail;
  EXPECT_EQ(p->attribute()->name, "emails");
  EXPECT_EQ(p->sub->name, "value");
  auto manager = parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value");
  ASSERT_TRUE(manager.ok()) << manager.error().detail;
  EXPECT_TRUE(manager->target.is_extension);
  EXPECT_EQ(manager->sub->name, "value");
  auto whole = parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
  ASSERT_TRUE(whole.ok()) << whole.error().detail;
  EXPECT_EQ(whole->attribute(), nullptr);
}

TEST_F(PatchPathTest, MalformedPathsAreInvalidPath) {
  for (const char* text : {"", "emails[", "emails[type eq \"work\"", "emails]", "title[x eq 1]",
                           "emails[type eq \"work\"]]", "emails[type eq \"work\"].", "bogus"}) {
    EXPECT_TRUE(IsScimError(parse(text), 400, ScimType::InvalidPath)) << text;
  }
}

}  // namespace
}  // namespace scim::engine
