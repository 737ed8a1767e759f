// `scim-conformance client-report --server URL --admin-token-env VAR --session S [--tenant T]
// [--junit F] [--html F] [--json F] [--md F]`: fetches the verdict on a grading session from a
// reference server's admin API (docs/client-conformance.md), in each format asked for; the server
// renders them with the runner's own reporters, so they are written as received. Exit code as
// for `run` (the JSON verdict's exitCode): 0 no MUST finding, 1 at least one, 2 usage or fetch
// errors.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>

#include "scim/conformance/cli/options.hpp"
#include "scim/conformance/http.hpp"

namespace scim::conf::cli {

struct ClientReportEnvironment {
  std::function<std::unique_ptr<Transport>(const ClientReportConfig&)> make_transport;
  std::function<bool(const std::string& path, const std::string& content)> write_file;
  EnvLookup env;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
};

int client_report_command(const ClientReportConfig& config, const ClientReportEnvironment& env);

}  // namespace scim::conf::cli
