// Check execution: a fixed pool of worker threads pulls check indexes from an atomic counter;
// results land in a pre-sized vector by index so reports keep catalog order whatever the timing.
#include "scim/conformance/core/runner.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "scim/conformance/core/fixture_body.hpp"
#include "scim/conformance/core/grading.hpp"
#include "scim/conformance/core/run_context.hpp"
#include "scim/conformance/core/utc_time.hpp"
#include "scim/conformance/events/poll_feed_impl.hpp"
#include "scim/conformance/tag.hpp"
#include "sweep.hpp"

namespace scim::conf {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// A target that claims the interop profile (§4: "A Service Provider that does not conform to this
// profile MUST either omit this attribute or set its value to false") breaks that claim with every
// profile requirement it fails, so the failure says so first.
void mark_claim(CheckResult& result) {
  if (result.outcome == Outcome::Failed || result.outcome == Outcome::Warning)
    result.message = "claims interop conformance, but " + result.message;
}

CheckResult run_one(const Check& check, const RunOptions& options, RunShared& shared) {
  CheckResult result;
  result.info = check.info;
  const auto missing = missing_capabilities(check.info, shared.caps);
  if (!missing.empty() && !options.force_optional) {
    result.outcome = Outcome::Skipped;
    result.message = "target does not advertise: " + join(missing);
    return result;
  }
  const auto start = std::chrono::steady_clock::now();
  RunContext ctx(shared);
  if (!missing.empty()) ctx.note("--force-optional: run although not advertised: " + join(missing));
  grade([&] { check.run(ctx); }, check.info.level, !missing.empty(), result);
  if (shared.caps.interop_claimed && check.info.spec() == kInteropProfile) mark_claim(result);
  result.leftovers = ctx.cleanup(options.keep);
  result.exchanges = ctx.take_exchanges();
  result.notes = ctx.take_notes();
  result.duration = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  return result;
}

CheckResult not_run(const Check& check) {
  CheckResult result;
  result.info = check.info;
  result.outcome = Outcome::Skipped;
  result.message = "run interrupted before this check started";
  return result;
}

// The outcome of a check whose prerequisite did not pass: skipped, attributed to the root cause.
CheckResult blocked(const Check& check, const CheckResult& prerequisite) {
  CheckResult result;
  result.info = check.info;
  result.outcome = Outcome::Skipped;
  const auto& p = prerequisite;
  const bool own_verdict = p.outcome == Outcome::Failed || p.outcome == Outcome::Warning;
  result.cause = own_verdict || p.cause.empty() ? p.info.id : p.cause;
  const std::string how = p.outcome == Outcome::Failed    ? "failed"
                          : p.outcome == Outcome::Warning ? "was not met"
                          : p.outcome == Outcome::Error   ? "could not be judged"
                                                          : "was skipped";
  result.message = "depends on " + p.info.id + ", which " + how +
                   (p.message.empty() ? std::string() : ": " + p.message.substr(0, 200));
  return result;
}

// Whether `check` drives the target into its rate limit on purpose (tag rate-limit).
bool exhausts_rate_limit(const Check& check) {
  const auto& tags = check.info.tags;
  return std::find(tags.begin(), tags.end(), tag::kRateLimit.name()) != tags.end();
}

// Waves of check indexes: a check runs in a later wave than every selected check it depends on.
// Prerequisites left out of the selection are ignored (the check then guards itself inline).
// A check that exhausts the target's rate limit runs after every other: its burst empties the
// target's budget, and a check running beside or after it would meet 429s past its retries and
// fail for what the judge itself caused (seen against the reference server at 5 list requests a
// second: a groups filter failed with 429 after its two retries).
std::vector<std::vector<std::size_t>> waves_of(const std::vector<const Check*>& selected) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < selected.size(); ++i) index[selected[i]->info.id] = i;
  std::vector<int> wave(selected.size(), -1);
  std::vector<int> earliest(selected.size(), 0);
  // Bounded relaxation instead of recursion: the catalog test rejects cycles, and a cycle that
  // slipped through only leaves those checks in the waves reached by the bound.
  const auto relax = [&] {
    for (std::size_t pass = 0; pass <= selected.size(); ++pass) {
      bool changed = false;
      for (std::size_t i = 0; i < selected.size(); ++i) {
        int w = earliest[i];
        for (const auto& dep : selected[i]->info.depends_on) {
          const auto it = index.find(dep);
          if (it != index.end()) w = std::max(w, wave[it->second] + 1);
        }
        if (w != wave[i]) changed = true;
        wave[i] = w;
      }
      if (!changed) break;
    }
  };
  relax();
  int last_other = -1;
  for (std::size_t i = 0; i < selected.size(); ++i) {
    if (!exhausts_rate_limit(*selected[i])) last_other = std::max(last_other, wave[i]);
  }
  bool moved = false;
  for (std::size_t i = 0; i < selected.size(); ++i) {
    if (exhausts_rate_limit(*selected[i]) && wave[i] <= last_other) {
      earliest[i] = last_other + 1;
      moved = true;
    }
  }
  if (moved) relax();
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < selected.size(); ++i) {
    const auto w = static_cast<std::size_t>(std::min<int>(wave[i], 64));
    if (out.size() <= w) out.resize(w + 1);
    out[w].push_back(i);
  }
  return out;
}

