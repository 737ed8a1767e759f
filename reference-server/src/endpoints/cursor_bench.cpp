// cursor_bench: loads N users into one tenant, then pages through GET /Users with RFC 9865 cursors
// (through Service::list, as the route table would call it), checking that every user is visited
// exactly once, and prints time per page and memory: resident size after loading, peak resident
// size while paging, and their difference, the memory the paging itself needed. For contrast it
// times one deep index page (RFC 7644 startIndex). Not a test: it measures and prints
// (docs/server.md "Pagination" quotes it).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "scim/server/endpoints/service.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using scim::server::Request;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// VmRSS (now) or VmHWM (peak) from /proc/self/status, in KiB.
long status_kib(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
  }
  return -1;
}

// Resets VmHWM to the current RSS (Linux >= 4.0), so the peak measures the paging alone.
void reset_peak() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

std::string id_for(std::size_t i) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "u-%010zu", i);
  return buf;
}

nlohmann::json user(std::size_t i) {
  const std::string n = std::to_string(i);
  return {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
          {"id", id_for(i)},
          {"userName", "user" + n + "@example.com"},
          {"name", {{"familyName", "Family" + n}, {"givenName", "Given" + n}}},
          {"displayName", "Given" + n + " Family" + n},
          {"active", true},
          {"emails", {{{"value", "user" + n + "@example.com"}, {"primary", true}}}}};
}

Request list_request(std::map<std::string, std::string> query) {
  Request r;
  r.method = "GET";
  r.path = "/Users";
  r.query = std::move(query);
  r.principal.tenant = "bench";
  r.base_url = "http://127.0.0.1/scim/v2";
  return r;
}

struct Walk {
  std::size_t pages = 0, visited = 0, repeated = 0;
  double max_page_ms = 0;
};

Walk walk(scim::server::Service& service, std::size_t users, std::size_t count) {
  Walk w;
  std::vector<bool> seen(users);
  std::string cursor;
  for (;;) {
    const auto start = Clock::now();
    auto response =
        service.list(list_request({{"cursor", cursor}, {"count", std::to_string(count)}}), "Users");
    auto body = nlohmann::json::parse(response.body);
    w.max_page_ms = std::max(w.max_page_ms, seconds_since(start) * 1e3);
    ++w.pages;
    for (const auto& r : body["Resources"]) {
      const auto i = std::stoul(r["id"].get<std::string>().substr(2));
      w.repeated += seen[i] ? 1 : 0;
      seen[i] = true;
      ++w.visited;
    }
    if (!body.contains("nextCursor")) break;
    cursor = body["nextCursor"].get<std::string>();
  }
  w.visited = static_cast<std::size_t>(std::count(seen.begin(), seen.end(), true));
  return w;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cursor_bench: RFC 9865 cursor paging over a large collection"};
  std::size_t users = 1'000'000, count = 1000;
  app.add_option("--users", users, "number of users")->check(CLI::Range(1, 20'000'000));
  app.add_option("--count", count, "page size (count)")->check(CLI::Range(1, 100'000));
  CLI11_PARSE(app, argc, argv);

  auto registry = scim::Registry::with_builtin();
  scim::store::TenantDirectory tenants(scim::server::store_specs(registry));
  scim::server::ServiceConfig config;
  config.max_results = count;
  scim::server::Service service(registry, config, tenants);
  tenants.add("bench");
  auto store = tenants.find("bench");
  auto start = Clock::now();
  for (std::size_t i = 0; i < users; ++i) {
    if (!store->create("User", user(i)).ok()) {
      std::fprintf(stderr, "insert %zu failed\n", i);
      return 1;
    }
  }
  std::printf("users=%zu load_s=%.1f rss_after_load_mib=%.1f\n", users, seconds_since(start),
              status_kib("VmRSS:") / 1024.0);

  reset_peak();
  const long before = status_kib("VmRSS:");
  start = Clock::now();
  const Walk w = walk(service, users, count);
  const double walk_s = seconds_since(start);
  const long peak = status_kib("VmHWM:");
  std::printf("cursor walk: count=%zu pages=%zu visited_once=%zu repeated=%zu missing=%zu\n", count,
              w.pages, w.visited, w.repeated, users - w.visited);
  std::printf("cursor walk: total_s=%.2f avg_page_ms=%.3f max_page_ms=%.3f\n", walk_s,
              walk_s * 1e3 / static_cast<double>(w.pages), w.max_page_ms);
  std::printf("memory: rss_before_walk_mib=%.1f peak_rss_during_walk_mib=%.1f growth_mib=%.1f\n",
              before / 1024.0, peak / 1024.0, (peak - before) / 1024.0);

  start = Clock::now();
  service.list(list_request({{"startIndex", std::to_string(users - count + 1)},
                             {"count", std::to_string(count)}}),
               "Users");
  std::printf("contrast: one index page at startIndex=%zu took %.3f ms\n", users - count + 1,
              seconds_since(start) * 1e3);
  return w.visited == users && w.repeated == 0 ? 0 : 1;
}
