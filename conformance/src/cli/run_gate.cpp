// Loading and applying the gate's inputs (run_gate.hpp).
#include "scim/conformance/cli/run_gate.hpp"

#include "scim/conformance/cli/structured_file.hpp"
#include "scim/conformance/core/comparison.hpp"
#include "scim/conformance/core/results_file.hpp"

namespace scim::conf::cli {

Result<GateInputs, std::string> load_gate_inputs(const RunConfig& config,
                                                 const FileReader& read_file) {
  GateInputs inputs;
  if (!config.expect_file.empty()) {
    const auto text = read_file(config.expect_file);
    if (!text) return "cannot read --expect file " + config.expect_file;
    if (text->size() > kMaxExpectationsBytes)
      return "--expect " + config.expect_file + ": larger than 4 MiB";
    auto doc = parse_structured(*text, config.expect_file);
    if (!doc) return "--expect " + config.expect_file + ": " + doc.error();
    auto set = expectations_from(*doc);
    if (!set) return "--expect " + config.expect_file + ": " + set.error();
    inputs.expect = std::move(*set);
  }
  if (!config.compare_file.empty()) {
    const auto text = read_file(config.compare_file);
    if (!text) return "cannot read --compare file " + config.compare_file;
    auto old = read_results_json(*text);
    if (!old) return "--compare " + config.compare_file + ": " + old.error();
    inputs.baseline_label = config.compare_file + " (" + old->target + ", " + old->started_at + ")";
    inputs.baseline = std::move(*old);
  }
  return inputs;
}

CompareOptions compare_options(const CompareThresholds& thresholds) {
  CompareOptions options;
  options.duration_ratio = thresholds.percent / 100.0;
  options.duration_floor = std::chrono::milliseconds(thresholds.floor_ms);
  return options;
}

void apply_gate(RunResult& run, const RunConfig& config, const GateInputs& inputs,
                std::string_view today) {
  if (inputs.expect) {
    apply_expectations(run, *inputs.expect, today, config.expect_file,
                       config.fail_on_unexpected_pass);
  }
  if (inputs.baseline) {
    run.comparison = compare_runs(*inputs.baseline, run, compare_options(config.thresholds));
    run.comparison->baseline = inputs.baseline_label;
  }
}

}  // namespace scim::conf::cli
