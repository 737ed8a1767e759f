// Filter evaluation semantics (RFC 7644 §3.4.2.2, RFC 7643 §2): caseExact, every data type,
// multi-valued "any value" matching, presence, unknown/unassigned attributes, value filters, and
// robustness against JSON of any shape.
#include "scim/server/engine/filter/filter.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "scim/protocol/schema_loader.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/server/testing/filter_test_support.hpp"

namespace scim::engine {
namespace {

using testing::bjensen;
using testing::FilterEnv;

// A resource type with one attribute of every type, for what the RFC schemas lack.
constexpr const char* kWidgetSchema = R"({
  "id": "urn:example:scim:schemas:Widget", "name": "Widget",
  "attributes": [
    {"name": "serial", "type": "string", "caseExact": true},
    {"name": "label", "type": "string"},
    {"name": "count", "type": "integer"},
    {"name": "weight", "type": "decimal"},
    {"name": "blob", "type": "binary"},
    {"name": "home", "type": "reference", "referenceTypes": ["external"]},
    {"name": "builtAt", "type": "dateTime"},
    {"name": "tags", "type": "string", "multiValued": true},
    {"name": "scores", "type": "integer", "multiValued": true}
  ]})";

class FilterEval : public ::testing::Test {
 protected:
  FilterEval() {
    auto schema = parse_schema(nlohmann::json::parse(kWidgetSchema), "test");
    EXPECT_TRUE(schema.ok());
    EXPECT_TRUE(widgets_.add_schema(std::move(*schema)).ok());
    EXPECT_TRUE(widgets_
                    .add_resource_type(ResourceType{
                        "Widget", "Widget", "", "/Widgets", "urn:example:scim:schemas:Widget", {}})
                    .ok());
  }
  bool widget(std::string_view filter, const nlohmann::json& resource) {
    auto f = parse_filter(filter, widgets_, *widgets_.find_resource_type("Widget"));
    EXPECT_TRUE(f.ok()) << filter << ": " << (f.ok() ? "" : f.error().detail);
    return f.ok() && matches(*f, resource);
  }
  FilterEnv env;
  Registry widgets_ = Registry::with_builtin();
};

TEST_F(FilterEval, CaseExactDecidesStringComparison) {
  // userName is caseExact false, id and externalId are caseExact true (RFC 7643 §3.1, §4.1.1).
  const auto u = bjensen();
  EXPECT_TRUE(env.eval(R"(userName eq "BJENSEN@EXAMPLE.COM")", u));
  EXPECT_TRUE(env.eval(R"(userName sw "BJ")", u));
  EXPECT_TRUE(env.eval(R"(userName ew "COM")", u));
  EXPECT_FALSE(env.eval(R"(id eq "2819C223-7F76-453A-919D-413861904646")", u));
  EXPECT_TRUE(env.eval(R"(id eq "2819c223-7f76-453a-919d-413861904646")", u));
  EXPECT_TRUE(widget(R"(serial co "Ab")", {{"serial", "xAbx"}}));
  EXPECT_FALSE(widget(R"(serial co "ab")", {{"serial", "xAbx"}}));
  EXPECT_TRUE(widget(R"(label co "ab")", {{"label", "xAbx"}}));
}

TEST_F(FilterEval, ContainsFindsOverlappingPrefixes) {
  // Substring search restarts correctly after partial matches (KMP prefix table).
  EXPECT_TRUE(widget(R"(serial co "aab")", {{"serial", "aaab"}}));
  EXPECT_TRUE(widget(R"(serial co "abab")", {{"serial", "xabaabab"}}));
  EXPECT_FALSE(widget(R"(serial co "abac")", {{"serial", "abababab"}}));
  EXPECT_TRUE(widget(R"(label co "ABAC")", {{"label", "ababAbaC"}}));
  EXPECT_TRUE(widget(R"(label co "")", {{"label", "x"}}));
}

TEST_F(FilterEval, ContainsIsLinearOnHostileInput) {
  // Naive search would need ~5e8 comparisons here; KMP needs ~1e5.
  const std::string needle = std::string(5000, 'a') + "b";
  const nlohmann::json w = {{"label", std::string(100000, 'a')}};
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(widget("label co \"" + needle + "\"", w));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
}

