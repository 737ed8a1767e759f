// Index hints: which filters an index can answer (exact) or narrow (an "and" with an indexed
// term), and which need a scan.
#include "scim/server/engine/filter/filter.hpp"

#include <gtest/gtest.h>

#include <tuple>

#include "scim/protocol/strings.hpp"
#include "scim/server/testing/filter_test_support.hpp"

namespace scim::engine {
namespace {

using testing::FilterEnv;

class IndexHintTest : public ::testing::Test {
 protected:
  std::optional<IndexHint> hint(std::string_view text, bool group = false) {
    auto f = group ? env.parse_group(text) : env.parse(text);
    EXPECT_TRUE(f.ok()) << text;
    return f.ok() ? index_hint(*f) : std::nullopt;
  }
  std::optional<std::vector<IndexHint>> any(std::string_view text) {
    auto f = env.parse(text);
    EXPECT_TRUE(f.ok()) << text;
    return f.ok() ? index_hints_any(*f) : std::nullopt;
  }
  FilterEnv env;
};

TEST_F(IndexHintTest, EqualityOnIdentifyingAttributesIsExact) {
  for (const auto& [text, attribute, case_exact] :
       {std::tuple{R"(USERNAME eq "bjensen")", "userName", false},
        std::tuple{R"(id eq "abc")", "id", true},
        std::tuple{R"(externalId eq "701984")", "externalId", true}}) {
    const auto h = hint(text);
    ASSERT_TRUE(h) << text;
    EXPECT_EQ(h->kind, IndexHint::Kind::Equals);
    EXPECT_EQ(h->attribute, attribute);
    EXPECT_TRUE(h->exact);
    EXPECT_EQ(h->case_exact, case_exact) << text;
  }
  EXPECT_EQ(hint(R"(userName eq "bjensen")")->value, "bjensen");
}

TEST_F(IndexHintTest, DisplayNameIsIndexedForGroupsOnly) {
  const auto h = hint(R"(displayName eq "Tour Guides")", true);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->attribute, "displayName");
  EXPECT_TRUE(h->exact);
  EXPECT_FALSE(hint(R"(displayName eq "Babs Jensen")"));
}

TEST_F(IndexHintTest, LastModifiedRanges) {
  const std::pair<const char*, IndexHint::Kind> cases[] = {{"gt", IndexHint::Kind::GreaterThan},
                                                           {"ge", IndexHint::Kind::GreaterOrEqual},
                                                           {"lt", IndexHint::Kind::LessThan},
                                                           {"le", IndexHint::Kind::LessOrEqual}};
  for (const auto& [op, kind] : cases) {
    const auto h = hint(std::string("meta.lastModified ") + op + R"( "2011-05-13T06:42:34+02:00")");
    ASSERT_TRUE(h) << op;
    EXPECT_EQ(h->kind, kind);
    EXPECT_EQ(h->attribute, "meta.lastModified");
    ASSERT_TRUE(h->instant);
    EXPECT_EQ(h->instant->seconds, 1305261754);
    EXPECT_TRUE(h->exact);
  }
  EXPECT_FALSE(hint(R"(meta.lastModified eq "2011-05-13T04:42:34Z")"));
  EXPECT_FALSE(hint(R"(meta.created gt "2011-05-13T04:42:34Z")"));
}

TEST_F(IndexHintTest, AndWithIndexedTermIsNotExact) {
  auto h = hint(R"(title pr and userName eq "bjensen")");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->attribute, "userName");
  EXPECT_FALSE(h->exact);
  // Equality is preferred over a range when both are present.
  h = hint(R"(meta.lastModified gt "2011-05-13T04:42:34Z" and externalId eq "x")");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->attribute, "externalId");
  EXPECT_FALSE(h->exact);
}

