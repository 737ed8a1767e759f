// docs/routes.md is generated from the route table (endpoints/routes.cpp) as the server builds it:
// this test fails when the two differ. Regenerate with SCIM_UPDATE_DOCS=1 and review the diff.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scim/server/app/server.hpp"

namespace scim::app {
namespace {

constexpr std::string_view kBegin = "<!-- routes:begin (generated from the route table) -->\n";
constexpr std::string_view kEnd = "<!-- routes:end -->";

// The test token endpoint's routes exist only with a signing key and a client: a throw-away
// P-256 key in PEM (as `openssl genpkey` writes it) and the client's JWKS, in the temp directory.
void enable_token_endpoint(http::OAuthOptions& oauth) {
  const auto dir = std::filesystem::temp_directory_path();
  EVP_PKEY* pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
  PEM_write_bio_PrivateKey(bio.get(), pkey, nullptr, nullptr, 0, nullptr, nullptr);
  EVP_PKEY_free(pkey);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  const std::string pem(data, static_cast<std::size_t>(length));
  oauth.issuer = "auto";
  oauth.signing_key_file =
      (dir / ("scim_routes_doc_as_" + std::to_string(::getpid()) + ".pem")).string();
  std::ofstream(oauth.signing_key_file) << pem;
  const auto key = jose::Key::from_pem(pem, "k");
  const auto jwks = (dir / ("scim_routes_doc_" + std::to_string(::getpid()) + ".jwks")).string();
  std::ofstream(jwks) << nlohmann::json{{"keys", {key->public_jwk()}}}.dump();
  oauth.clients = {{"client", jwks, "default"}};
}

TEST(RoutesDoc, DocsRoutesMdIsTheRouteTable) {
  ServerConfig config;
  config.auth.admin_tokens = {"admin-token"};  // the admin API's routes exist only with one
  enable_token_endpoint(config.auth.oauth);
  auto server = ReferenceServer::create(config);
  ASSERT_TRUE(server.ok()) << server.error();
  const std::string table = (*server)->routes().to_markdown();

  std::ifstream in(SCIM_ROUTES_DOC);
  ASSERT_TRUE(in) << "cannot read " << SCIM_ROUTES_DOC;
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  const auto begin = doc.find(kBegin);
  const auto end = doc.find(kEnd);
  ASSERT_NE(begin, std::string::npos) << "docs/routes.md lacks the begin marker";
  ASSERT_NE(end, std::string::npos) << "docs/routes.md lacks the end marker";
  const std::string documented = doc.substr(begin + kBegin.size(), end - begin - kBegin.size());
  if (documented != table && std::getenv("SCIM_UPDATE_DOCS")) {
    doc.replace(begin + kBegin.size(), end - begin - kBegin.size(), table);
    std::ofstream(SCIM_ROUTES_DOC) << doc;
    GTEST_SKIP() << "docs/routes.md regenerated";
  }
  EXPECT_EQ(documented, table) << "run with SCIM_UPDATE_DOCS=1 to regenerate docs/routes.md";
}

// The chain's order is part of the contract documented in docs/architecture.md.
TEST(RoutesDoc, TheMiddlewareChainIsAccessLogMetricsJournalAuthenticateFaultsThenAsync) {
  auto server = ReferenceServer::create(ServerConfig{});
  ASSERT_TRUE(server.ok()) << server.error();
  auto names = (*server)->pipeline().names();
  EXPECT_EQ(names, (std::vector<std::string_view>{"access-log", "metrics", "journal",
                                                  "authenticate", "faults", "async"}));
  ServerConfig quiet;
  quiet.observe.metrics = false;
  auto without_metrics = ReferenceServer::create(quiet);
  ASSERT_TRUE(without_metrics.ok()) << without_metrics.error();
  EXPECT_EQ(
      (*without_metrics)->pipeline().names(),
      (std::vector<std::string_view>{"access-log", "journal", "authenticate", "faults", "async"}));
  ServerConfig deviating;
  deviating.deviations = {"no-etag"};
  auto with_deviations = ReferenceServer::create(deviating);
  ASSERT_TRUE(with_deviations.ok()) << with_deviations.error();
  EXPECT_EQ((*with_deviations)->pipeline().names(),
            (std::vector<std::string_view>{"access-log", "metrics", "journal", "authenticate",
                                           "faults", "deviate", "async"}));
}

// No admin token, no admin API: its routes are not in the table at all (404).
TEST(RoutesDoc, AdminRoutesExistOnlyWithAnAdminToken) {
  auto without = ReferenceServer::create(ServerConfig{});
  ASSERT_TRUE(without.ok()) << without.error();
  EXPECT_EQ((*without)->routes().find(server::Scope::Root, "GET", "/admin/v1/tenants"), nullptr);
  ServerConfig config;
  config.auth.admin_tokens = {"admin-token"};
  auto with = ReferenceServer::create(config);
  ASSERT_TRUE(with.ok()) << with.error();
  const auto* route = (*with)->routes().find(server::Scope::Root, "GET", "/admin/v1/tenants");
  ASSERT_NE(route, nullptr);
  EXPECT_EQ(route->access, server::Access::Admin);
  EXPECT_EQ((*with)->body_limit("POST", "/admin/v1/tenants/acme/import"),
            config.http.limits.max_admin_body_bytes);
}

}  // namespace
}  // namespace scim::app
