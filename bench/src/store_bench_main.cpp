// scim-bench-store: loads generated users (directory_generator.hpp) straight into the reference
// server's endpoints and store, in process, without HTTP: the fastest honest route to a million
// users here (POST /Bulk pays the transport, the journal and the event feed on top). It prints
//   - resident memory per user (VmRSS after the load minus before, with the server's allocator),
//   - the CPU time of scenario 4, GET /Users?filter=emails.value co "..."&sortBy=userName&
//     count=100, through the real list endpoint (list_resources), per search.
// --compare also loads a second store whose types keep no search column (the scan then checks
// each record's bytes) and runs the searches interleaved on both: an A/B in one process.
// --gets N times N GET /Users/{id} through the real endpoint (get_resource), alternating the
// default view written from the stored bytes and the tree path (the same request with
// excludedAttributes=password, which answers the same members): another A/B in one process.
#include <time.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "scim/bench/directory_generator.hpp"
#include "scim/server/endpoints/list.hpp"
#include "scim/server/endpoints/resources.hpp"
#include "scim/server/endpoints/service.hpp"
#include "scim/server/store/memory_store.hpp"
#include "scim/server/store/record_codec.hpp"
#include "scim/server/store/search_column.hpp"

namespace {

using scim::Registry;
using scim::server::Context;
using scim::server::Request;
using scim::server::ServiceConfig;

long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// One tenant: a store with the registry's type specs, searched columns kept or not.
struct Tenant {
  Tenant(const Registry& registry, bool column) : store(specs(registry, column)) {}
  static std::vector<scim::store::TypeSpec> specs(const Registry& registry, bool column) {
    auto all = scim::server::store_specs(registry);
    if (!column) {
      for (auto& s : all) s.searched.clear();
    }
    return all;
  }
  scim::store::InMemoryStore store;
};

bool load(const Registry& registry, const ServiceConfig& config, Tenant& tenant, std::size_t users,
          std::vector<std::string>* ids = nullptr) {
  const auto* type = registry.find_resource_type("User");
  Request request;
  request.method = "POST";
  request.path = "/Users";
  request.base_url = "http://127.0.0.1/scim/v2";
  for (std::size_t i = 0; i < users; ++i) {
    request.body = scim::bench::make_user(i).dump();
    const Context ctx{registry, config, tenant.store, nullptr, request};
    auto response = scim::server::create_resource(ctx, *type);
    if (response.status != 201) {
      std::fprintf(stderr, "user %zu: HTTP %d %s\n", i, response.status, response.body.c_str());
      return false;
    }
    if (ids) ids->push_back(nlohmann::json::parse(response.body).at("id").get<std::string>());
  }
  return true;
}

// One GET /Users/{id}; `tree` asks excludedAttributes=password, which the default view returns
// anyway (returned: never) but which takes the tree path. The body, or "" on an error. `names`:
// the coded names' tables, as the Service gives them to its requests.
std::string get_user(const Registry& registry, const scim::server::CodedNames& names,
                     const ServiceConfig& config, Tenant& tenant, const std::string& id,
                     bool tree) {
  const auto* type = registry.find_resource_type("User");
  Request request;
  request.method = "GET";
  request.path = "/Users/" + id;
  request.base_url = "http://127.0.0.1/scim/v2";
  if (tree) request.query["excludedAttributes"] = "password";
  const Context ctx{registry, config, tenant.store, nullptr, request, nullptr, nullptr, &names};
  auto response = scim::server::get_resource(ctx, *type, id);
  return response.status == 200 ? std::move(response.body) : std::string();
}

// The search of the bench's wrk script (bench/wrk/search_co.lua) for user `index`; returns the
// totalResults of the answer, or -1 on an error.
long search(const Registry& registry, const ServiceConfig& config, Tenant& tenant,
            std::size_t index) {
  const auto* type = registry.find_resource_type("User");
  const std::string name = scim::bench::user_name(index);  // Given.Family.N@domain
  const auto at = name.find('@');
  std::string fragment = name.substr(0, std::min(at, name.find('.', name.find('.') + 1) + 3));
  scim::server::ListParams params;
  params.filter = "emails.value co \"" + fragment + "\"";
  params.sort_by = "userName";
  params.count = "100";
  Request request;
  request.method = "GET";
  request.path = "/Users";
  request.base_url = "http://127.0.0.1/scim/v2";
  const Context ctx{registry, config, tenant.store, nullptr, request};
  auto response = scim::server::list_resources(ctx, *type, params);
  if (response.status != 200) return -1;
  return nlohmann::json::parse(response.body).value("totalResults", -1L);
}

// What one stored user costs in the record: plain CBOR, CBOR with coded names, search column.
void print_record_sizes(const Registry& registry, Tenant& tenant) {
  scim::store::Query first;
  first.limit = 1;
  auto result = tenant.store.query("User", first);
  if (!result || result->page.empty()) return;
  const auto& user = result->page.front();
  const auto specs = scim::server::store_specs(registry);
  const auto spec =
      std::find_if(specs.begin(), specs.end(), [](const auto& s) { return s.name == "User"; });
  std::printf("stored user: json=%zu cbor=%zu coded_cbor=%zu search_column=%zu bytes\n",
              user.dump().size(), nlohmann::json::to_cbor(user).size(),
              scim::store::encode_record(user).size(),
              spec == specs.end() ? 0 : scim::store::make_search_column(*spec, user).size());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("scim-bench-store: users loaded in process; memory per user, scenario 4 CPU");
  std::size_t users = 100'000;
  std::size_t searches = 20;
  bool compare = false;
  std::size_t gets = 0;
  app.add_option("--users", users, "Users to load")->check(CLI::Range(1, 5'000'000));
  app.add_option("--searches", searches, "Scenario-4 searches (each store)");
  app.add_flag("--compare", compare, "Also a store without search columns, interleaved (A/B)");
  app.add_option("--gets", gets, "GET /Users/{id} per path: bytes-written view vs tree (A/B)");
  CLI11_PARSE(app, argc, argv);

  const Registry registry = Registry::with_builtin();
  const scim::server::CodedNames names(registry);
  const ServiceConfig config;
  const long before = rss_kib();
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  Tenant a(registry, true);
  std::vector<std::string> ids;  // only kept for --gets (it adds ~70 bytes per user to the RSS)
  if (!load(registry, config, a, users, gets > 0 ? &ids : nullptr)) return 1;
  const double load_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // The CPU time per user of generating it and creating it through the endpoint: on a shared
  // machine the figure to compare, where the wall time moves with the load.
  const double load_cpu_us = (cpu_seconds() - cpu_start) * 1e6 / static_cast<double>(users);
  const long after = rss_kib();
  std::printf("users=%zu load_s=%.1f load_cpu_us_per_user=%.1f rss_mib=%.0f bytes_per_user=%.0f\n",
              users, load_s, load_cpu_us, after / 1024.0,
              (after - before) * 1024.0 / static_cast<double>(users));
  print_record_sizes(registry, a);
  std::unique_ptr<Tenant> b;
  if (compare) {
    b = std::make_unique<Tenant>(registry, false);
    if (!load(registry, config, *b, users)) return 1;
  }
  double cpu_a = 0, cpu_b = 0;
  long matches = 0;
  for (std::size_t k = 0; k < searches; ++k) {
    const std::size_t index = (k * 7919) % users;
    for (int side = 0; side < (b ? 2 : 1); ++side) {
      const bool first = (k % 2 == 0) == (side == 0);  // alternate which store goes first
      Tenant& t = first || !b ? a : *b;
      const double t0 = cpu_seconds();
      const long total = search(registry, config, t, index);
      (&t == &a ? cpu_a : cpu_b) += cpu_seconds() - t0;
      if (total < 1) std::fprintf(stderr, "search %zu found %ld\n", k, total);
      if (&t == &a) matches += total;
    }
  }
  if (searches > 0) {
    std::printf("search column: cpu_ms_per_search=%.2f mean_matches=%.1f\n",
                cpu_a * 1e3 / static_cast<double>(searches),
                static_cast<double>(matches) / static_cast<double>(searches));
  }
  if (b && searches > 0) {
    std::printf("record bytes:  cpu_ms_per_search=%.2f\n",
                cpu_b * 1e3 / static_cast<double>(searches));
  }
  if (gets > 0) {
    double cpu_text = 0, cpu_tree = 0;
    std::size_t bytes = 0, differ = 0;
    for (std::size_t k = 0; k < gets; ++k) {
      const std::string& id = ids[(k * 7919) % ids.size()];
      const bool text_first = k % 2 == 0;  // alternate which path goes first
      std::string body[2];
      for (int side = 0; side < 2; ++side) {
        const bool tree = (side == 0) != text_first;
        const double t0 = cpu_seconds();
        body[tree ? 1 : 0] = get_user(registry, names, config, a, id, tree);
        (tree ? cpu_tree : cpu_text) += cpu_seconds() - t0;
      }
      bytes += body[0].size();
      if (body[0].empty() || k % 97 == 0) {  // a sample is compared as JSON (member order aside)
        if (body[0].empty() || nlohmann::json::parse(body[0]) != nlohmann::json::parse(body[1])) {
          ++differ;
        }
      }
    }
    std::printf(
        "GET /Users/{id}: text_cpu_us=%.2f tree_cpu_us=%.2f mean_body_bytes=%.0f "
        "differing_samples=%zu\n",
        cpu_text * 1e6 / static_cast<double>(gets), cpu_tree * 1e6 / static_cast<double>(gets),
        static_cast<double>(bytes) / static_cast<double>(gets), differ);
    if (differ > 0) return 1;
  }
  return 0;
}