TEST_F(FilterEval, StringOrderingIsLexicographic) {
  EXPECT_TRUE(widget(R"(label gt "apple")", {{"label", "Banana"}}));     // case-insensitive
  EXPECT_FALSE(widget(R"(serial gt "apple")", {{"serial", "Banana"}}));  // 'B' < 'a'
  EXPECT_TRUE(widget(R"(label le "abc")", {{"label", "ABC"}}));
  EXPECT_FALSE(widget(R"(label lt "abc")", {{"label", "ABC"}}));
}

TEST_F(FilterEval, NumbersCompareNumerically) {
  const nlohmann::json w = {{"count", 10}, {"weight", 2.5}};
  EXPECT_TRUE(widget("count gt 9", w));
  EXPECT_TRUE(widget("count eq 10.0", w));
  EXPECT_TRUE(widget("count ge 10", w));
  EXPECT_FALSE(widget("count lt 10", w));
  EXPECT_TRUE(widget("weight lt 2.51", w));
  EXPECT_TRUE(widget("weight gt 2", w));
  EXPECT_TRUE(widget("weight eq 25e-1", w));
  EXPECT_FALSE(widget("count eq 10", {{"count", "10"}}));  // a string is not an integer
  EXPECT_TRUE(widget("count gt -1", {{"count", 18446744073709551615ull}}));
}

TEST_F(FilterEval, DateTimeComparesChronologically) {
  const nlohmann::json w = {{"builtAt", "2011-05-13T06:42:34+02:00"}};
  EXPECT_TRUE(widget(R"(builtAt eq "2011-05-13T04:42:34Z")", w));
  EXPECT_TRUE(widget(R"(builtAt eq "2011-05-13T04:42:34.000Z")", w));
  EXPECT_TRUE(widget(R"(builtAt gt "2011-05-13T04:42:33.5Z")", w));
  EXPECT_TRUE(widget(R"(builtAt lt "2011-05-13T00:00:00-05:00")", w));  // 05:00Z
  // Textually "2011-05-13T06..." > "2011-05-13T05..." but chronologically it is earlier.
  EXPECT_FALSE(widget(R"(builtAt gt "2011-05-13T05:00:00Z")", w));
  EXPECT_TRUE(widget(R"(builtAt sw "2011-05")", w));  // substring operators work on the text
  EXPECT_FALSE(widget(R"(builtAt gt "2000-01-01T00:00:00Z")", {{"builtAt", "garbage"}}));
}

