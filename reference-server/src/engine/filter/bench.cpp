// engine_filter_bench: parse and evaluation throughput of the filter engine on synthetic users
// (not a test; kept out of ctest). Usage: engine_filter_bench [--users N] [--parses N]
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "scim/protocol/resource_type.hpp"
#include "scim/server/engine/filter/filter.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

nlohmann::json make_user(std::size_t i) {
  const std::string n = std::to_string(i);
  return {
      {"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
      {"id", "id-" + n},
      {"userName", "user" + n + "@example.com"},
      {"name", {{"givenName", "Given" + n}, {"familyName", "Family" + std::to_string(i % 997)}}},
      {"userType", i % 3 == 0 ? "Employee" : "Contractor"},
      {"active", i % 2 == 0},
      {"title", i % 5 == 0 ? nlohmann::json("Engineer") : nlohmann::json(nullptr)},
      {"emails",
       {{{"value", "user" + n + "@example.com"}, {"type", "work"}, {"primary", true}},
        {{"value", "u" + n + "@home.org"}, {"type", "home"}}}},
      {"meta",
       {{"resourceType", "User"},
        {"lastModified", "2011-05-" + std::to_string(10 + i % 19) + "T04:42:34Z"}}}};
}

const std::vector<std::string>& filters() {
  static const std::vector<std::string> kFilters = {
      R"(userName eq "user4242@example.com")",
      R"(name.familyName co "99")",
      R"(meta.lastModified gt "2011-05-20T00:00:00+02:00")",
      R"(userType eq "Employee" and (emails co "example.com" or emails.value co "example.org"))",
      R"(emails[type eq "work" and value co "@example.com"] and not (title pr))",
      R"(active eq true and name.givenName sw "given1")"};
  return kFilters;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Filter engine micro-benchmark (parse + evaluate on synthetic users)"};
  std::size_t users = 200'000;
  std::size_t parses = 100'000;
  app.add_option("--users", users, "number of synthetic users (100k-1M is typical)")
      ->check(CLI::Range(1, 5'000'000));
  app.add_option("--parses", parses, "number of parses per filter")
      ->check(CLI::Range(1, 10'000'000));
  CLI11_PARSE(app, argc, argv);

  const scim::Registry registry = scim::Registry::with_builtin();
  const scim::ResourceType& type = *registry.find_resource_type("User");

  auto start = Clock::now();
  std::vector<nlohmann::json> data;
  data.reserve(users);
  for (std::size_t i = 0; i < users; ++i) data.push_back(make_user(i));
  std::printf("built %zu users in %.2f s\n", users, seconds_since(start));

  for (const auto& text : filters()) {
    start = Clock::now();
    for (std::size_t i = 0; i < parses; ++i) {
      if (!scim::engine::parse_filter(text, registry, type).ok()) return 1;
    }
    const double parse_s = seconds_since(start);
    const auto filter = scim::engine::parse_filter(text, registry, type);
    start = Clock::now();
    std::size_t hits = 0;
    for (const auto& u : data) hits += scim::engine::matches(*filter, u) ? 1 : 0;
    const double eval_s = seconds_since(start);
    std::printf("%-90s parse %9.0f/s  eval %10.0f users/s  (%zu matches, hint: %s)\n", text.c_str(),
                parses / parse_s, users / eval_s, hits,
                scim::engine::index_hint(*filter) ? "yes" : "no");
  }
  return 0;
}
