// Command-line parsing with CLI11, merged with the environment and the --config file.
#include "scim/conformance/cli/options.hpp"

#include <CLI/CLI.hpp>
#include <charconv>

#include "scim/conformance/cli/config_file.hpp"
#include "scim/conformance/cli/oauth_options.hpp"
#include "scim/conformance/model.hpp"

namespace scim::conf::cli {
namespace {

enum class Kind { Single, Multi, Flag };
struct OptionSpec {
  const char* name;
  Kind kind;
  const char* help;
};

// One table drives the flags, the config keys and the merge.
constexpr OptionSpec kRunOptions[] = {
    {"base-url", Kind::Single, "SCIM base URL of the target, e.g. https://host/scim/v2"},
    {"token", Kind::Single, "bearer token (RFC 6750)"},
    {"basic", Kind::Single, "HTTP Basic credentials user:pass"},
    {"header", Kind::Multi, "extra header 'Name: value' on every request (repeatable)"},
    {"oauth-token-url", Kind::Single, "OAuth 2.0 token endpoint (client credentials grant)"},
    {"oauth-issuer", Kind::Single,
     "OAuth issuer: the token endpoint is read from its RFC 8414 metadata"},
    {"oauth-client-id", Kind::Single, "OAuth client id"},
    {"oauth-client-secret", Kind::Single, "OAuth client secret"},
    {"oauth-key", Kind::Single,
     "PEM private key (RSA or EC P-256): private_key_jwt client authentication (RFC 7523)"},
    {"oauth-key-id", Kind::Single, "kid of --oauth-key, as registered in the client's JWKS"},
    {"oauth-scope", Kind::Single, "OAuth scope (default with --oauth-key: scim)"},
    {"only", Kind::Multi, "run only checks whose ID matches this glob (repeatable)"},
    {"exclude", Kind::Multi, "skip checks whose ID matches this glob (repeatable)"},
    {"tags", Kind::Multi, "run only checks with one of these tags (comma-separated)"},
    {"level", Kind::Single, "minimum requirement level: MUST, SHOULD or MAY"},
    {"jobs", Kind::Single, "checks run in parallel (1-64)"},
    {"timeout", Kind::Single, "per-request timeout in seconds (default 30)"},
    {"check-timeout", Kind::Single,
     "per-check time limit in seconds (default max(120, 4x timeout))"},
    {"profile", Kind::Single,
     "also run profile NAME: interop, ipsie-al1 or a provider replay (entra, okta)"},
    {"force-optional", Kind::Flag, "run checks of unadvertised capabilities; failures warn"},
    {"keep", Kind::Flag, "keep created resources (no cleanup, no sweep)"},
    {"junit", Kind::Single, "write a JUnit XML report to FILE"},
    {"html", Kind::Single, "write an HTML report to FILE"},
    {"json", Kind::Single, "write a JSON report to FILE"},
    {"md", Kind::Single, "write a Markdown report to FILE"},
    {"verbose", Kind::Flag, "print the HTTP transcripts of failed checks"},
    {"insecure", Kind::Flag, "do not verify the target's TLS certificate"},
    {"ca-cert", Kind::Single, "PEM file of CA certificates to verify the target with"},
    {"color", Kind::Single, "auto, always or never"},
    {"receiver-port", Kind::Single, "port of the loopback SET receiver on 127.0.0.1 (0 = any)"},
    {"poll-feed", Kind::Single,
     "RFC 8936: poll this feed of the target (its SETs are acknowledged: give the run its own)"},
    {"expect", Kind::Single,
     "JSON file of expected failures: listed checks that fail do not fail the gate"},
    {"update-expect", Kind::Single, "write this run's failures to FILE as expectations"},
    {"fail-on-unexpected-pass", Kind::Flag,
     "an expected failure that passed fails the gate (remove its entry)"},
    {"compare", Kind::Single, "compare with an earlier run's --json FILE in every report"},
    {"duration-threshold", Kind::Single,
     "report duration changes of at least this percent (default 50)"},
    {"duration-floor", Kind::Single, "... and at least this many milliseconds (default 100)"},
    {"targets", Kind::Single, "JSON file of targets: run each, reports per target, index.html"},
    {"report-dir", Kind::Single, "with --targets: directory of the reports (default scim-reports)"},
    {"target-jobs", Kind::Single, "with --targets: targets run at the same time (1-16)"},
};

struct Bound {
  Kind kind = Kind::Single;
  std::string single;
  std::vector<std::string> multi;
  bool flag = false;
  CLI::Option* option = nullptr;
};
using BoundMap = std::map<std::string, Bound>;

void bind(CLI::App& app, const OptionSpec& spec, BoundMap& bound) {
  auto& b = bound[spec.name];
  b.kind = spec.kind;
  const std::string name = std::string("--") + spec.name;
  if (spec.kind == Kind::Flag) b.option = app.add_flag(name, b.flag, spec.help);
  if (spec.kind == Kind::Single) b.option = app.add_option(name, b.single, spec.help);
  if (spec.kind == Kind::Multi) b.option = app.add_option(name, b.multi, spec.help);
}

// What the command line set explicitly, as config values.
ConfigValues given(const BoundMap& bound) {
  ConfigValues out;
  for (const auto& [name, b] : bound) {
    if (b.option->count() == 0) continue;
    if (b.kind == Kind::Flag) out[name] = {"true"};
    if (b.kind == Kind::Single) out[name] = {b.single};
    if (b.kind == Kind::Multi) out[name] = b.multi;
  }
  return out;
}

// Splits comma-separated items and drops empty ones ("--tags a,b --tags c").
std::vector<std::string> items(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    std::size_t start = 0;
    while (start <= v.size()) {
      const auto comma = std::min(v.find(',', start), v.size());
      if (comma > start) out.push_back(v.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return out;
}

class Values {
 public:
  explicit Values(ConfigValues v) : v_(std::move(v)) {}
  const std::string* one(const std::string& key) const {
    const auto it = v_.find(key);
    return it == v_.end() || it->second.empty() ? nullptr : &it->second.back();
  }
  std::vector<std::string> many(const std::string& key) const {
    const auto it = v_.find(key);
    return it == v_.end() ? std::vector<std::string>{} : it->second;
  }
  bool flag(const std::string& key) const {
    const auto* v = one(key);
    return v != nullptr && *v == "true";
  }
  std::string text(const std::string& key) const {
    const auto* v = one(key);
    return v == nullptr ? std::string() : *v;
  }

 private:
  ConfigValues v_;
};

Result<int, UsageError> number(const Values& values, const std::string& key, int fallback, int lo,
                               int hi) {
  const auto* v = values.one(key);
  if (v == nullptr) return fallback;
  int n = 0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size() || n < lo || n > hi) {
    return UsageError{"--" + key + " must be a whole number from " + std::to_string(lo) + " to " +
                      std::to_string(hi)};
  }
  return n;
}

Status<UsageError> read_auth(const Values& values, AuthConfig& auth) {
  auth.bearer_token = values.text("token");
  auth.basic = values.text("basic");
  for (const auto& h : values.many("header")) {
    auto header = parse_header(h);
    if (!header) return UsageError{"--header must look like 'Name: value', got '" + h + "'"};
    auth.extra_headers.push_back(*header);
  }
  if (!auth.basic.empty() && auth.basic.find(':') == std::string::npos) {
    return UsageError{"--basic must be user:password"};
  }
  auto oauth = read_oauth({values.text("oauth-token-url"), values.text("oauth-client-id"),
                           values.text("oauth-client-secret"), values.text("oauth-scope"),
                           values.text("oauth-issuer"), values.text("oauth-key"),
                           values.text("oauth-key-id")});
  if (!oauth) return oauth.error();
  auth.oauth = std::move(*oauth);
  const int methods =
      (auth.oauth ? 1 : 0) + (auth.bearer_token.empty() ? 0 : 1) + (auth.basic.empty() ? 0 : 1);
  if (methods > 1) return UsageError{"choose one of --token, --basic and --oauth-*"};
  return Ok{};
}

Status<UsageError> read_selection(const Values& values, Selection& sel) {
  sel.only = items(values.many("only"));
  sel.exclude = items(values.many("exclude"));
  sel.tags = items(values.many("tags"));
  sel.profile = values.text("profile");
  if (const auto* level = values.one("level")) {
    const auto parsed = parse_level(*level);
    if (!parsed) return UsageError{"--level must be MUST, SHOULD or MAY"};
    sel.min_level = *parsed;
  }
  return Ok{};
}

Status<UsageError> read_thresholds(const Values& values, CompareThresholds& thresholds) {
  auto percent = number(values, "duration-threshold", 50, 1, 100000);
  auto floor = number(values, "duration-floor", 100, 0, 86400000);
  if (!percent) return percent.error();
  if (!floor) return floor.error();
  thresholds = {*percent, *floor};
  return Ok{};
}

// The CI gate's flags: expectations, comparison, many targets.
Status<UsageError> read_gate(const Values& values, RunConfig& run) {
  run.expect_file = values.text("expect");
  run.update_expect_file = values.text("update-expect");
  run.fail_on_unexpected_pass = values.flag("fail-on-unexpected-pass");
  run.compare_file = values.text("compare");
  run.targets_file = values.text("targets");
  if (const auto* dir = values.one("report-dir")) run.report_dir = *dir;
  auto target_jobs = number(values, "target-jobs", 1, 1, RunConfig::kMaxTargetJobs);
  if (!target_jobs) return target_jobs.error();
  run.target_jobs = *target_jobs;
  if (!run.targets_file.empty() && (!run.update_expect_file.empty() || !run.compare_file.empty()))
    return UsageError{"with --targets, give expectations per target in the targets file"};
  return read_thresholds(values, run.thresholds);
}

Status<UsageError> read_run(const Values& values, RunConfig& run) {
  if (auto s = read_gate(values, run); !s) return s;
  run.base_url = values.text("base-url");
  if (run.base_url.empty() && run.targets_file.empty())
    return UsageError{"--base-url is required (or SCIM_BASE_URL, or --targets)"};
  if (!run.base_url.empty() && !run.base_url.starts_with("http://") &&
      !run.base_url.starts_with("https://")) {
    return UsageError{"--base-url must start with http:// or https://"};
  }
  if (auto s = read_auth(values, run.auth); !s) return s;
  if (auto s = read_selection(values, run.selection); !s) return s;
  auto jobs = number(values, "jobs", 1, 1, 64);
  auto timeout = number(values, "timeout", 30, 1, 3600);
  auto check_timeout = number(values, "check-timeout", 0, 0, 86400);
  auto receiver_port = number(values, "receiver-port", 0, 0, 65535);
  for (const auto* n : {&jobs, &timeout, &check_timeout, &receiver_port}) {
    if (!*n) return n->error();
  }
  run.jobs = *jobs;
  run.timeout_seconds = *timeout;
  run.check_timeout_seconds = *check_timeout;
  run.receiver_port = *receiver_port;
  run.force_optional = values.flag("force-optional");
  run.keep = values.flag("keep");
  run.verbose = values.flag("verbose");
  run.insecure = values.flag("insecure");
  run.ca_cert = values.text("ca-cert");
  run.poll_feed = values.text("poll-feed");
  run.color = values.one("color") ? values.text("color") : "auto";
  if (run.color != "auto" && run.color != "always" && run.color != "never") {
    return UsageError{"--color must be auto, always or never"};
  }
  for (const char* format : {"junit", "html", "json", "md"}) {
    if (const auto* file = values.one(format)) run.reports[format] = *file;
  }
  if (!run.targets_file.empty() && !run.reports.empty())
    return UsageError{"with --targets, every report is written to --report-dir/NAME/"};
  return Ok{};
}

// flags > environment > config file.
Result<ConfigValues, UsageError> merge(ConfigValues flags, const EnvLookup& env,
                                       const FileReader& read_file) {
  ConfigValues merged;
  if (const auto it = flags.find("config"); it != flags.end()) {
    const auto text = read_file(it->second.back());
    if (!text) return UsageError{"cannot read --config file " + it->second.back()};
    auto config = read_config(*text);
    if (!config) return UsageError{"--config " + it->second.back() + ": " + config.error()};
    merged = std::move(*config);
    flags.erase("config");
  }
  if (auto url = env("SCIM_BASE_URL"); url && !url->empty()) merged["base-url"] = {*url};
  const bool other_auth = flags.contains("basic") || flags.contains("oauth-token-url") ||
                          flags.contains("oauth-issuer") || merged.contains("basic") ||
                          merged.contains("oauth-token-url") || merged.contains("oauth-issuer");
  if (auto token = env("SCIM_TOKEN"); token && !token->empty() && !other_auth) {
    merged["token"] = {*token};
  }
  for (auto& [key, value] : flags) merged[key] = std::move(value);
  return merged;
}

void add_run(CLI::App& app, BoundMap& bound, std::string& config) {
  auto* run = app.add_subcommand("run", "run the conformance checks against a SCIM service");
  for (const auto& spec : kRunOptions) bind(*run, spec, bound);
  run->add_option("--config", config, "JSON file with the same keys as these flags");
}

void add_list(CLI::App& app, BoundMap& bound, std::string& format) {
  auto* list = app.add_subcommand("list", "list the checks with ID, level, tags, capabilities");
  list->add_option("--format", format, "text, json or md")
      ->check(CLI::IsMember({"text", "json", "md"}));
  for (const auto& spec : kRunOptions) {
    const std::string name = spec.name;
    if (name == "only" || name == "exclude" || name == "tags" || name == "level" ||
        name == "profile") {
      bind(*list, spec, bound);
    }
  }
}

void add_diff(CLI::App& app, BoundMap& bound, DiffConfig& diff) {
  auto* cmd = app.add_subcommand(
      "diff", "compare two --json results: regressions (exit 1), fixes, new and gone checks");
  cmd->add_option("old", diff.old_file, "results file of the earlier run")->required();
  cmd->add_option("new", diff.new_file, "results file of the later run")->required();
  cmd->add_option("--format", diff.format, "text, md or json")
      ->check(CLI::IsMember({"text", "md", "json"}));
  for (const auto& spec : kRunOptions) {
    const std::string name = spec.name;
    if (name == "duration-threshold" || name == "duration-floor") bind(*cmd, spec, bound);
  }
}

void add_client_report(CLI::App& app, ClientReportConfig& c) {
  auto* cmd = app.add_subcommand("client-report",
                                 "grade a client: the verdict on a reference server's grading "
                                 "session (MUST findings: exit 1)");
  cmd->add_option("--server", c.server, "reference server root URL, e.g. http://127.0.0.1:8080")
      ->required();
  cmd->add_option("--admin-token-env", c.admin_token_env,
                  "environment variable holding the admin token")
      ->required();
  cmd->add_option("--session", c.session, "grading session name")->required();
  cmd->add_option("--tenant", c.tenant, "tenant of the session (default: default)");
  cmd->add_option("--profile", c.profiles,
                  "grade against a published profile's client rules (interop, ipsie-al1; "
                  "repeatable) instead of the session's own")
      ->check(CLI::IsMember({"interop", "ipsie-al1"}));
  cmd->add_option("--junit", c.junit, "write a JUnit XML report to FILE");
  cmd->add_option("--html", c.html, "write an HTML report to FILE");
  cmd->add_option("--json", c.json, "write a JSON report to FILE");
  cmd->add_option("--md", c.md, "write a Markdown report to FILE");
  cmd->add_flag("--insecure", c.insecure, "do not verify the server's TLS certificate");
  cmd->add_option("--ca-cert", c.ca_cert, "PEM file of CA certificates to verify the server with");
  cmd->add_option("--timeout", c.timeout_seconds, "request timeout in seconds (default 30)")
      ->check(CLI::Range(1, 3600));
}

void add_jwks(CLI::App& app, JwksConfig& c) {
  auto* cmd = app.add_subcommand(
      "jwks", "print the public JWKS of an --oauth-key, to register the client's key (RFC 7517)");
  cmd->add_option("--oauth-key", c.key_file, "PEM private key (RSA or EC P-256)")->required();
  cmd->add_option("--oauth-key-id", c.key_id, "kid to publish the key under");
}

}  // namespace

std::optional<std::pair<std::string, std::string>> parse_header(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  auto name = text.substr(0, colon);
  auto value = text.substr(colon + 1);
  while (!value.empty() && value.front() == ' ') value.erase(0, 1);
  for (char c : name) {
    if (c == ' ' || c == '\r' || c == '\n') return std::nullopt;  // no header injection
  }
  if (value.find_first_of("\r\n") != std::string::npos) return std::nullopt;
  return std::make_pair(name, value);
}

Result<Command, UsageError> parse_command_line(const std::vector<std::string>& args,
                                               const EnvLookup& env, const FileReader& read_file) {
  CLI::App app{"scim-conformance: SCIM 2.0 (RFC 7643/7644) conformance runner", "scim-conformance"};
  app.require_subcommand(1);
  BoundMap run_bound, list_bound, diff_bound;
  std::string config, format = "text";
  Command command;
  add_run(app, run_bound, config);
  add_list(app, list_bound, format);
  add_diff(app, diff_bound, command.diff);
  add_client_report(app, command.client_report);
  add_jwks(app, command.jwks);
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 pops from the back
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    command.help = app.help();
    for (const char* sub : {"run", "list", "diff", "client-report", "jwks"}) {
      if (app.got_subcommand(sub)) command.help = app.get_subcommand(sub)->help();
    }
    return command;
  } catch (const CLI::ParseError& e) {
    return UsageError{e.what()};
  }
  if (app.got_subcommand("list")) {
    command.kind = CommandKind::List;
    command.list.format = format;
    if (auto s = read_selection(Values(given(list_bound)), command.list.selection); !s)
      return s.error();
    return command;
  }
  if (app.got_subcommand("client-report")) {
    command.kind = CommandKind::ClientReport;
    return command;
  }
  if (app.got_subcommand("jwks")) {
    command.kind = CommandKind::Jwks;
    return command;
  }
  if (app.got_subcommand("diff")) {
    command.kind = CommandKind::Diff;
    if (auto s = read_thresholds(Values(given(diff_bound)), command.diff.thresholds); !s)
      return s.error();
    return command;
  }
  auto flags = given(run_bound);
  if (!config.empty()) flags["config"] = {config};
  auto merged = merge(std::move(flags), env, read_file);
  if (!merged) return merged.error();
  command.kind = CommandKind::Run;
  if (auto s = read_run(Values(std::move(*merged)), command.run); !s) return s.error();
  return command;
}

}  // namespace scim::conf::cli
