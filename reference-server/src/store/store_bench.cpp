// store_bench: inserts N typical users into an InMemoryStore and prints resident memory, insert
// rate, indexed lookup latency and a full-scan filter time (docs/store.md records the numbers).
// `--form json` instead keeps plain nlohmann::json objects in a vector, to compare memory.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "scim/server/store/memory_store.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)) / 1024;
  }
  return -1;
}

std::string id_for(std::size_t i) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%08zx-5c2e-4b8a-9f1d-%012zx", i * 2654435761u % 0xffffffffu, i);
  return buf;
}

// A typical enterprise user: about 600 bytes of JSON.
nlohmann::json typical_user(std::size_t i) {
  const std::string n = std::to_string(i);
  return {
      {"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
      {"id", id_for(i)},
      {"externalId", "ext-" + n},
      {"userName", "user" + n + "@example.com"},
      {"name",
       {{"formatted", "Given" + n + " Family" + n},
        {"familyName", "Family" + n},
        {"givenName", "Given" + n}}},
      {"displayName", "Given" + n + " Family" + n},
      {"title", "Engineer " + std::to_string(i % 50)},
      {"active", i % 10 != 0},
      {"emails", {{{"value", "user" + n + "@example.com"}, {"type", "work"}, {"primary", true}}}},
      {"phoneNumbers", {{{"value", "+1 555 " + n}, {"type", "work"}}}}};
}

std::vector<scim::store::TypeSpec> specs() {
  return {scim::store::TypeSpec{
      "User", {{"userName", false}}, {{"externalId", true}}, "", false, true, {}}};
}

int bench_json(std::size_t count) {
  auto start = Clock::now();
  std::vector<nlohmann::json> users;
  users.reserve(count);
  for (std::size_t i = 0; i < count; ++i) users.push_back(typical_user(i));
  std::printf("form=json users=%zu build_s=%.2f rss_mib=%ld\n", count, seconds_since(start),
              rss_mib());
  return 0;
}

void bench_lookups(const scim::store::InMemoryStore& store, std::size_t count) {
  std::mt19937_64 rng(42);
  const int probes = 10000;
  auto start = Clock::now();
  std::size_t found = 0;
  for (int k = 0; k < probes; ++k) {
    const std::string name = "USER" + std::to_string(rng() % count) + "@example.com";
    scim::store::Query q;
    q.lookup = scim::store::IndexLookup{scim::store::IndexLookup::Kind::Equals, "userName", name};
    found += store.query("User", q)->total;
  }
  std::printf("userName eq lookups=%d found=%zu avg_us=%.1f\n", probes, found,
              seconds_since(start) * 1e6 / probes);
  start = Clock::now();
  for (int k = 0; k < probes; ++k) found += store.get("User", id_for(rng() % count)).ok();
  std::printf("get by id lookups=%d avg_us=%.1f\n", probes, seconds_since(start) * 1e6 / probes);
}

int bench_store(std::size_t count) {
  scim::store::InMemoryStore store(specs());
  auto start = Clock::now();
  for (std::size_t i = 0; i < count; ++i) {
    if (!store.create("User", typical_user(i)).ok()) {
      std::fprintf(stderr, "insert %zu failed\n", i);
      return 1;
    }
  }
  const double insert_s = seconds_since(start);
  std::printf("form=cbor users=%zu insert_s=%.2f rate_per_s=%.0f rss_mib=%ld\n", count, insert_s,
              count / insert_s, rss_mib());
  bench_lookups(store, count);
  scim::store::Query scan;
  scan.predicate = [](const nlohmann::json& r) { return r.value("title", "") == "Engineer 7"; };
  scan.limit = 100;
  start = Clock::now();
  auto result = store.query("User", scan);
  std::printf("full scan (title eq \"Engineer 7\") matches=%zu scan_s=%.2f\n", result->total,
              seconds_since(start));
  std::printf("final rss_mib=%ld\n", rss_mib());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"store_bench: memory and speed of the in-memory SCIM store"};
  std::size_t count = 1'000'000;
  std::string form = "cbor";
  app.add_option("--count", count, "number of users")->check(CLI::Range(1, 20'000'000));
  app.add_option("--form", form, "cbor (the store) or json (plain objects, for comparison)")
      ->check(CLI::IsMember({"cbor", "json"}));
  CLI11_PARSE(app, argc, argv);
  return form == "json" ? bench_json(count) : bench_store(count);
}
