// RFC 7644 §3.4.2.2 Figure 2, walked example by example: each filter parses and is evaluated on
// resources chosen so that it must match one and must not match the other.
#include "scim/server/engine/filter/filter.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/filter_test_support.hpp"

namespace scim::engine {
namespace {

using testing::bjensen;
using testing::FilterEnv;

class Rfc7644Figure2 : public ::testing::Test {
 protected:
  // bjensen altered by a JSON merge patch (RFC 7386), to build the non-matching resource.
  static nlohmann::json with(const nlohmann::json& patch) {
    nlohmann::json r = bjensen();
    r.merge_patch(patch);
    return r;
  }
  void expect_split(std::string_view filter, const nlohmann::json& yes, const nlohmann::json& no) {
    EXPECT_TRUE(env.eval(filter, yes)) << filter;
    EXPECT_FALSE(env.eval(filter, no)) << filter;
  }
  FilterEnv env;
};

TEST_F(Rfc7644Figure2, UserNameEq) {
  expect_split(R"(userName eq "bjensen")", with({{"userName", "bjensen"}}), bjensen());
}

TEST_F(Rfc7644Figure2, FamilyNameCo) {
  expect_split(R"(name.familyName co "O'Malley")",
               with({{"name", {{"familyName", "Mc O'malley-Smith"}}}}), bjensen());
}

TEST_F(Rfc7644Figure2, UserNameSw) {
  expect_split(R"(userName sw "J")", with({{"userName", "jsmith"}}), bjensen());
}

TEST_F(Rfc7644Figure2, FullyQualifiedUserNameSw) {
  expect_split(R"(urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J")",
               with({{"userName", "Jane"}}), bjensen());
}

TEST_F(Rfc7644Figure2, TitlePr) {
  expect_split("title pr", bjensen(), with({{"title", nullptr}}));
  EXPECT_FALSE(env.eval("title pr", with({{"title", ""}}))) << "empty string is not a value";
}

TEST_F(Rfc7644Figure2, LastModifiedGtGeLtLe) {
  const auto later = with({{"meta", {{"lastModified", "2011-05-13T04:42:35Z"}}}});
  const auto same = bjensen();
  const auto earlier = with({{"meta", {{"lastModified", "2011-05-13T04:42:33.999Z"}}}});
  expect_split(R"(meta.lastModified gt "2011-05-13T04:42:34Z")", later, same);
  expect_split(R"(meta.lastModified ge "2011-05-13T04:42:34Z")", same, earlier);
  expect_split(R"(meta.lastModified lt "2011-05-13T04:42:34Z")", earlier, same);
  expect_split(R"(meta.lastModified le "2011-05-13T04:42:34Z")", same, later);
}

TEST_F(Rfc7644Figure2, TitlePrAndUserTypeEq) {
  expect_split(R"(title pr and userType eq "Employee")", bjensen(), with({{"userType", "Intern"}}));
}

TEST_F(Rfc7644Figure2, TitlePrOrUserTypeEq) {
  const auto intern = with({{"title", nullptr}, {"userType", "Intern"}});
  const auto neither = with({{"title", nullptr}, {"userType", "Employee"}});
  expect_split(R"(title pr or userType eq "Intern")", intern, neither);
  EXPECT_TRUE(env.eval(R"(title pr or userType eq "Intern")", bjensen()));
}

TEST_F(Rfc7644Figure2, SchemasEqEnterpriseExtension) {
  auto core_only = bjensen();
  core_only["schemas"] = {"urn:ietf:params:scim:schemas:core:2.0:User"};
  expect_split(R"(schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")",
               bjensen(), core_only);
}

TEST_F(Rfc7644Figure2, EmployeeWithEmailsCoOrEmailsValueCo) {
  const char* f =
      R"(userType eq "Employee" and (emails co "example.com" or emails.value co "example.org"))";
  const auto org = with({{"emails", {{{"value", "b@example.org"}}}}});
  expect_split(f, bjensen(), with({{"emails", {{{"value", "b@example.net"}}}}}));
  EXPECT_TRUE(env.eval(f, org));
  EXPECT_FALSE(env.eval(f, with({{"userType", "Contractor"}})));
}

TEST_F(Rfc7644Figure2, NotEmployeeAndNotEmails) {
  const char* f =
      R"(userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org"))";
  const auto contractor_net =
      with({{"userType", "Contractor"}, {"emails", {{{"value", "c@example.net"}}}}});
  expect_split(f, contractor_net, with({{"userType", "Contractor"}}));
  EXPECT_FALSE(env.eval(f, bjensen()));
}

TEST_F(Rfc7644Figure2, EmployeeAndEmailsTypeWork) {
  expect_split(R"(userType eq "Employee" and (emails.type eq "work"))", bjensen(),
               with({{"emails", {{{"value", "b@example.com"}, {"type", "home"}}}}}));
}

TEST_F(Rfc7644Figure2, EmployeeAndValuePath) {
  const char* f =
      R"(userType eq "Employee" and emails[type eq "work" and value co "@example.com"])";
  // The value path binds both conditions to the same email: a home address at example.com and a
  // work address elsewhere must not match (it would without the brackets).
  const auto split_emails = with({{"emails",
                                   {{{"value", "b@example.com"}, {"type", "home"}},
                                    {{"value", "b@work.org"}, {"type", "work"}}}}});
  expect_split(f, bjensen(), split_emails);
  EXPECT_TRUE(
      env.eval(R"(emails.type eq "work" and emails.value co "@example.com")", split_emails));
}

TEST_F(Rfc7644Figure2, ValuePathOrValuePath) {
  const char* f =
      R"(emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"])";
  const auto xmpp =
      with({{"emails", nullptr}, {"ims", {{{"value", "babs@foo.com"}, {"type", "xmpp"}}}}});
  expect_split(f, bjensen(), with({{"emails", nullptr}}));
  EXPECT_TRUE(env.eval(f, xmpp));
}

}  // namespace
}  // namespace scim::engine