// The first selected prerequisite of `check` that did not pass, or nullptr.
const CheckResult* failed_prerequisite(const Check& check,
                                       const std::vector<const Check*>& selected,
                                       const std::vector<CheckResult>& results) {
  for (const auto& dep : check.info.depends_on) {
    for (std::size_t i = 0; i < selected.size(); ++i) {
      if (selected[i]->info.id == dep && results[i].outcome != Outcome::Passed) return &results[i];
    }
  }
  return nullptr;
}

// Runs `selected` on `options.jobs` threads, wave by wave (waves_of); results by index, so
// catalog order is kept.
std::vector<CheckResult> execute(const std::vector<const Check*>& selected,
                                 const RunOptions& options, RunShared& shared,
                                 const CancelFlag& cancel, RunObserver& observer) {
  std::vector<CheckResult> results(selected.size());
  std::size_t done = 0;
  std::mutex observer_mutex;
  for (const auto& wave : waves_of(selected)) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      for (auto n = next.fetch_add(1); n < wave.size(); n = next.fetch_add(1)) {
        const auto i = wave[n];
        const auto& check = *selected[i];
        if (cancel.requested()) {
          results[i] = not_run(check);
          continue;
        }
        if (const auto* p = failed_prerequisite(check, selected, results)) {
          results[i] = blocked(check, *p);
        } else {
          {
            std::lock_guard lock(observer_mutex);
            observer.on_check_started(check.info);
          }
          results[i] = run_one(check, options, shared);
        }
        std::lock_guard lock(observer_mutex);
        observer.on_check_finished(results[i], ++done, selected.size());
      }
    };
    const int jobs = std::clamp(options.jobs, 1, RunOptions::kMaxJobs);
    std::vector<std::jthread> pool;
    for (int j = 1; j < jobs; ++j) pool.emplace_back(worker);
    worker();
  }
  return results;
}

// What the run says once rather than in every check: schemas standing in for an unreadable
// /Schemas, and what fixtures must fill or cannot fill (fixture_body.hpp).
std::vector<std::string> discovery_notes(const Capabilities& caps) {
  std::vector<std::string> notes;
  if (!caps.schemas.from_target()) {
    notes.push_back(
        "GET /Schemas gave no readable schema: the RFC 7643 schemas stand in when "
        "checks choose attributes");
  }
  for (const char* type : {"User", "Group"}) {
    if (!caps.has(std::string_view(type) == "User" ? Capability::Users : Capability::Groups))
      continue;
    nlohmann::json body = {{"schemas", nlohmann::json::array({caps.schema_urn(type)})}};
    auto fill = fill_required(caps, type, std::move(body), [](std::string_view) { return "x"; });
    for (const auto& u : fill.unsatisfied)
      notes.push_back("fixtures: cannot fill required " + u + "; checks creating a " + type +
                      " will end in error");
    for (const auto& a : fill.added) {
      if (a != "User.userName" && a != "Group.displayName")
        notes.push_back("fixtures: the target requires " + a + " (RFC 7643 §8.7.1), so every " +
                        type + " fixture carries it");
    }
  }
  return notes;
}

