// `run --targets FILE`: the same run against many targets (a platform team's vendors), in turn or
// --target-jobs at a time. Each target gets reports under --report-dir/NAME/, and
// --report-dir/index.html is the matrix of targets x RFC sections. Every target is validated
// (name, profile, expectations, token variable) before the first request is sent. Exit code: the
// worst of the targets' codes (2 > 1 > 0), so one unreachable target is never a green gate.
#pragma once

#include "scim/conformance/catalog.hpp"
#include "scim/conformance/cli/run_command.hpp"

namespace scim::conf::cli {

int targets_command(const RunConfig& config, const Catalog& catalog, RunEnvironment& env);

}  // namespace scim::conf::cli
