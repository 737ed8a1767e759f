// The `diff` command (diff_command.hpp).
#include "scim/conformance/cli/diff_command.hpp"

#include "scim/conformance/cli/run_gate.hpp"
#include "scim/conformance/core/comparison.hpp"
#include "scim/conformance/core/results_file.hpp"

namespace scim::conf::cli {
namespace {

Result<RunResult, std::string> load_results(const std::string& file, const FileReader& read) {
  const auto text = read(file);
  if (!text) return "cannot read " + file;
  auto run = read_results_json(*text);
  if (!run) return file + ": " + run.error();
  return run;
}

}  // namespace

int diff_command(const DiffConfig& config, const DiffEnvironment& env) {
  const auto renderer = env.renderers.find(config.format);
  if (renderer == env.renderers.end()) {
    *env.err << "scim-conformance: the " << config.format << " format is not available\n";
    return 2;
  }
  auto before = load_results(config.old_file, env.read_file);
  auto after = load_results(config.new_file, env.read_file);
  for (const auto* loaded : {&before, &after}) {
    if (!*loaded) {
      *env.err << "scim-conformance: " << loaded->error() << "\n";
      return 2;
    }
  }
  auto comparison = compare_runs(*before, *after, compare_options(config.thresholds));
  comparison.baseline = config.old_file + " (" + before->target + ", " + before->started_at + ")";
  *env.out << renderer->second(comparison);
  return comparison.has_regressions() ? 1 : 0;
}

}  // namespace scim::conf::cli
