// The executable's command line and start-up contract: --help, exit code 2 for configuration
// errors, 1 when it cannot listen, config files, custom schemas and HTTPS.
#include <signal.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/server_process.hpp"
#include "scim/server/testing/tls_cert.hpp"

namespace scim::test {
namespace {

namespace fs = std::filesystem;

std::string write_temp(const std::string& name, const std::string& text) {
  auto dir = fs::temp_directory_path() / "scim_reference_server_cli_test";
  fs::create_directories(dir);
  std::ofstream(dir / name) << text;
  return (dir / name).string();
}

TEST(ReferenceServerCli, HelpListsFlagsAndExitsZero) {
  auto r = run_to_completion(SCIM_SERVER_BINARY, {"--help"}, 10'000);
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag : {"--port", "--token", "--config", "--tls-cert", "--max-body-bytes"}) {
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
  }
}

TEST(ReferenceServerCli, ConfigurationErrorsExitTwoWithAMessage) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--port", "99999"},
        {"--bogus"},
        {"--token", "t=bad tenant"},
        {"--config", write_temp("broken.json", "{\"http\": {\"port\": \"x\"}}")},
        {"--schema", write_temp("bad-schema.json", "{\"id\": 5}")},
        {"--seed", write_temp("bad-seed.json", "{\"Users\": [{\"userName\": 7}]}")}}) {
    auto r = run_to_completion(SCIM_SERVER_BINARY, args, 10'000);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << r.err;
    EXPECT_FALSE(r.err.empty()) << args[0];
    EXPECT_TRUE(r.out.empty()) << args[0];  // no "listening on" line
  }
}

TEST(ReferenceServerCli, PortInUseExitsOne) {
  ServerProcess first(SCIM_SERVER_BINARY, {"--port", "0"});
  ASSERT_FALSE(first.url().empty());
  auto port = first.url().substr(std::string("http://127.0.0.1:").size());
  port = port.substr(0, port.find('/'));
  auto r = run_to_completion(SCIM_SERVER_BINARY, {"--port", port}, 10'000);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("cannot listen"), std::string::npos) << r.err;
}

TEST(ReferenceServerCli, ConfigFileAndFlagPrecedence) {
  auto file = write_temp("server.json", R"({
    "http": {"basePath": "/api/scim"},
    "auth": {"tokens": [{"token": "from-file"}]}
  })");
  ServerProcess server(SCIM_SERVER_BINARY, {"--config", file, "--port", "0"});
  ASSERT_FALSE(server.url().empty()) << server.first_line();
  EXPECT_NE(server.url().find("/api/scim"), std::string::npos);
  HttpClient client;
  client.set_bearer("from-file");
  EXPECT_EQ(client.get(server.url() + "/ResourceTypes").status, 200);
  client.set_bearer("secret");  // the default token is replaced by the file's
  EXPECT_EQ(client.get(server.url() + "/ResourceTypes").status, 401);
  EXPECT_EQ(server.stop(SIGINT, 10'000), 0);
}

TEST(ReferenceServerCli, SeedDataIsServed) {
  auto seed = write_temp("seed.json", R"({"Users": [{"id": "seed-1", "userName": "seeded",
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]}]})");
  ServerProcess server(SCIM_SERVER_BINARY, {"--port", "0", "--seed", seed});
  ASSERT_FALSE(server.url().empty()) << server.first_line();
  HttpClient client;
  client.set_bearer("secret");
  auto r = client.get(server.url() + "/Users/seed-1");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["userName"], "seeded");
}

TEST(ReferenceServerCli, ServesHttpsWithTlsFlags) {
  auto dir = fs::temp_directory_path() / "scim_reference_server_cli_tls";
  fs::create_directories(dir);
  auto files = make_self_signed_cert(dir.string());
  ASSERT_FALSE(files.cert_file.empty());
  ServerProcess server(SCIM_SERVER_BINARY,
                       {"--port", "0", "--tls-cert", files.cert_file, "--tls-key", files.key_file});
  ASSERT_EQ(server.url().rfind("https://127.0.0.1:", 0), 0u) << server.first_line();
  HttpClient client;
  client.set_bearer("secret");
  client.set_ca_file(files.cert_file);
  auto r = client.get(server.url() + "/ServiceProviderConfig");
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(server.stop(SIGTERM, 10'000), 0);
}

}  // namespace
}  // namespace scim::test
