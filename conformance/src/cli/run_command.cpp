// The `run` command: composition of the engine for one run.
#include "scim/conformance/cli/run_command.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>

#include "scim/conformance/capability.hpp"
#include "scim/conformance/cli/console.hpp"
#include "scim/conformance/cli/targets_command.hpp"
#include "scim/conformance/client/retry_transport.hpp"
#include "scim/conformance/client/scim_client.hpp"
#include "scim/conformance/core/runner.hpp"
#include "scim/conformance/events/loopback_receiver.hpp"
#include "scim/conformance/tag.hpp"

namespace scim::conf::cli {
namespace {

bool needs_events(const Catalog& catalog, const Selection& selection) {
  for (const auto* check : select(catalog, selection)) {
    const auto& i = check->info;
    const auto has = [](const auto& v, std::string_view x) {
      return std::find(v.begin(), v.end(), x) != v.end();
    };
    if (has(i.capabilities, to_string(cap::kEvents)) || has(i.tags, tag::kEvents.name()) ||
        i.spec() == "rfc9967") {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> check_usage(const RunConfig& config, const Catalog& catalog,
                                       const RunEnvironment& env) {
  for (const auto& [format, file] : config.reports) {
    if (!env.reporters.contains(format)) {
      return "the " + format + " report is not available in this build";
    }
  }
  if (!config.selection.profile.empty()) {
    const auto& specs = catalog.specs();
    const bool found = std::any_of(specs.begin(), specs.end(), [&](const Spec& s) {
      return s.is_profile && s.profile == config.selection.profile;
    });
    if (!found) return "unknown profile '" + config.selection.profile + "'";
  }
  // A typo in --only must not turn into a green CI run that tested nothing. A selection of interop
  // checks without --profile is decided after discovery (a target claiming the profile gets them).
  Selection claimed = config.selection;
  if (claimed.profile.empty()) claimed.profile = kInteropProfile;
  if (select(catalog, config.selection).empty() && select(catalog, claimed).empty())
    return "no check matches the selection";
  return std::nullopt;
}

namespace {

RunOptions options_from(const RunConfig& config, const std::string& version) {
  RunOptions options;
  options.selection = config.selection;
  options.force_optional = config.force_optional;
  options.keep = config.keep;
  options.jobs = config.jobs;
  options.request_timeout = std::chrono::seconds(config.timeout_seconds);
  const int check_seconds = config.check_timeout_seconds > 0
                                ? config.check_timeout_seconds
                                : std::max(120, 4 * config.timeout_seconds);
  options.check_timeout = std::chrono::seconds(check_seconds);
  options.tool_version = version;
  options.poll_feed = config.poll_feed;
  return options;
}

bool write_reports(const RunConfig& config, const RunResult& run, RunEnvironment& env,
                   std::ostream& err) {
  bool ok = true;
  for (const auto& [format, file] : config.reports) {
    std::ostringstream content;
    env.reporters.at(format)(run, content);
    if (!env.write_file(file, content.str())) {
      err << "scim-conformance: cannot write " << format << " report to " << file << "\n";
      ok = false;
    }
  }
  return ok;
}

// --update-expect: the current failures become the expectations file.
bool write_baseline(const RunConfig& config, const RunResult& run, const GateInputs& gate,
                    RunEnvironment& env, std::ostream& out, std::ostream& err) {
  if (config.update_expect_file.empty()) return true;
  const auto text = baseline_expectations(run, gate.expect.value_or(ExpectationSet{}), env.today);
  if (!env.write_file(config.update_expect_file, text)) {
    err << "scim-conformance: cannot write --update-expect " << config.update_expect_file << "\n";
    return false;
  }
  out << "wrote expectations for " << run.count(Outcome::Failed) + run.count(Outcome::Error)
      << " failing checks to " << config.update_expect_file << "\n";
  return true;
}

// GitHub Actions shows $GITHUB_STEP_SUMMARY on the run's page; appended, as other steps may write.
void append_step_summary(const RunResult& run, RunEnvironment& env, std::ostream& err) {
  const auto path = env.env ? env.env("GITHUB_STEP_SUMMARY") : std::nullopt;
  if (!path || path->empty() || !env.reporters.contains("md") || !env.append_file) return;
  std::ostringstream md;
  env.reporters.at("md")(run, md);
  if (!env.append_file(*path, md.str()))
    err << "scim-conformance: cannot append the summary to GITHUB_STEP_SUMMARY " << *path << "\n";
}

// The loopback RFC 8935 receiver, when a selected check needs events; nullptr otherwise.
std::unique_ptr<LoopbackReceiver> start_receiver(const RunConfig& config, const Catalog& catalog,
                                                 const RunEnvironment& env, std::ostream& out,
                                                 std::ostream& err) {
  if (!env.start_set_receiver || !needs_events(catalog, config.selection)) return nullptr;
  LoopbackOptions receiver_options;
  receiver_options.port = static_cast<unsigned short>(config.receiver_port);
  auto started = LoopbackReceiver::start(receiver_options);
  if (!started) {
    err << "scim-conformance: " << started.error() << " (event checks will skip)\n";
    return nullptr;
  }
  out << "SET receiver listening on " << (*started)->url() << "\n";
  return std::move(*started);
}

// The published profiles of the catalog ("interop", "ipsie-al1"): profile specs named by their
// own id, unlike the provider replays ("profile-entra").
std::vector<std::string> published_profiles(const Catalog& catalog) {
  std::vector<std::string> names;
  for (const auto& spec : catalog.specs())
    if (spec.is_profile && spec.profile == spec.id) names.push_back(spec.id);
  return names;
}

}  // namespace

TargetRun run_target(const RunConfig& config, const Catalog& catalog, RunEnvironment& env,
                     const GateInputs& gate, std::ostream& out, std::ostream& err) {
  auto transport = env.make_transport(config);
  RetryTransport retrying(*transport, RetryPolicy{}, env.sleep);
  Authenticator auth(config.auth, retrying);
  ScimClient client(retrying, auth, config.base_url);

  const auto receiver = start_receiver(config, catalog, env, out, err);
  const bool colour = config.color == "always" || (config.color == "auto" && env.stdout_is_tty);
  ConsoleStyle style{env.stdout_is_tty, colour, config.verbose, published_profiles(catalog)};
  const std::optional<ExpectationMatcher> matcher =
      gate.expect ? std::make_optional<ExpectationMatcher>(*gate.expect, env.today) : std::nullopt;
  ConsoleObserver console(out, style, matcher ? &*matcher : nullptr);
  auto run = run_checks(catalog, options_from(config, env.tool_version), client, *env.cancel,
                        console, receiver.get());
  if (!run) {
    err << "scim-conformance: discovery failed: " << run.error().message << "\n";
    return {2, std::nullopt, "discovery failed: " + run.error().message};
  }
  if (run->results.empty()) {
    const std::string why =
        "no check matches the selection (the target does not claim interopProfileConformant; "
        "add --profile interop to judge it by the profile)";
    err << "scim-conformance: " << why << "\n";
    return {2, std::nullopt, why};
  }
  apply_gate(*run, config, gate, env.today);
  print_summary(out, *run, style);
  const bool reports_written = write_reports(config, *run, env, err);
  const bool reports_ok = write_baseline(config, *run, gate, env, out, err) && reports_written;
  int code = run->exit_code();
  if (run->interrupted && code == 0) code = 2;
  if (!reports_ok && code == 0) code = 1;  // CI must notice a missing report
  return {code, std::move(*run), {}};
}

int run_command(const RunConfig& config, const Catalog& catalog, RunEnvironment& env) {
  if (env.today.empty()) env.today = utc_today();
  if (!config.targets_file.empty()) return targets_command(config, catalog, env);
  if (auto problem = check_usage(config, catalog, env)) {
    *env.err << "scim-conformance: " << *problem << "\n";
    return 2;
  }
  auto gate = load_gate_inputs(config, env.read_file);
  if (!gate) {
    *env.err << "scim-conformance: " << gate.error() << "\n";
    return 2;
  }
  auto target = run_target(config, catalog, env, *gate, *env.out, *env.err);
  if (target.run) append_step_summary(*target.run, env, *env.err);
  return target.code;
}

}  // namespace scim::conf::cli
