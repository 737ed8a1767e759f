// `scim-conformance run`: builds the transport stack (curl or, in tests, a fake), authentication,
// the optional SET receiver and the console, runs the catalog and writes the requested reports.
// Exit codes: 0 no MUST failed and no error; 1 a MUST failed or an error occurred (also an
// interrupted run that already had failures); 2 usage error, target unreachable, credentials
// refused, or a run interrupted before anything failed (incomplete, so never a pass).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <ostream>

#include "scim/conformance/catalog.hpp"
#include "scim/conformance/cli/options.hpp"
#include "scim/conformance/core/cancel.hpp"
#include "scim/conformance/http.hpp"

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
};

int run_command(const RunConfig& config, const Catalog& catalog, RunEnvironment& env);

}  // namespace scim::conf::cli
