// HTTPS (RFC 7644 §7.2: TLS for all SCIM traffic in production) with a certificate generated at
// test time.
#include <gtest/gtest.h>

#include <filesystem>

#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/server_fixture.hpp"
#include "scim/server/testing/tls_cert.hpp"

namespace scim::test {
namespace {

TEST(HttpServerTls, ServesHttpsWithTheConfiguredCertificate) {
  auto dir = std::filesystem::temp_directory_path() / "scim_http_tls_test";
  std::filesystem::create_directories(dir);
  auto files = make_self_signed_cert(dir.string());
  ASSERT_FALSE(files.cert_file.empty());
  auto options = test_options();
  options.tls = {files.cert_file, files.key_file};
  ServerFixture server(options);
  EXPECT_EQ(server.url().rfind("https://127.0.0.1:", 0), 0u) << server.url();

  HttpClient client;
  client.set_bearer("secret");
  client.set_ca_file(files.cert_file);
  auto r = client.get(server.url() + "/Users");
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.json()["baseUrl"].get<std::string>().rfind("https://", 0), 0u);
  EXPECT_EQ(client.get(server.url() + "/Users").new_connections, 0);  // TLS keep-alive

  HttpClient unauthenticated;
  unauthenticated.set_ca_file(files.cert_file);
  EXPECT_EQ(unauthenticated.get(server.url() + "/Users").status, 401);

  HttpClient untrusting;  // the system CA store does not know the self-signed certificate
  EXPECT_EQ(untrusting.get(server.url() + "/Users").status, 0);
}

// With one I/O thread the session's TLS stream runs on the io_context's own executor (no
// strand): the handshake, keep-alive and the close_notify at the end work there too.
TEST(HttpServerTls, ServesHttpsOnOneIoThread) {
  auto dir = std::filesystem::temp_directory_path() / "scim_http_tls_one_thread_test";
  std::filesystem::create_directories(dir);
  auto files = make_self_signed_cert(dir.string());
  ASSERT_FALSE(files.cert_file.empty());
  auto options = test_options();
  options.threads = 1;
  options.tls = {files.cert_file, files.key_file};
  ServerFixture server(options);
  HttpClient client;
  client.set_bearer("secret");
  client.set_ca_file(files.cert_file);
  for (int i = 0; i < 3; ++i) {
    auto r = client.get(server.url() + "/Users");
    ASSERT_EQ(r.status, 200) << r.error;
    EXPECT_EQ(r.new_connections, i == 0 ? 1 : 0);
  }
  auto closing = client.request("GET", server.url() + "/Users", "", {"Connection: close"});
  EXPECT_EQ(closing.status, 200) << closing.error;
}

TEST(HttpServerTls, MissingCertificateFileFailsToStart) {
  auto options = test_options();
  options.tls = {"/nonexistent/cert.pem", "/nonexistent/key.pem"};
  test::FakeHandler handler;
  http::HttpServer server(options, handler);
  auto started = server.start();
  ASSERT_FALSE(started.ok());
  EXPECT_NE(started.error().find("/nonexistent/cert.pem"), std::string::npos);
}

}  // namespace
}  // namespace scim::test