TEST_F(FilterEval, BooleanBinaryAndReference) {
  EXPECT_TRUE(env.eval("active eq true", bjensen()));
  EXPECT_FALSE(env.eval("active ne true", bjensen()));
  EXPECT_TRUE(widget(R"(blob eq "QUJD")", {{"blob", "QUJD"}}));
  EXPECT_FALSE(widget(R"(blob eq "qujd")", {{"blob", "QUJD"}}));  // base64 is case-sensitive
  EXPECT_TRUE(widget(R"(home sw "HTTPS://")", {{"home", "https://example.com/"}}));
  EXPECT_TRUE(env.eval(R"(x509Certificates.value sw "MIID")", bjensen()));
}

TEST_F(FilterEval, MultiValuedMatchesWhenAnyValueMatches) {
  const nlohmann::json w = {{"tags", {"red", "green"}}, {"scores", {1, 7}}};
  EXPECT_TRUE(widget(R"(tags eq "GREEN")", w));
  EXPECT_TRUE(widget("scores gt 5", w));
  EXPECT_FALSE(widget("scores gt 7", w));
  EXPECT_TRUE(env.eval(R"(emails.type eq "home")", bjensen()));
  EXPECT_TRUE(env.eval(R"(emails ew "jensen.org")", bjensen()));
  // "ne" holds when some value differs (§3.4.2.2: any value matching the criterion).
  EXPECT_TRUE(widget(R"(tags ne "red")", w));
  EXPECT_FALSE(widget(R"(tags ne "red")", {{"tags", {"red"}}}));
}

TEST_F(FilterEval, UnknownAndUnassignedAttributesHaveNoValue) {
  const auto u = bjensen();
  for (const char* f : {R"(favoriteColor eq "blue")", R"(favoriteColor ne "blue")",
                        "favoriteColor pr", R"(nickName eq "Babs")", R"(nickName ne "Babs")",
                        "nickName pr", R"(emails[colour eq "x"])", "colour[type pr]"}) {
    EXPECT_FALSE(env.eval(f, u)) << f;
  }
  EXPECT_TRUE(env.eval("not (nickName pr)", u));
  EXPECT_TRUE(env.eval("nickName eq null", u));
  EXPECT_FALSE(env.eval("title eq null", u));
  EXPECT_TRUE(env.eval("title ne null", u));
}

TEST_F(FilterEval, PresenceIgnoresEmptyValues) {
  for (const nlohmann::json& empty :
       {nlohmann::json(nullptr), nlohmann::json(""), nlohmann::json::array(),
        nlohmann::json::object(), nlohmann::json::array({nullptr, ""}),
        nlohmann::json::array({nlohmann::json::object()}),
        nlohmann::json::array({{{"value", ""}}})}) {
    auto u = bjensen();
    u["emails"] = empty;
    u["name"] = empty;
    EXPECT_FALSE(env.eval("emails pr", u)) << empty.dump();
    EXPECT_FALSE(env.eval("name pr", u)) << empty.dump();
    EXPECT_FALSE(env.eval("emails.value pr", u)) << empty.dump();
  }
  EXPECT_TRUE(env.eval("emails pr", bjensen()));
  EXPECT_TRUE(env.eval("name.givenName pr", bjensen()));
  EXPECT_TRUE(env.eval("active pr", bjensen()));  // false would be a value too
}

TEST_F(FilterEval, ExtensionAttributesLiveUnderTheirUrn) {
  const auto u = bjensen();
  EXPECT_TRUE(env.eval(
      R"(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "tour operations")",
      u));
  EXPECT_TRUE(env.eval(
      R"(urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName sw "John")",
      u));
  // The same name at the top level is not the extension attribute.
  auto moved = bjensen();
  moved.erase("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
  moved["department"] = "Tour Operations";
  EXPECT_FALSE(
      env.eval("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr", moved));
}

TEST_F(FilterEval, JsonMemberNamesAreCaseInsensitive) {
  nlohmann::json u = {{"USERNAME", "bjensen"}, {"Emails", {{{"VALUE", "b@x.org"}}}}};
  EXPECT_TRUE(env.eval(R"(userName eq "bjensen")", u));
  EXPECT_TRUE(env.eval(R"(emails[value ew "x.org"])", u));
}

TEST_F(FilterEval, ValuePathOnSingleComplexAttribute) {
  EXPECT_TRUE(env.eval(R"(name[givenName eq "Barbara" and familyName eq "Jensen"])", bjensen()));
  EXPECT_FALSE(env.eval(R"(name[givenName eq "Barbara" and familyName eq "Smith"])", bjensen()));
}

TEST_F(FilterEval, ParseValueFilterEvaluatesOneElement) {
  // What the PATCH engine does for `emails[type eq "work"]` (RFC 7644 §3.5.2).
  const Attribute* emails = env.registry().find_schema(urn::kUser)->find("emails");
  ASSERT_NE(emails, nullptr);
  auto f = parse_value_filter(R"(type eq "work" and not (primary eq false))", env.registry(),
                              env.user(), *emails);
  ASSERT_TRUE(f.ok()) << f.error().detail;
  const auto u = bjensen();
  EXPECT_TRUE(matches(*f, u["emails"][0]));
  EXPECT_FALSE(matches(*f, u["emails"][1]));
  EXPECT_FALSE(matches(*f, nlohmann::json("not an object")));
}

TEST_F(FilterEval, NeverThrowsOnOddJson) {
  auto f = env.parse(
      R"(emails[type eq "work"] or name.givenName sw "B" or meta.lastModified gt "2000-01-01T00:00:00Z" or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value pr or title pr)");
  ASSERT_TRUE(f.ok());
  for (const char* doc :
       {"null", "[]", "42", R"({"emails": 5})", R"({"emails": [1, "x", null, [], {"type": 3}]})",
        R"({"name": [[{"givenName": ["B"]}]]})", R"({"meta": "x"})",
        R"({"meta": {"lastModified": 7}})",
        R"({"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": []})",
        R"({"title": {"a": {"b": {"c": {"d": {"e": "deep"}}}}}})"}) {
    EXPECT_NO_THROW((void)matches(*f, nlohmann::json::parse(doc))) << doc;
  }
  EXPECT_TRUE(matches(*f, nlohmann::json::parse(R"({"title": {"a": {"b": {"c": {"d": 1}}}}})")));
}

TEST_F(FilterEval, GroupDisplayName) {
  auto f = env.parse_group(R"(displayName eq "tour guides")");
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(matches(*f, {{"displayName", "Tour Guides"}}));
}

}  // namespace
}  // namespace scim::engine
