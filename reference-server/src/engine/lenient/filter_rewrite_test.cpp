// The filter pre-pass in isolation (value-path-sub-attribute): the comparison Entra ID writes
// after a value filter's "]" moves inside the brackets; every other filter, and every filter in
// strict mode, passes through as written.
#include <gtest/gtest.h>

#include "scim/server/engine/lenient/lenient.hpp"

namespace scim::engine::lenient {
namespace {

using Names = std::vector<std::string>;

std::string lenient_text(std::string_view filter) {
  return rewrite_filter(filter, Mode::Lenient).text;
}

TEST(FilterRewrite, MovesTheComparisonIntoTheBrackets) {
  const FilterRewrite r = rewrite_filter(R"(emails[type eq "work"].value eq "a@x")", Mode::Lenient);
  EXPECT_EQ(r.text, R"(emails[type eq "work" and value eq "a@x"])");
  EXPECT_EQ(r.used, Names{"value-path-sub-attribute"});
  EXPECT_EQ(lenient_text(R"(emails[type eq "work"].value PR)"),
            R"(emails[type eq "work" and value PR])");
  EXPECT_EQ(lenient_text(R"(emails[primary eq true] .value sw "b")"),
            R"(emails[primary eq true and value sw "b"])");
}

// `[a or b].value pr` means one value with (a or b) and a value: the "or" is grouped first.
TEST(FilterRewrite, GroupsATopLevelOr) {
  EXPECT_EQ(lenient_text(R"(emails[type eq "work" or type eq "home"].value pr)"),
            R"(emails[(type eq "work" or type eq "home") and value pr])");
  EXPECT_EQ(lenient_text(R"(emails[(type eq "work" or type eq "home")].value pr)"),
            R"(emails[(type eq "work" or type eq "home") and value pr])");
}

TEST(FilterRewrite, KeepsTheRestOfTheFilter) {
  EXPECT_EQ(lenient_text(R"(userName pr and emails[type eq "work"].value ew ".com" or )"
                         R"(not (ims[type eq "aim"].value co "x"))"),
            R"(userName pr and emails[type eq "work" and value ew ".com"] or )"
            R"(not (ims[type eq "aim" and value co "x"]))");
}

TEST(FilterRewrite, LeavesEverythingElseAsWritten) {
  for (const char* filter : {
           R"(emails[type eq "work" and value eq "a@x"])",  // RFC form already
           R"(userName eq "bjensen")",                      // no value path
           R"(emails[type eq "work"].value)",               // no operator
           R"(emails[type eq "work"].value eq)",            // no value
           R"(emails[type eq "work"].value[type eq "x"])",  // not a comparison
           R"(emails[type eq "work".value eq "x")",         // no "]"
           R"(emails[type eq "work"].value eq "x)",         // unterminated string
       }) {
    const FilterRewrite r = rewrite_filter(filter, Mode::Lenient);
    EXPECT_EQ(r.text, filter);
    EXPECT_TRUE(r.used.empty()) << filter;
  }
}

TEST(FilterRewrite, StrictModePassesFiltersThroughUntouched) {
  const char* entra = R"(emails[type eq "work"].value eq "a@x")";
  const FilterRewrite r = rewrite_filter(entra, Mode::Strict);
  EXPECT_EQ(r.text, entra);
  EXPECT_TRUE(r.used.empty());
}

}  // namespace
}  // namespace scim::engine::lenient
