// Filter grammar (RFC 7644 §3.4.2.2 Figure 1): precedence, grouping, value paths, URN-qualified
// paths, JSON literals, case-insensitivity, and malformed input rejected with 400 invalidFilter
// and a position.
#include "scim/server/engine/filter/filter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scim/server/engine/filter/ast.hpp"
#include "scim/server/testing/filter_test_support.hpp"

namespace scim::engine {
namespace {

using testing::FilterEnv;
using ::testing::HasSubstr;
using testing::IsScimError;

class FilterParser : public ::testing::Test {
 protected:
  std::string canonical(std::string_view text) {
    auto f = env.parse(text);
    EXPECT_TRUE(f.ok()) << text << ": " << (f.ok() ? "" : f.error().detail);
    return f.ok() ? f->to_string() : std::string();
  }
  ScimError rejected(std::string_view text) {
    auto f = env.parse(text);
    EXPECT_FALSE(f.ok()) << text << " parsed as " << (f.ok() ? f->to_string() : "");
    return f.ok() ? ScimError{} : f.error();
  }
  FilterEnv env;
};

TEST_F(FilterParser, CanonicalisesNamesOperatorsAndSpacing) {
  EXPECT_EQ(canonical(R"(USERNAME   EQ   "bjensen")"), R"(userName eq "bjensen")");
  EXPECT_EQ(canonical("NAME.GIVENNAME Pr"), "name.givenName pr");
  EXPECT_EQ(canonical(R"(Emails[TYPE Eq "work"])"), R"(emails[type eq "work"])");
  EXPECT_EQ(canonical("title PR AND nickName pr OR NOT (locale pr)"),
            "title pr and nickName pr or not (locale pr)");
  EXPECT_EQ(canonical("\ttitle\tpr\r\n"), "title pr");
}

TEST_F(FilterParser, NotBindsTighterThanAndTighterThanOr) {
  // §3.4.2.2: "not" > "and" > "or".
  EXPECT_EQ(canonical(R"(title pr or userType eq "A" and active eq true)"),
            R"(title pr or userType eq "A" and active eq true)");
  const auto f = env.parse(R"(title pr or userType eq "A" and active eq true)");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->root().kind, FilterNode::Kind::Or);
  ASSERT_EQ(f->root().children.size(), 2u);
  EXPECT_EQ(f->root().children[1]->kind, FilterNode::Kind::And);
}

TEST_F(FilterParser, ParenthesesOverridePrecedence) {
  const auto f = env.parse(R"((title pr or userType eq "A") and active eq true)");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->root().kind, FilterNode::Kind::And);
  EXPECT_EQ(f->to_string(), R"((title pr or userType eq "A") and active eq true)");
}

TEST_F(FilterParser, ChainsAreFlattened) {
  const auto f = env.parse("title pr and nickName pr and locale pr and timezone pr");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->root().children.size(), 4u);
}