TEST_F(IndexHintTest, NoHintWhenAScanIsNeeded) {
  for (const char* text :
       {R"(userName ne "bjensen")", R"(userName sw "b")", R"(userName eq "a" or title pr)",
        R"(not (userName eq "a"))", R"(emails[value eq "a"])", R"(emails.value eq "a")",
        R"(userName eq null)", "title pr",
        R"(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "1")"}) {
    EXPECT_FALSE(hint(text)) << text;
  }
  EXPECT_FALSE(index_hint(Filter()));
}

// RFC 7644 §3.4.2.2 "or": a match is among the union of the operands' candidates when every
// operand has an index (a term, or an "and" with an indexed term).
TEST_F(IndexHintTest, OrOfIndexedTermsGivesOneHintPerOperand) {
  auto h = any(R"(userName eq "a" or externalId eq "b")").value_or(std::vector<IndexHint>{});
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].attribute, "userName");
  EXPECT_EQ(h[0].value, "a");
  EXPECT_EQ(h[1].attribute, "externalId");
  EXPECT_EQ(h[1].value, "b");
  for (const auto& one : h) EXPECT_FALSE(one.exact);
  // "and" binds tighter: the second operand narrows to its userName term.
  h = any(R"(userName eq "a" or userName eq "b" and title eq "c")")
          .value_or(std::vector<IndexHint>{});
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[1].value, "b");
  // Nested "or"s are flattened; a range on meta.lastModified is an operand like any other.
  h = any(R"((userName eq "a" or id eq "x") or meta.lastModified gt "2011-05-13T04:42:34Z")")
          .value_or(std::vector<IndexHint>{});
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[1].attribute, "id");
  EXPECT_EQ(h[2].kind, IndexHint::Kind::GreaterThan);
  // One operand without an index, a negation, or a filter that is no "or": no hints.
  for (const char* text :
       {R"(userName eq "a" or title eq "b")", R"(userName eq "a" or not (userName eq "b"))",
        R"(userName eq "a" or emails.value eq "b")", R"(userName eq "a")",
        R"(userName eq "a" and externalId eq "b")", R"(not (userName eq "a" or id eq "b"))"}) {
    EXPECT_FALSE(any(text)) << text;
  }
  EXPECT_FALSE(index_hints_any(Filter()));
}

// A comparison on an attribute no schema defines is false for every resource (RFC 7644
// §3.4.2.2's rules apply to attribute values; such an attribute has none): an `or` leaves it out,
// and a filter no resource can match gets no candidates at all.
TEST_F(IndexHintTest, OperandsOnUndefinedAttributesAddNoCandidates) {
  for (const char* text : {R"(noSuchAttribute eq "x")", R"(noSuchAttribute co "x" and userName pr)",
                           R"(noSuch eq "x" or noSuch[value eq "y"])"}) {
    const auto h = any(text);
    ASSERT_TRUE(h) << text;
    EXPECT_TRUE(h->empty()) << text;
  }
  const auto h = any(R"(userName eq "a" or noSuchAttribute eq "x")");
  ASSERT_TRUE(h);
  ASSERT_EQ(h->size(), 1u);
  EXPECT_EQ(h->front().value, "a");
  // "pr" on an undefined attribute and a negation are not decided here.
  for (const char* text : {"noSuchAttribute pr", R"(not (noSuchAttribute eq "x"))",
                           R"(title eq "x" or noSuchAttribute eq "x")"}) {
    EXPECT_FALSE(any(text)) << text;
  }
}

TEST_F(IndexHintTest, ExactHintAgreesWithEvaluation) {
  // Soundness: an exact hint must select exactly what the filter matches.
  auto f = env.parse(R"(userName eq "BJensen")");
  ASSERT_TRUE(f.ok());
  const auto h = index_hint(*f);
  ASSERT_TRUE(h && h->exact && !h->case_exact);
  for (const char* name : {"bjensen", "BJENSEN", "bjensen2", "jensen"}) {
    const bool via_index = iequals(name, h->value.get<std::string>());
    EXPECT_EQ(via_index, matches(*f, {{"userName", name}})) << name;
  }
}

}  // namespace
}  // namespace scim::engine
