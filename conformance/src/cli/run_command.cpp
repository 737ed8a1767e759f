// The `run` command: composition of the engine for one run.
#include "scim/conformance/cli/run_command.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>

#include "scim/conformance/capability.hpp"
#include "scim/conformance/cli/console.hpp"
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
      return s.is_profile && s.id == "profile-" + config.selection.profile;
    });
    if (!found) return "unknown profile '" + config.selection.profile + "'";
  }
  // A typo in --only must not turn into a green CI run that tested nothing.
  if (select(catalog, config.selection).empty()) return "no check matches the selection";
  return std::nullopt;
}

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

bool write_reports(const RunConfig& config, const RunResult& run, RunEnvironment& env) {
  bool ok = true;
  for (const auto& [format, file] : config.reports) {
    std::ostringstream content;
    env.reporters.at(format)(run, content);
    if (!env.write_file(file, content.str())) {
      *env.err << "scim-conformance: cannot write " << format << " report to " << file << "\n";
      ok = false;
    }
  }
  return ok;
}

}  // namespace

int run_command(const RunConfig& config, const Catalog& catalog, RunEnvironment& env) {
  if (auto problem = check_usage(config, catalog, env)) {
    *env.err << "scim-conformance: " << *problem << "\n";
    return 2;
  }
  auto transport = env.make_transport(config);
  RetryTransport retrying(*transport, RetryPolicy{}, env.sleep);
  Authenticator auth(config.auth, retrying);
  ScimClient client(retrying, auth, config.base_url);

  std::unique_ptr<LoopbackReceiver> receiver;
  if (env.start_set_receiver && needs_events(catalog, config.selection)) {
    LoopbackOptions receiver_options;
    receiver_options.port = static_cast<unsigned short>(config.receiver_port);
    auto started = LoopbackReceiver::start(receiver_options);
    if (started) {
      receiver = std::move(*started);
      *env.out << "SET receiver listening on " << receiver->url() << "\n";
    } else {
      *env.err << "scim-conformance: " << started.error() << " (event checks will skip)\n";
    }
  }

  const bool colour = config.color == "always" || (config.color == "auto" && env.stdout_is_tty);
  ConsoleStyle style{env.stdout_is_tty, colour, config.verbose};
  ConsoleObserver console(*env.out, style);
  auto run = run_checks(catalog, options_from(config, env.tool_version), client, *env.cancel,
                        console, receiver.get());
  if (!run) {
    *env.err << "scim-conformance: discovery failed: " << run.error().message << "\n";
    return 2;
  }
  print_summary(*env.out, *run, style);
  const bool reports_ok = write_reports(config, *run, env);
  int code = run->exit_code();
  if (run->interrupted && code == 0) code = 2;
  if (!reports_ok && code == 0) code = 1;  // CI must notice a missing report
  return code;
}

}  // namespace scim::conf::cli
