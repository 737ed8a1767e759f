// Authenticator: bearer and Basic credentials, tenant binding, constant-time lookups' results.
#include "scim/server/http/auth.hpp"

#include <gtest/gtest.h>

namespace scim::http {
namespace {

Authenticator make(AuthOptions options) {
  auto auth = Authenticator::create(std::move(options));
  EXPECT_TRUE(auth.ok()) << (auth.ok() ? "" : auth.error());
  return std::move(*auth);
}

TEST(Authenticator, DefaultsToTokenSecretForTenantDefault) {
  auto auth = make({});
  auto p = auth.authenticate("Bearer secret", nullptr);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->tenant, "default");
  EXPECT_FALSE(p->subject.has_value());
  EXPECT_FALSE(auth.authenticate("Bearer secreT", nullptr).has_value());
  EXPECT_FALSE(auth.authenticate("Bearer secre", nullptr).has_value());
}

TEST(Authenticator, SchemeIsCaseInsensitivePerRfc7235) {
  auto auth = make({});
  EXPECT_TRUE(auth.authenticate("bearer secret", nullptr).has_value());
  EXPECT_TRUE(auth.authenticate("BEARER   secret  ", nullptr).has_value());
  EXPECT_FALSE(auth.authenticate("Token secret", nullptr).has_value());
  EXPECT_FALSE(auth.authenticate("secret", nullptr).has_value());
  EXPECT_FALSE(auth.authenticate("", nullptr).has_value());
}

TEST(Authenticator, TokensMapToTheirTenantAndSubject) {
  AuthOptions o;
  o.tokens = {{"a-token", "acme", std::nullopt}, {"b-token", "beta", "user-42"}};
  auto auth = make(o);
  EXPECT_EQ(auth.authenticate("Bearer a-token", nullptr)->tenant, "acme");
  auto b = auth.authenticate("Bearer b-token", nullptr);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->tenant, "beta");
  EXPECT_EQ(b->subject, "user-42");
  EXPECT_EQ(b->credential_name, "token#2");  // a label, never the secret
  EXPECT_FALSE(auth.authenticate("Bearer secret", nullptr).has_value());  // no default when set
  EXPECT_TRUE(auth.has_tenant("default"));
  EXPECT_TRUE(auth.has_tenant("acme"));
}

TEST(Authenticator, PathTenantOnlyAcceptsItsOwnCredentials) {
  AuthOptions o;
  o.tokens = {{"a-token", "acme", std::nullopt}, {"b-token", "beta", std::nullopt}};
  auto auth = make(o);
  std::string acme = "acme", beta = "beta", ghost = "ghost";
  EXPECT_TRUE(auth.authenticate("Bearer a-token", &acme).has_value());
  EXPECT_FALSE(auth.authenticate("Bearer a-token", &beta).has_value());
  EXPECT_FALSE(auth.authenticate("Bearer a-token", &ghost).has_value());
}

TEST(Authenticator, BasicCredentialsRfc7617) {
  AuthOptions o;
  o.basic = {{"Aladdin", "open sesame", "acme", std::nullopt}};
  auto auth = make(o);
  // RFC 7617 §2 example: "Aladdin:open sesame".
  auto p = auth.authenticate("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", nullptr);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->tenant, "acme");
  EXPECT_FALSE(auth.authenticate("Basic QWxhZGRpbjpvcGVuIHNlc2FtZA==", nullptr).has_value());
  EXPECT_FALSE(auth.authenticate("Basic !!!!", nullptr).has_value());
  EXPECT_FALSE(auth.authenticate("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=", nullptr).has_value());
  ASSERT_EQ(auth.challenges().size(), 2u);
  EXPECT_EQ(auth.challenges()[0], "Bearer realm=\"scim\"");
  EXPECT_EQ(auth.challenges()[1].rfind("Basic realm=\"scim\"", 0), 0u);
}

TEST(Authenticator, BasicIgnoredWhenNotConfigured) {
  auto auth = make({});
  EXPECT_FALSE(auth.authenticate("Basic c2VjcmV0OnNlY3JldA==", nullptr).has_value());
  EXPECT_EQ(auth.challenges().size(), 1u);
}

TEST(Authenticator, RejectsBadOptions) {
  AuthOptions dup;
  dup.tokens = {{"x", "a", std::nullopt}, {"x", "b", std::nullopt}};
  EXPECT_FALSE(Authenticator::create(dup).ok());
  AuthOptions bad_tenant;
  bad_tenant.tokens = {{"x", "no/slash", std::nullopt}};
  EXPECT_FALSE(Authenticator::create(bad_tenant).ok());
  AuthOptions empty;
  empty.tokens = {{"", "a", std::nullopt}};
  EXPECT_FALSE(Authenticator::create(empty).ok());
}

