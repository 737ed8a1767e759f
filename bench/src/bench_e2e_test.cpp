// The pieces ci/bench.sh relies on, run in seconds: the ceiling server starts, prints its address
// and answers the fixed 500-byte JSON over keep-alive; generated users and groups seed a real
// scim-reference-server through /Bulk and read back as created.
#include <gtest/gtest.h>

#include "scim/bench/directory_generator.hpp"
#include "scim/bench/seeder.hpp"
#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/server_process.hpp"

namespace scim::bench {
namespace {

TEST(BenchCeiling, AnswersTheFixedBodyOverKeepAlive) {
  test::ServerProcess ceiling(SCIM_CEILING_BINARY, {"--port", "0", "--threads", "1"});
  ASSERT_FALSE(ceiling.url().empty()) << ceiling.first_line();
  test::HttpClient client;
  auto first = client.get(ceiling.url() + "scim/v2/Users/x");
  auto second = client.get(ceiling.url() + "anything");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body.size(), 500u);
  EXPECT_EQ(first.header("content-type"), "application/scim+json");
  EXPECT_FALSE(first.json().is_discarded());
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(second.new_connections, 0);  // the same connection served both
}

TEST(BenchSeeder, GeneratedUsersAndGroupsSeedTheReferenceServer) {
  test::ServerProcess server(SCIM_SERVER_BINARY, {"--port", "0", "--token", "secret"});
  ASSERT_FALSE(server.url().empty()) << server.first_line();
  SeedOptions options{.base_url = server.url(), .users = 25, .first_index = 100, .batch = 10};
  options.groups = 2;
  options.group_size = 5;
  options.big_group_members = 12;
  auto seeded = seed(options, nullptr);
  ASSERT_TRUE(seeded) << seeded.error();
  ASSERT_EQ(seeded->users.size(), 25u);
  EXPECT_EQ(seeded->group_ids.size(), 2u);
  ASSERT_FALSE(seeded->big_group_id.empty());

  test::HttpClient client;
  client.set_bearer("secret");
  auto user = client.get(server.url() + "/Users/" + seeded->users[3].id);
  ASSERT_EQ(user.status, 200);
  EXPECT_EQ(user.json()["userName"], user_name(103));
  EXPECT_EQ(seeded->users[3].user_name, user_name(103));
  auto big = client.get(server.url() + "/Groups/" + seeded->big_group_id);
  ASSERT_EQ(big.status, 200);
  EXPECT_EQ(big.json()["members"].size(), 12u);
}

TEST(BenchSeeder, ReportsTheServersRefusal) {
  test::ServerProcess server(SCIM_SERVER_BINARY, {"--port", "0", "--token", "secret"});
  ASSERT_FALSE(server.url().empty()) << server.first_line();
  SeedOptions options{.base_url = server.url(), .token = "wrong", .users = 3};
  auto seeded = seed(options, nullptr);
  ASSERT_FALSE(seeded);
  EXPECT_NE(seeded.error().find("HTTP 401"), std::string::npos) << seeded.error();
}

}  // namespace
}  // namespace scim::bench
