// Many targets: plan (validate every target), run with bounded parallelism (each target's console
// output is buffered and printed whole, so logs never interleave), then the index page.
#include "scim/conformance/cli/targets_command.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <sstream>
#include <thread>

#include "scim/conformance/cli/targets_file.hpp"

namespace scim::conf::cli {
namespace {

// The report files of one target, relative to the report directory.
const std::map<std::string, std::string>& report_names() {
  static const std::map<std::string, std::string> kNames = {{"html", "report.html"},
                                                            {"junit", "junit.xml"},
                                                            {"json", "results.json"},
                                                            {"md", "summary.md"}};
  return kNames;
}

struct PlannedTarget {
  RunConfig config;
  GateInputs gate;
  TargetSummary summary;
};

// The run configuration of `spec`: the command line's, with the target's URL, token, profile,
// expectations and report files.
Result<PlannedTarget, std::string> plan_one(const RunConfig& base, const TargetSpec& spec,
                                            const Catalog& catalog, const RunEnvironment& env) {
  PlannedTarget p;
  p.config = base;
  p.config.base_url = spec.base_url;
  if (!spec.profile.empty()) p.config.selection.profile = spec.profile;
  if (!spec.expect.empty()) p.config.expect_file = spec.expect;
  if (!spec.token_env.empty()) {
    const auto token = env.env ? env.env(spec.token_env) : std::nullopt;
    if (!token || token->empty())
      return "environment variable " + spec.token_env + " (tokenEnv) is not set";
    p.config.auth = AuthConfig{};
    p.config.auth.bearer_token = *token;
    p.config.auth.extra_headers = base.auth.extra_headers;
  }
  p.config.reports.clear();
  for (const auto& [format, file] : report_names()) {
    if (!env.reporters.contains(format)) continue;
    p.config.reports[format] = base.report_dir + "/" + spec.name + "/" + file;
    p.summary.reports[format] = spec.name + "/" + file;
  }
  if (auto problem = check_usage(p.config, catalog, env)) return *problem;
  auto gate = load_gate_inputs(p.config, env.read_file);
  if (!gate) return gate.error();
  p.gate = std::move(*gate);
  p.summary.name = spec.name;
  p.summary.base_url = spec.base_url;
  p.summary.profile = p.config.selection.profile;
  return p;
}

Result<std::vector<PlannedTarget>, std::string> plan(const RunConfig& config,
                                                     const Catalog& catalog,
                                                     const RunEnvironment& env) {
  const auto text = env.read_file(config.targets_file);
  if (!text) return "cannot read --targets file " + config.targets_file;
  auto specs = parse_targets(*text, config.targets_file);
  if (!specs) return "--targets " + config.targets_file + ": " + specs.error();
  std::vector<PlannedTarget> planned;
  for (const auto& spec : *specs) {
    auto p = plan_one(config, spec, catalog, env);
    if (!p) return "target " + spec.name + ": " + p.error();
    planned.push_back(std::move(*p));
  }
  return planned;
}

void run_all(std::vector<PlannedTarget>& targets, const Catalog& catalog, RunEnvironment& env) {
  std::mutex print;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (auto i = next.fetch_add(1); i < targets.size(); i = next.fetch_add(1)) {
      auto& t = targets[i];
      if (env.cancel->requested()) {  // SIGINT: the targets not started yet are not run
        t.summary.problem = "the run was interrupted before this target started";
        continue;
      }
      std::ostringstream out;
      auto run = run_target(t.config, catalog, env, t.gate, out, out);
      t.summary.exit_code = run.code;
      t.summary.run = std::move(run.run);
      t.summary.problem = std::move(run.problem);
      std::lock_guard lock(print);
      *env.out << "== target " << t.summary.name << " (" << t.config.base_url << ")\n"
               << out.str() << "== target " << t.summary.name << ": exit " << run.code << "\n\n";
    }
  };
  const auto jobs = std::min<std::size_t>(
      targets.size(), static_cast<std::size_t>(std::clamp(targets.front().config.target_jobs, 1,
                                                          RunConfig::kMaxTargetJobs)));
  std::vector<std::jthread> pool;
  for (std::size_t j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
}

// index.html and index.md in the report directory; the Markdown also goes to the step summary.
bool write_index(const std::vector<TargetSummary>& summaries, const RunConfig& config,
                 RunEnvironment& env) {
  bool ok = true;
  for (const auto& [format, writer] : env.index_writers) {
    std::ostringstream index;
    writer(summaries, index);
    const auto path = config.report_dir + "/index." + format;
    if (!env.write_file(path, index.str())) {
      *env.err << "scim-conformance: cannot write " << path << "\n";
      ok = false;
      continue;
    }
    *env.out << "index of " << summaries.size() << " targets: " << path << "\n";
    const auto step = env.env ? env.env("GITHUB_STEP_SUMMARY") : std::nullopt;
    if (format == "md" && step && !step->empty() && env.append_file)
      ok = env.append_file(*step, index.str()) && ok;
  }
  return ok;
}

}  // namespace

int targets_command(const RunConfig& config, const Catalog& catalog, RunEnvironment& shared) {
  RunEnvironment env = shared;
  env.stdout_is_tty = false;  // each target's output is buffered: no live progress line
  auto planned = plan(config, catalog, env);
  if (!planned) {
    *env.err << "scim-conformance: " << planned.error() << "\n";
    return 2;
  }
  run_all(*planned, catalog, env);
  std::vector<TargetSummary> summaries;
  int code = 0;
  for (auto& t : *planned) {
    code = std::max(code, t.summary.exit_code);
    summaries.push_back(std::move(t.summary));
  }
  if (!write_index(summaries, config, env)) code = std::max(code, 1);
  return code;
}

}  // namespace scim::conf::cli
