// Fault injection for the mock: per tenant, faults matched by method and path glob that make
// the server answer the way real applications misbehave — slowly, with 500/502/503/504, with 429
// and Retry-After, by resetting or closing the connection without an answer, or by cutting a
// response off mid-body — always, with a probability, or only for the next N matching requests.
// A seed makes the probabilistic ones reproducible; every fault counts the requests it matched
// and the faults it injected. Faults come from the admin API (/admin/v1/tenants/{t}/faults) or
// the config file ("admin.faults"). Documented in docs/mock.md.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/api/request.hpp"

namespace scim::admin {

struct FaultSpec {
  enum class Kind {
    Latency,    // the answer is delayed by delay + up to jitter
    Error,      // 500, 502, 503 or 504 instead of the answer; the request is not processed
    RateLimit,  // 429 with Retry-After; the request is not processed
    Reset,      // the connection is reset (TCP RST), no answer
    Close,      // the connection is closed (FIN), no answer
    Truncate,  // the answer's body is cut off after `truncate_at` bytes, then the connection closes
  };
  std::string id;
  std::string method = "*";  // one method, or "*"
  std::string path = "/**";  // glob.hpp, against the path relative to the SCIM base
  Kind kind = Kind::Error;
  std::chrono::milliseconds delay{0};
  std::chrono::milliseconds jitter{0};
  int status = 503;
  std::chrono::seconds retry_after{1};
  std::optional<std::size_t> truncate_at;  // unset: half the body
  double probability = 1.0;
  std::optional<std::uint64_t> times;  // only the next N matching requests
  bool after_processing = false;       // Reset/Close: the request is processed first
};

struct FaultLimits {
  std::size_t max_faults_per_tenant = 64;
  std::chrono::milliseconds max_delay{60'000};  // per fault; delay + jitter
};

// The admin API's JSON form, e.g. {"id": "slow", "method": "GET", "path": "/Users/**",
// "type": "latency", "delayMs": 200, "jitterMs": 50, "probability": 0.5, "times": 3}.
// 400 invalidValue naming the member for anything malformed.
Result<FaultSpec> parse_fault(const nlohmann::json& doc, const FaultLimits& limits);
nlohmann::json to_json(const FaultSpec& spec);
std::string_view kind_name(FaultSpec::Kind kind);

// What the faults decided for one request.
struct FaultDecision {
  std::chrono::milliseconds delay{0};
  std::optional<FaultSpec> terminal;  // the fault that replaces or cuts the answer, if any
  std::string description;            // for the journal: "latency 200ms (f1); 503 (f2)"
};

// One tenant's faults. Thread-safe.
class FaultSet {
 public:
  // Adds a fault (its id generated when empty); 409 for an id in use, 400 beyond the limit.
  Result<FaultSpec> add(FaultSpec spec, const FaultLimits& limits);
  bool remove(const std::string& id);
  void clear();
  // The seed of the probabilistic decisions and jitter; nullopt: random. Restarts every
  // fault's sequence.
  void set_seed(std::optional<std::uint64_t> seed);
  // Zeroes the counters, restores each fault's "times" and restarts the sequences (reset).
  void reset_counters();
  nlohmann::json to_json() const;
  std::optional<nlohmann::json> find_json(const std::string& id) const;
  bool empty() const;

  FaultDecision decide(const std::string& method, const std::string& path);

 private:
  struct State {
    FaultSpec spec;
    std::uint64_t matched = 0;
    std::uint64_t injected = 0;
    std::optional<std::uint64_t> remaining;
    std::mt19937_64 rng;
  };
  void reseed_locked(State& state, std::size_t index);
  nlohmann::json state_json(const State& state) const;

  mutable std::mutex mu_;
  std::vector<State> faults_;
  std::optional<std::uint64_t> seed_;
  std::uint64_t random_seed_ = std::random_device{}();
  std::uint64_t next_id_ = 1;
};

// Every tenant's faults.
class Faults {
 public:
  explicit Faults(FaultLimits limits = {}) : limits_(limits) {}
  // The tenant's set, created on first use when `create`; null otherwise.
  std::shared_ptr<FaultSet> tenant(const std::string& tenant, bool create);
  void remove_tenant(const std::string& tenant);
  const FaultLimits& limits() const { return limits_; }

 private:
  FaultLimits limits_;
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<FaultSet>, std::less<>> by_tenant_;
};

}  // namespace scim::admin
