// `scim-conformance run`: builds the transport stack (curl or, in tests, a fake), authentication,
// the optional SET receiver and the console, runs the catalog and writes the requested reports.
// Exit codes: 0 no MUST failed and no error; 1 a MUST failed or an error occurred (also an
// interrupted run that already had failures); 2 usage error, target unreachable, credentials
// refused, or a run interrupted before anything failed (incomplete, so never a pass). With
// --expect, expected failures do not count and an expired entry counts as a failure
// (core/expectations.hpp). With --targets, the worst code of all targets (targets_command.hpp).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <ostream>

#include "scim/conformance/catalog.hpp"
#include "scim/conformance/cli/options.hpp"
#include "scim/conformance/cli/run_gate.hpp"
#include "scim/conformance/core/cancel.hpp"
#include "scim/conformance/http.hpp"
#include "scim/conformance/target_index.hpp"

namespace scim::conf::cli {

using ReportWriter = std::function<void(const RunResult&, std::ostream&)>;

struct RunEnvironment {
  // Creates the transport for the target (main: CurlTransport with --insecure/--ca-cert).
  std::function<std::unique_ptr<Transport>(const RunConfig&)> make_transport;
  // Report writers by format ("junit", "html", "json", "md"); a missing one is a usage error.
  std::map<std::string, ReportWriter> reporters;
  // Writes a report file; tests capture instead of touching the disk.
  std::function<bool(const std::string& path, const std::string& content)> write_file;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  bool stdout_is_tty = false;
  const CancelFlag* cancel = nullptr;
  std::string tool_version = "0.1.0";
  bool start_set_receiver = true;  // tests turn the loopback receiver off
  // Sleeps between retries of 429/503 (tests pass a no-op).
  std::function<void(std::chrono::milliseconds)> sleep;
  // Reads --expect, --compare and --targets files (tests pass a fake).
  FileReader read_file;
  // Appends to a file: the Markdown summary to $GITHUB_STEP_SUMMARY.
  std::function<bool(const std::string& path, const std::string& content)> append_file;
  // Environment variables: GITHUB_STEP_SUMMARY, and the token variables --targets names.
  EnvLookup env;
  std::string today;  // YYYY-MM-DD for expiry dates; empty = today in UTC
  // --targets: the index page writers by format, "html" (index.html) and "md" (index.md, also
  // appended to $GITHUB_STEP_SUMMARY); see reports/index_page.hpp.
  std::map<std::string, std::function<void(const std::vector<TargetSummary>&, std::ostream&)>>
      index_writers;
};

// The end of one target's run.
struct TargetRun {
  int code = 2;
  std::optional<RunResult> run;  // nullopt when the target could not be run
  std::string problem;           // why not (discovery failed, usage error)
};

int run_command(const RunConfig& config, const Catalog& catalog, RunEnvironment& env);

// One run against config.base_url, graded by `gate`, console output to `out` and `err`, reports
// written; `run_command` for one target, and each target of --targets.
TargetRun run_target(const RunConfig& config, const Catalog& catalog, RunEnvironment& env,
                     const GateInputs& gate, std::ostream& out, std::ostream& err);

// The usage problem of `config` before any request is sent (unknown report format or profile, a
// selection matching nothing), or nullopt.
std::optional<std::string> check_usage(const RunConfig& config, const Catalog& catalog,
                                       const RunEnvironment& env);

}  // namespace scim::conf::cli
