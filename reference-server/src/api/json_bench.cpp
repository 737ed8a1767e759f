// json_parse_bench: µs per request-body parse, the reference path (nlohmann's SAX lexer under
// the server's rules) against the fast path (simdjson, api/json_parsers.hpp) reading a padded
// copy or the text in place (spare capacity), interleaved round by round. Not a test; kept out
// of ctest. The bodies: a create (the file given, e.g. `scim-bench-data template` output, as
// bench/wrk/create_user.lua sends it) and a /Bulk of --ops such creates (bulk_create.lua's shape).
//   json_parse_bench --create FILE [--ops 1000] [--rounds 7] [--ms 300]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "scim/server/api/json_parsers.hpp"
#include "scim/server/api/json_text.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using scim::server::JsonParsers;

std::string bulk_of(const std::string& create, int ops) {
  std::string body = R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],)"
                     R"("Operations":[)";
  for (int k = 1; k <= ops; ++k) {
    if (k > 1) body += ',';
    body += R"({"method":"POST","path":"/Users","bulkId":"b)" + std::to_string(k) + R"(","data":)" +
            create + "}";
  }
  return body + "]}";
}

// µs per parse of `body` over about `ms` milliseconds.
double us_per_parse(const std::string& body, const JsonParsers* parsers, std::size_t readable,
                    int ms) {
  std::size_t n = 0;
  const auto start = Clock::now();
  const auto until = start + std::chrono::milliseconds(ms);
  do {
    auto r = scim::server::parse_json_text(body, 64, parsers, readable);
    if (!r) std::abort();
    ++n;
  } while (Clock::now() < until);
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count() / n;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void compare(const char* name, std::string body, int rounds, int ms) {
  const JsonParsers parsers;
  std::string spare = body;
  spare.reserve(body.size() + 64);
  std::vector<double> old_path, copied, in_place;
  for (int r = 0; r < rounds; ++r) {
    old_path.push_back(us_per_parse(body, nullptr, 0, ms));
    copied.push_back(us_per_parse(body, &parsers, body.size(), ms));
    in_place.push_back(us_per_parse(spare, &parsers, spare.capacity(), ms));
  }
  std::printf(
      "%s (%zu bytes), median of %d rounds: nlohmann %.2f us, simdjson copied %.2f us, "
      "simdjson in place %.2f us\n",
      name, body.size(), rounds, median(old_path), median(copied), median(in_place));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"request-body parse: nlohmann reference path against the simdjson fast path"};
  std::string file;
  int ops = 1000;
  int rounds = 7;
  int ms = 300;
  app.add_option("--create", file, "a create body (one JSON line)")->required();
  app.add_option("--ops", ops, "operations of the /Bulk body");
  app.add_option("--rounds", rounds, "interleaved rounds");
  app.add_option("--ms", ms, "milliseconds per path per round");
  CLI11_PARSE(app, argc, argv);
  std::ifstream in(file);
  std::string create;
  std::getline(in, create);
  compare("create", create, rounds, ms);
  compare("bulk", bulk_of(create, ops), rounds, std::max(ms, 1000));
  return 0;
}
