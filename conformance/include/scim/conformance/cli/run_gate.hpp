// The CI gate around one run (docs/ci.md): the expectations file (--expect) and the earlier run
// to compare with (--compare) are read before the run, so a bad file is a usage error and never a
// half-finished run; after the run they grade it, and --update-expect writes the new baseline.
#pragma once

#include <optional>
#include <string>

#include "scim/conformance/cli/options.hpp"
#include "scim/conformance/core/comparison.hpp"
#include "scim/conformance/core/expectations.hpp"
#include "scim/conformance/model.hpp"

namespace scim::conf::cli {

struct GateInputs {
  std::optional<ExpectationSet> expect;  // --expect
  std::optional<RunResult> baseline;     // --compare
  std::string baseline_label;            // "FILE (TARGET, STARTED)"
};

// Reads and validates --expect and --compare; the message names the file and the problem.
Result<GateInputs, std::string> load_gate_inputs(const RunConfig& config,
                                                 const FileReader& read_file);

// Grades `run` with the expectations and attaches the comparison, as of `today` (YYYY-MM-DD).
void apply_gate(RunResult& run, const RunConfig& config, const GateInputs& inputs,
                std::string_view today);

// "--duration-threshold 50 --duration-floor 100" as the comparison's options.
CompareOptions compare_options(const CompareThresholds& thresholds);

}  // namespace scim::conf::cli