// The selection as given, except that a target claiming the interop profile is judged by it when
// no profile was asked for: the claim makes the profile's requirements its own.
Selection effective_selection(const Catalog& catalog, Selection selection, const Capabilities& caps,
                              std::vector<std::string>& notes) {
  if (!selection.profile.empty() || !caps.interop_claimed) return selection;
  const auto& specs = catalog.specs();
  const bool known = std::any_of(specs.begin(), specs.end(), [](const Spec& s) {
    return s.is_profile && s.profile == kInteropProfile;
  });
  if (!known) return selection;
  selection.profile = kInteropProfile;
  notes.push_back(
      "the target advertises interopProfileConformant: true in /ServiceProviderConfig "
      "(draft-zollner-scim-interop-profile-01 §4), so the interop profile's checks run");
  return selection;
}

}  // namespace

std::string make_run_id() {
  unsigned char bytes[4];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char b : bytes) {
    id.push_back(kHex[b >> 4]);
    id.push_back(kHex[b & 0x0F]);
  }
  return id;
}

Result<RunResult, DiscoveryFailure> run_checks(const Catalog& catalog, const RunOptions& options,
                                               ScimClient& client, const CancelFlag& cancel,
                                               RunObserver& observer, SetReceiver* receiver) {
  const auto start = std::chrono::steady_clock::now();
  RunResult run;
  run.tool_version = options.tool_version;
  run.target = client.base_url();
  run.started_at = utc_now("%Y-%m-%dT%H:%M:%SZ");
  run.run_id = options.run_id.empty() ? make_run_id() : options.run_id;

  // The run's transcript starts with the token exchange (made by the first request) and discovery.
  std::vector<Exchange> discovery;
  auto caps = discover(client, options.request_timeout, &discovery);
  run.run_exchanges = client.auth().take_token_exchanges();
  run.run_exchanges.insert(run.run_exchanges.end(), discovery.begin(), discovery.end());
  if (!caps) return Unexpected{caps.error()};
  run.capabilities = caps->to_json();
  run.notes = discovery_notes(*caps);
  const auto selection = effective_selection(catalog, options.selection, *caps, run.notes);
  run.profile = selection.profile;
  RunShared shared{client, *caps, cancel, run.run_id};
  shared.receiver = receiver;
  std::optional<RunPollFeed> poll_feed;
  if (!options.poll_feed.empty()) {
    const auto url = poll_url(caps->poll_endpoint, options.poll_feed);
    if (url.empty()) {
      run.notes.push_back("--poll-feed " + options.poll_feed + ": the target advertises no " +
                          "securityEvents.pollEndpoint, so poll checks skip");
    } else {
      poll_feed.emplace(client.resolve(url));
      shared.poll_feed = &*poll_feed;
    }
  }
  observer.on_discovered(*caps);
  observer.on_run_notes(run.notes);

  const auto selected = select(catalog, selection);
  observer.on_start(selected.size());
  shared.request_timeout = options.request_timeout;
  shared.profile = selection.profile;
  shared.check_timeout = options.check_timeout;

  run.results = execute(selected, options, shared, cancel, observer);
  run.interrupted = cancel.requested();
  for (auto& token : client.auth().take_token_exchanges())  // refreshed while checks ran
    run.run_exchanges.push_back(std::move(token));
  if (!options.keep)
    run.sweep_leftovers = sweep(client, *caps, run.run_id, options.request_timeout,
                                run.run_exchanges, RunResult::kMaxRunExchanges);
  run.duration = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  return run;
}

}  // namespace scim::conf