TEST(Authenticator, OversizedHeaderIsRejectedNotScanned) {
  auto auth = make({});
  EXPECT_FALSE(auth.authenticate("Bearer " + std::string(10000, 'a'), nullptr).has_value());
}

// The control plane's changes: tenants and credentials added, rotated and revoked at run time.
TEST(Authenticator, TenantsAndTokensChangeAtRunTime) {
  auto auth = make({});
  ASSERT_TRUE(auth.add_tenant("acme").ok());
  EXPECT_EQ(auth.add_tenant("acme").error().scim_type, ScimType::Uniqueness);
  EXPECT_EQ(auth.add_tenant("no/slash").error().scim_type, ScimType::InvalidValue);
  ASSERT_TRUE(auth.add_credentials("acme", {{"t1", "ignored", std::nullopt}},
                                   {{"alice", "pw", "ignored", "u-7"}})
                  .ok());
  EXPECT_EQ(auth.authenticate("Bearer t1", nullptr)->tenant, "acme");
  EXPECT_EQ(auth.authenticate("Basic YWxpY2U6cHc=", nullptr)->subject, "u-7");  // alice:pw
  EXPECT_EQ(auth.challenges().size(), 2u);  // Basic is offered once a tenant has users

  ASSERT_TRUE(auth.replace_tokens("acme", {{"t2", "", std::nullopt}}).ok());
  EXPECT_FALSE(auth.authenticate("Bearer t1", nullptr).has_value());
  EXPECT_EQ(auth.authenticate("Bearer t2", nullptr)->tenant, "acme");
  EXPECT_TRUE(auth.authenticate("Basic YWxpY2U6cHc=", nullptr).has_value());  // users are kept

  auto listed = auth.credentials("acme");
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].name, "basic:alice");
  EXPECT_EQ(listed[1].name, "token#1");
  EXPECT_EQ(listed[1].scheme, "bearer");
  EXPECT_EQ(listed[1].fingerprint.size(), 12u);

  ASSERT_TRUE(auth.remove_tenant("acme"));
  EXPECT_FALSE(auth.authenticate("Bearer t2", nullptr).has_value());
  EXPECT_FALSE(auth.authenticate("Basic YWxpY2U6cHc=", nullptr).has_value());
  EXPECT_FALSE(auth.has_tenant("acme"));
  EXPECT_FALSE(auth.remove_tenant("acme"));
}

// A failed change changes nothing: a duplicate secret in the middle of a list adds none of it.
TEST(Authenticator, FailedChangesAreAtomic) {
  auto auth = make({});
  ASSERT_TRUE(auth.add_tenant("acme").ok());
  auto dup =
      auth.add_credentials("acme", {{"fresh", "", std::nullopt}, {"secret", "", std::nullopt}}, {});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().status, 409);
  EXPECT_FALSE(auth.authenticate("Bearer fresh", nullptr).has_value());
  EXPECT_EQ(auth.authenticate("Bearer secret", nullptr)->tenant, "default");
  EXPECT_EQ(auth.add_credentials("ghost", {{"x", "", std::nullopt}}, {}).error().status, 404);
  EXPECT_EQ(auth.replace_tokens("acme", {{"", "", std::nullopt}}).error().status, 400);
}

TEST(Authenticator, AdminTokensAreATableOfTheirOwn) {
  AuthOptions o;
  o.admin_tokens = {"root-token"};
  auto auth = make(o);
  EXPECT_TRUE(auth.admin_enabled());
  auto admin = auth.authenticate_admin("Bearer root-token");
  ASSERT_TRUE(admin.has_value());
  EXPECT_TRUE(admin->admin);
  EXPECT_FALSE(auth.authenticate("Bearer root-token", nullptr).has_value());
  EXPECT_FALSE(auth.authenticate_admin("Bearer secret").has_value());
  EXPECT_FALSE(auth.authenticate_admin("Basic cm9vdC10b2tlbg==").has_value());
  ASSERT_TRUE(auth.add_tenant("acme").ok());
  EXPECT_EQ(auth.add_credentials("acme", {{"root-token", "", std::nullopt}}, {}).error().status,
            409);
  AuthOptions clash;
  clash.admin_tokens = {"secret"};
  clash.tokens = {{"secret", "default", std::nullopt}};
  EXPECT_FALSE(Authenticator::create(clash).ok());
  EXPECT_FALSE(make({}).admin_enabled());
}

TEST(TenantName, AllowsUrlSafeNamesOnly) {
  EXPECT_TRUE(valid_tenant_name("acme-corp_1.eu"));
  EXPECT_FALSE(valid_tenant_name(""));
  EXPECT_FALSE(valid_tenant_name(".."));
  EXPECT_FALSE(valid_tenant_name("a b"));
  EXPECT_FALSE(valid_tenant_name(std::string(65, 'a')));
}

}  // namespace
}  // namespace scim::http
