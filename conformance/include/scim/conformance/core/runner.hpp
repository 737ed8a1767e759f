// The runner: discovery, selection, capability skipping, parallel execution with per-check
// fixtures, grading, the final sweep, and cancellation. Output goes through a RunObserver so the
// console, tests and future front-ends stay outside the engine.
#pragma once

#include <chrono>
#include <string>

#include "scim/conformance/catalog.hpp"
#include "scim/conformance/client/scim_client.hpp"
#include "scim/conformance/core/cancel.hpp"
#include "scim/conformance/core/discovery.hpp"
#include "scim/conformance/core/selector.hpp"

namespace scim::conf {

class SetReceiver;

struct RunOptions {
  Selection selection;
  bool force_optional = false;  // run checks of unadvertised capabilities; failures only warn
  bool keep = false;            // keep fixtures (no cleanup, no sweep)
  int jobs = 1;                 // checks in parallel, 1..kMaxJobs
  std::chrono::milliseconds request_timeout{30000};
  std::chrono::milliseconds check_timeout{120000};
  std::string run_id;  // fixture prefix "scimconf-<run_id>-"; random when empty
  // Feed id to poll (RFC 8936) through the target's advertised poll endpoint; empty: none. The
  // runner acknowledges what it polls, so this must be a feed of the run's own.
  std::string poll_feed;
  std::string tool_version;

  static constexpr int kMaxJobs = 64;
};

class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void on_discovered(const Capabilities&) {}
  // Run-level notes (RunResult::notes), said once before any check runs.
  virtual void on_run_notes(const std::vector<std::string>&) {}
  virtual void on_start(std::size_t /*selected*/) {}
  virtual void on_check_started(const CheckInfo&) {}
  // Called from worker threads, serialised by the runner.
  virtual void on_check_finished(const CheckResult&, std::size_t /*done*/, std::size_t /*total*/) {}
};

// 8 lower-case hex characters from OpenSSL RAND_bytes.
std::string make_run_id();

// Runs the selected checks against the target behind `client`. Fails only when discovery fails
// (target unreachable or credentials refused).
Result<RunResult, DiscoveryFailure> run_checks(const Catalog& catalog, const RunOptions& options,
                                               ScimClient& client, const CancelFlag& cancel,
                                               RunObserver& observer,
                                               SetReceiver* receiver = nullptr);

}  // namespace scim::conf
