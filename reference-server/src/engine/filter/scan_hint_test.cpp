// Scan hints: which filter terms every match must satisfy as a substring (and so let the store
// skip records without decoding them), and which give no such guarantee.
#include "scim/server/engine/filter/filter.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/filter_test_support.hpp"

namespace scim::engine {
namespace {

using testing::FilterEnv;

class ScanHintTest : public ::testing::Test {
 protected:
  std::vector<ScanHint> hints(std::string_view text) {
    auto f = env.parse(text);
    EXPECT_TRUE(f.ok()) << text;
    return f.ok() ? scan_hints(*f) : std::vector<ScanHint>{};
  }
  FilterEnv env;
};

TEST_F(ScanHintTest, SubstringOperatorsGiveTheFoldedLiteral) {
  // RFC 7644 §3.4.2.2 co, sw, ew; emails.value is caseExact=false, and the needle is folded for
  // every attribute (folded containment is necessary for exact containment as well).
  for (const char* text : {R"(emails.value co "Babs@Jensen")", R"(emails.value sw "BABS@JENSEN")",
                           R"(emails.value ew "babs@jensen")", R"(emails co "Babs@Jensen")"}) {
    const auto h = hints(text);
    ASSERT_EQ(h.size(), 1u) << text;
    EXPECT_EQ(h[0].attribute, "emails") << text;
    EXPECT_EQ(h[0].needle, "babs@jensen") << text;
  }
}

TEST_F(ScanHintTest, StringEqualityGivesAHintButDateTimeEqualityDoesNot) {
  const auto title = hints(R"(title eq "Tour Guide")");
  ASSERT_EQ(title.size(), 1u);
  EXPECT_EQ(title[0].attribute, "title");
  EXPECT_EQ(title[0].needle, "tour guide");
  // dateTime eq compares instants: "...34Z" equals "...34.000Z", whose text differs.
  EXPECT_TRUE(hints(R"(meta.lastModified eq "2011-05-13T04:42:34.000Z")").empty());
  // ...but co on a dateTime compares its text.
  EXPECT_EQ(hints(R"(meta.created co "2010-01")").size(), 1u);
}

TEST_F(ScanHintTest, AndGivesEveryOperandLongestFirst) {
  const auto h = hints(R"(title eq "Tour" and emails.value co "example.com")");
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].needle, "example.com");
  EXPECT_EQ(h[1].needle, "tour");
}

TEST_F(ScanHintTest, ValuePathTermsNameTheParentAttribute) {
  const auto h = hints(R"(emails[type eq "work" and value co "@Example"])");
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].attribute, "emails");
  EXPECT_EQ(h[0].needle, "@example");
  EXPECT_EQ(h[1].needle, "work");
}

TEST_F(ScanHintTest, ExtensionAttributesAreQualified) {
  const auto h =
      hints(R"(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department co "Tour")");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].attribute,
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
}

TEST_F(ScanHintTest, NoHintWhereNoSubstringIsNecessary) {
  for (const char* text :
       {R"(title co "a" or title co "b")", R"(not (title co "tour"))", R"(title ne "Tour")",
        R"(title gt "Tour")", "title pr", R"(title eq null)", R"(title co "")", "active eq true",
        R"(unknownAttribute co "x")"}) {
    EXPECT_TRUE(hints(text).empty()) << text;
  }
}

}  // namespace
}  // namespace scim::engine