TEST_F(FilterParser, NotRequiresParenthesesButKeepsItsOperand) {
  EXPECT_EQ(canonical(R"(not(userName eq "x"))"), R"(not (userName eq "x"))");
  EXPECT_EQ(canonical(R"(NOT (title pr))"), "not (title pr)");
  const auto e = rejected(R"(not userName eq "x")");
  EXPECT_THAT(e, IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(e.detail, HasSubstr("at offset 4"));
}

TEST_F(FilterParser, UrnQualifiedExtensionAttribute) {
  const auto f = env.parse(
      R"(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "Sales")");
  ASSERT_TRUE(f.ok()) << f.error().detail;
  EXPECT_EQ(f->root().attr.extension_urn,
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
  EXPECT_EQ(f->root().attr.name, "department");
  // URN case does not matter (RFC 7644 §3.10: all facets are case insensitive).
  EXPECT_EQ(
      canonical(R"(URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:manager.VALUE pr)"),
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value pr");
}

TEST_F(FilterParser, JsonLiterals) {
  EXPECT_EQ(canonical(R"(displayName eq "a \"quoted\" \u00e9 \\ name")"),
            "displayName eq \"a \\\"quoted\\\" \xC3\xA9 \\\\ name\"");
  EXPECT_EQ(canonical("active eq true"), "active eq true");
  EXPECT_EQ(canonical("active ne false"), "active ne false");
  EXPECT_EQ(canonical("title eq null"), "title eq null");
  auto f = env.parse(R"(emails[primary eq true])");
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->root().children[0]->literal.json.is_boolean());
}

TEST_F(FilterParser, NumberLiteralsOnUnknownAttributesParse) {
  // Unknown attributes (rooms.number in Figure 2's prose) parse and simply have no value.
  EXPECT_EQ(canonical("rooms.number gt -1.5e2"), "rooms.number gt -150.0");
  EXPECT_EQ(canonical("rooms.number eq 42"), "rooms.number eq 42");
}

TEST_F(FilterParser, ComplexWithoutSubAttributeComparesValue) {
  EXPECT_EQ(canonical(R"(emails co "x")"), R"(emails.value co "x")");
  const auto e = rejected(R"(name eq "Jensen")");
  EXPECT_THAT(e, IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(e.detail, HasSubstr("name.formatted"));
  EXPECT_THAT(rejected(R"(addresses eq "x")"), IsScimError(400, ScimType::InvalidFilter));
  EXPECT_EQ(canonical("name pr"), "name pr");
}

TEST_F(FilterParser, OrderingOnBooleanOrBinaryIsInvalidFilter) {
  // §3.4.2.2 Table 3: "Boolean and Binary attributes SHALL cause a failed response".
  for (const char* f : {"active gt true", "active ge false", "active lt true", "active le true",
                        R"(x509Certificates.value gt "AA==")", R"(x509Certificates le "AA==")"}) {
    const auto e = rejected(f);
    EXPECT_THAT(e, IsScimError(400, ScimType::InvalidFilter)) << f;
    EXPECT_THAT(e.detail, HasSubstr("is not supported")) << f;
  }
  EXPECT_THAT(rejected("active co true"), IsScimError(400, ScimType::InvalidFilter));
}

TEST_F(FilterParser, LiteralMustSuitTheAttributeType) {
  EXPECT_THAT(rejected(R"(active eq "true")"), IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(rejected("userName eq 5"), IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(rejected(R"(meta.created gt "yesterday")"),
              IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(rejected(R"(meta.created gt "2011-02-30T00:00:00Z")"),
              IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(rejected("title gt null"), IsScimError(400, ScimType::InvalidFilter));
}

TEST_F(FilterParser, ValuePathErrors) {
  EXPECT_THAT(rejected(R"(userName[value eq "x"])"), IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(rejected(R"(emails[type eq "work" and ims[type eq "x"]])"),
              IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(rejected(R"(emails[emails.type eq "work"])"),
              IsScimError(400, ScimType::InvalidFilter));
}

TEST_F(FilterParser, SchemaUrnAloneIsNotAnAttribute) {
  EXPECT_THAT(rejected("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User pr"),
              IsScimError(400, ScimType::InvalidFilter));
}

TEST_F(FilterParser, UnknownAttributesAreAcceptedUnlessStrict) {
  EXPECT_TRUE(env.parse(R"(favoriteColor eq "blue")").ok());
  FilterOptions strict;
  strict.reject_unknown_attributes = true;
  const auto f = env.parse(R"(title pr and favoriteColor eq "blue")", strict);
  ASSERT_FALSE(f.ok());
  EXPECT_THAT(f.error(), IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(f.error().detail, HasSubstr("at offset 13"));
  EXPECT_FALSE(env.parse(R"(emails[colour eq "blue"])", strict).ok());
}

// Malformed filters: each one is 400 invalidFilter and names the position of the problem.
struct Malformed {
  const char* filter;
  std::size_t offset;
};

class FilterParserMalformed : public ::testing::TestWithParam<Malformed> {
 protected:
  FilterEnv env;
};

TEST_P(FilterParserMalformed, RejectedWithPosition) {
  const auto f = env.parse(GetParam().filter);
  ASSERT_FALSE(f.ok()) << GetParam().filter;
  EXPECT_THAT(f.error(), IsScimError(400, ScimType::InvalidFilter));
  EXPECT_THAT(f.error().detail, HasSubstr("at offset " + std::to_string(GetParam().offset)))
      << f.error().detail;
}

INSTANTIATE_TEST_SUITE_P(
    Rfc7644Section3422, FilterParserMalformed,
    ::testing::Values(Malformed{"", 0},                                    // empty
                      Malformed{"   ", 3},                                 // blank
                      Malformed{R"((userName eq "a")", 16},                // unclosed (
                      Malformed{R"(userName eq "a"))", 15},                // extra )
                      Malformed{R"(emails[type eq "work")", 21},           // unclosed [
                      Malformed{R"(emails[type eq "work"]])", 22},         // extra ]
                      Malformed{R"(userName regex "a")", 9},               // unknown operator
                      Malformed{"userName", 8},                            // missing operator
                      Malformed{"userName eq", 11},                        // missing value
                      Malformed{"userName eq bjensen", 12},                // unquoted string
                      Malformed{"active eq True", 10},                     // JSON is lower case
                      Malformed{R"(userName eq "a" garbage)", 16},         // trailing garbage
                      Malformed{R"(userName eq "a" and)", 19},             // dangling and
                      Malformed{R"(userName eq "unterminated)", 12},       // open string
                      Malformed{R"(userName eq "bad \x escape")", 12},     // bad escape
                      Malformed{"userName eq 01", 12},                     // bad number
                      Malformed{R"(userName eq "a" or or title pr)", 19},  // double or
                      Malformed{R"(() and title pr)", 1},                  // empty group
                      Malformed{R"(user%Name eq "a")", 0},                 // bad name
                      Malformed{"title pr\x01", 8},                        // control char
                      Malformed{R"(title pr (title pr))", 9}));            // missing connective

}  // namespace
}  // namespace scim::engine
