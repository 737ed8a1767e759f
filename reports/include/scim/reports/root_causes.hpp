// The severity model of the reports (issue 13): what failed, grouped by root cause, most
// consequential first. A check that failed, warned or errored on its own verdict is a root cause;
// the checks that did not run because of it (skipped "depends on <id>", CheckResult::cause) are
// its consequences; errors that share a harness cause ("fixture:User": the runner could not create
// a User) form one group. Each root says whom its sentence binds and at what level.
#pragma once

#include <string>
#include <vector>

#include "scim/conformance/model.hpp"

namespace scim::reports {

struct RootCause {
  std::string key;  // the root check's ID, or a harness cause such as "fixture:User"
  conf::Outcome outcome = conf::Outcome::Failed;  // failed, error or warning
  // The checks that carry the verdict: the root check, or every check sharing a harness cause.
  std::vector<const conf::CheckResult*> checks;
  // Checks that did not run, or could not be judged, because of it (bounded by the run size).
  std::vector<const conf::CheckResult*> dependents;

  const conf::CheckResult& first() const { return *checks.front(); }
  bool harness() const { return outcome == conf::Outcome::Error && checks.size() > 1; }
  // How many checks this cause decides: its own and its dependents.
  std::size_t affected() const { return checks.size() + dependents.size(); }
  // One line naming the cause: "rfc7644/4/schema-by-urn: unexpected HTTP status".
  std::string headline() const;
};

// Checks graded expected-failure (--expect) are not causes: the team already knows them.
// Failed and errored causes first (they fail the gate), then warnings; within each, the ones that
// decide most checks first; then catalog order.
std::vector<RootCause> root_causes(const conf::RunResult& run);

// Whom the check's sentence binds, at what level: "MUST: binds the service provider",
// "SHOULD (robustness): the sentence binds the client; refusing is graded SHOULD", ...
std::string binding_of(const conf::CheckInfo& info);

}  // namespace scim::reports
