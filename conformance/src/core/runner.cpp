// Check execution: a fixed pool of worker threads pulls check indexes from an atomic counter;
// results land in a pre-sized vector by index so reports keep catalog order whatever the timing.
#include "scim/conformance/core/runner.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <ctime>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "scim/conformance/core/grading.hpp"
#include "scim/conformance/core/run_context.hpp"
#include "sweep.hpp"

namespace scim::conf {
namespace {

std::string utc_now_rfc3339() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
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

// Runs `selected` on `options.jobs` threads; results by index, so catalog order is kept.
std::vector<CheckResult> execute(const std::vector<const Check*>& selected,
                                 const RunOptions& options, RunShared& shared,
                                 const CancelFlag& cancel, RunObserver& observer) {
  std::vector<CheckResult> results(selected.size());
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex observer_mutex;
  auto worker = [&] {
    for (auto i = next.fetch_add(1); i < selected.size(); i = next.fetch_add(1)) {
      const auto& check = *selected[i];
      if (cancel.requested()) {
        results[i] = not_run(check);
        continue;
      }
      {
        std::lock_guard lock(observer_mutex);
        observer.on_check_started(check.info);
      }
      results[i] = run_one(check, options, shared);
      std::lock_guard lock(observer_mutex);
      observer.on_check_finished(results[i], ++done, selected.size());
    }
  };
  const int jobs = std::clamp(options.jobs, 1, RunOptions::kMaxJobs);
  std::vector<std::jthread> pool;
  for (int j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
  pool.clear();  // joins
  return results;
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
  run.profile = options.selection.profile;
  run.started_at = utc_now_rfc3339();
  run.run_id = options.run_id.empty() ? make_run_id() : options.run_id;

  auto caps = discover(client, options.request_timeout);
  if (!caps) return Unexpected{caps.error()};
  run.capabilities = caps->to_json();
  observer.on_discovered(*caps);

  const auto selected = select(catalog, options.selection);
  observer.on_start(selected.size());
  RunShared shared{client, *caps, cancel, run.run_id};
  shared.receiver = receiver;
  shared.request_timeout = options.request_timeout;
  shared.check_timeout = options.check_timeout;

  run.results = execute(selected, options, shared, cancel, observer);
  run.interrupted = cancel.requested();
  if (!options.keep)
    run.sweep_leftovers = sweep(client, *caps, run.run_id, options.request_timeout);
  run.duration = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  return run;
}

}  // namespace scim::conf
