// Fault decisions (see faults.hpp). Each fault draws from a generator of its own, seeded from the
// tenant's seed and the fault's position, so one fault's draws do not depend on how many
// requests another fault matched: with a seed and the same requests, the same faults fire.
#include <algorithm>

#include "scim/protocol/error.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/admin/faults.hpp"
#include "scim/server/admin/glob.hpp"

namespace scim::admin {
namespace {

// SplitMix64 (Steele, Lea and Flood 2014): spreads (seed, index) over the generator's seed space.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// A uniform draw in [0, 1) from the top 53 bits: the same on every standard library, unlike
// std::uniform_real_distribution.
double unit(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

std::string describe(const FaultSpec& f, std::chrono::milliseconds delay) {
  using Kind = FaultSpec::Kind;
  std::string what;
  switch (f.kind) {
    case Kind::Latency:
      what = "latency " + std::to_string(delay.count()) + "ms";
      break;
    case Kind::Error:
      what = std::to_string(f.status);
      break;
    case Kind::RateLimit:
      what = "429 Retry-After " + std::to_string(f.retry_after.count());
      break;
    case Kind::Reset:
      what = f.after_processing ? "connection reset after processing" : "connection reset";
      break;
    case Kind::Close:
      what = f.after_processing ? "connection closed after processing" : "connection closed";
      break;
    case Kind::Truncate:
      what = "body truncated";
      break;
  }
  return what + " (fault " + f.id + ")";
}

}  // namespace

void FaultSet::reseed_locked(State& state, std::size_t index) {
  const std::uint64_t base = seed_ ? *seed_ : random_seed_;
  state.rng.seed(mix(base ^ mix(index + 1)));
}

Result<FaultSpec> FaultSet::add(FaultSpec spec, const FaultLimits& limits) {
  std::lock_guard lock(mu_);
  if (faults_.size() >= limits.max_faults_per_tenant) {
    return invalid_value("a tenant holds at most " + std::to_string(limits.max_faults_per_tenant) +
                         " faults");
  }
  if (spec.id.empty()) {
    do {
      spec.id = "f" + std::to_string(next_id_++);
    } while (std::any_of(faults_.begin(), faults_.end(),
                         [&](const State& s) { return s.spec.id == spec.id; }));
  }
  for (const auto& s : faults_) {
    if (s.spec.id == spec.id) return uniqueness("fault \"" + spec.id + "\" exists");
  }
  State state{spec, 0, 0, spec.times, {}};
  reseed_locked(state, faults_.size());
  faults_.push_back(std::move(state));
  return spec;
}

bool FaultSet::remove(const std::string& id) {
  std::lock_guard lock(mu_);
  auto it =
      std::find_if(faults_.begin(), faults_.end(), [&](const State& s) { return s.spec.id == id; });
  if (it == faults_.end()) return false;
  faults_.erase(it);
  return true;
}

void FaultSet::clear() {
  std::lock_guard lock(mu_);
  faults_.clear();
}

void FaultSet::set_seed(std::optional<std::uint64_t> seed) {
  std::lock_guard lock(mu_);
  seed_ = seed;
  for (std::size_t i = 0; i < faults_.size(); ++i) reseed_locked(faults_[i], i);
}

void FaultSet::reset_counters() {
  std::lock_guard lock(mu_);
  for (std::size_t i = 0; i < faults_.size(); ++i) {
    auto& s = faults_[i];
    s.matched = 0;
    s.injected = 0;
    s.remaining = s.spec.times;
    reseed_locked(s, i);
  }
}

bool FaultSet::empty() const {
  std::lock_guard lock(mu_);
  return faults_.empty();
}

nlohmann::json FaultSet::state_json(const State& s) const {
  nlohmann::json out = admin::to_json(s.spec);
  out["matched"] = s.matched;
  out["injected"] = s.injected;
  if (s.remaining) out["remaining"] = *s.remaining;
  return out;
}

nlohmann::json FaultSet::to_json() const {
  std::lock_guard lock(mu_);
  nlohmann::json faults = nlohmann::json::array();
  for (const auto& s : faults_) faults.push_back(state_json(s));
  return {{"seed", seed_ ? nlohmann::json(*seed_) : nlohmann::json(nullptr)},
          {"faults", std::move(faults)}};
}

std::optional<nlohmann::json> FaultSet::find_json(const std::string& id) const {
  std::lock_guard lock(mu_);
  for (const auto& s : faults_) {
    if (s.spec.id == id) return state_json(s);
  }
  return std::nullopt;
}

// In list order: every matching latency fault that fires adds its delay; the first other fault
// that fires decides the answer, and the faults after it are not consulted.
FaultDecision FaultSet::decide(const std::string& method, const std::string& path) {
  FaultDecision out;
  std::lock_guard lock(mu_);
  for (auto& s : faults_) {
    const FaultSpec& f = s.spec;
    if ((f.method != "*" && !iequals(f.method, method)) || !glob_match(f.path, path)) continue;
    ++s.matched;
    if (s.remaining && *s.remaining == 0) continue;
    if (f.probability < 1.0 && !(unit(s.rng) < f.probability)) continue;
    ++s.injected;
    if (s.remaining) --*s.remaining;
    std::chrono::milliseconds delay{0};
    if (f.kind == FaultSpec::Kind::Latency) {
      delay = f.delay;
      if (f.jitter.count() > 0) {
        delay += std::chrono::milliseconds(
            static_cast<long long>(unit(s.rng) * static_cast<double>(f.jitter.count() + 1)));
      }
      out.delay += delay;
    }
    out.description += (out.description.empty() ? "" : "; ") + describe(f, delay);
    if (f.kind != FaultSpec::Kind::Latency) {
      out.terminal = f;
      break;
    }
  }
  return out;
}

std::shared_ptr<FaultSet> Faults::tenant(const std::string& tenant, bool create) {
  std::lock_guard lock(mu_);
  auto it = by_tenant_.find(tenant);
  if (it != by_tenant_.end()) return it->second;
  if (!create) return nullptr;
  return by_tenant_.emplace(tenant, std::make_shared<FaultSet>()).first->second;
}

void Faults::remove_tenant(const std::string& tenant) {
  std::lock_guard lock(mu_);
  by_tenant_.erase(tenant);
}

}  // namespace scim::admin
