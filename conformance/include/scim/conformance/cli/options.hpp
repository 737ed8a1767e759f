// The command line of `scim-conformance`: `run` and `list`, their flags, the JSON config file and
// the environment, merged into plain structs. Precedence: flags > environment (SCIM_BASE_URL,
// SCIM_TOKEN) > --config file > defaults. Parsing never exits; usage errors are values.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scim/conformance/client/auth.hpp"
#include "scim/conformance/core/selector.hpp"
#include "scim/protocol/result.hpp"

namespace scim::conf::cli {

// Duration changes a comparison reports: at least `percent` of the old duration and at least
// `floor_ms` milliseconds.
struct CompareThresholds {
  int percent = 50;
  int floor_ms = 100;
};

struct RunConfig {
  std::string base_url;
  AuthConfig auth;
  Selection selection;
  bool force_optional = false;
  bool keep = false;
  bool verbose = false;
  bool insecure = false;
  std::string ca_cert;
  int jobs = 1;
  int timeout_seconds = 30;                    // per request
  int check_timeout_seconds = 0;               // per check; 0 = max(120, 4 x timeout)
  std::map<std::string, std::string> reports;  // "junit"/"html"/"json"/"md" -> output file
  std::string color = "auto";                  // auto | always | never
  int receiver_port = 0;                       // loopback SET receiver port; 0 = any free port
  std::string poll_feed;                       // RFC 8936 feed id to poll; empty = none
  // The CI gate (docs/ci.md).
  std::string expect_file;         // --expect: expected failures
  std::string update_expect_file;  // --update-expect: write today's failures as expectations
  bool fail_on_unexpected_pass = false;
  std::string compare_file;  // --compare: a results file of an earlier run
  CompareThresholds thresholds;
  // Many targets (--targets): one run per target, reports under report_dir, index.html there.
  std::string targets_file;
  std::string report_dir = "scim-reports";
  int target_jobs = 1;  // targets run at the same time, 1..kMaxTargetJobs

  static constexpr int kMaxTargetJobs = 16;
};

struct DiffConfig {
  std::string old_file;
  std::string new_file;
  std::string format = "text";  // text | md | json
  CompareThresholds thresholds;
};

struct ListConfig {
  std::string format = "text";  // text | json | md
  Selection selection;          // list honours --only/--exclude/--tags/--level/--profile too
  bool all_profiles = true;     // list shows profile checks unless --profile narrows it
};

// `client-report` (client_report_command.hpp): a grading session's verdict from a reference server.
struct ClientReportConfig {
  std::string server;           // the server's root URL: http://host:port
  std::string admin_token_env;  // environment variable holding the admin token
  std::string tenant = "default";
  std::string session;
  // --profile (repeatable): grade against these published profiles' client rules instead of the
  // ones the session was started with; empty: the session's own.
  std::vector<std::string> profiles;
  std::string junit, html, json, md;  // report files
  bool insecure = false;
  std::string ca_cert;
  int timeout_seconds = 30;
};

// `jwks`: the public half of a private_key_jwt key, as a JWKS to register with the server.
struct JwksConfig {
  std::string key_file;
  std::string key_id;
};

enum class CommandKind { Run, List, Diff, ClientReport, Jwks, Help };

struct Command {
  CommandKind kind = CommandKind::Help;
  RunConfig run;
  ListConfig list;
  DiffConfig diff;
  ClientReportConfig client_report;
  JwksConfig jwks;
  std::string help;  // usage text for CommandKind::Help
};

struct UsageError {
  std::string message;
};

using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
using FileReader = std::function<std::optional<std::string>(const std::string&)>;

// `args` excludes the program name. `read_file` loads --config (tests pass a fake).
Result<Command, UsageError> parse_command_line(const std::vector<std::string>& args,
                                               const EnvLookup& env, const FileReader& read_file);

// Parses "Name: value" (--header); nullopt when there is no colon or the name is empty.
std::optional<std::pair<std::string, std::string>> parse_header(const std::string& text);

}  // namespace scim::conf::cli
