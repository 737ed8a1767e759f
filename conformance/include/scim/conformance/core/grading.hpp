// Grading: how a check's ending becomes an Outcome. A broken MUST fails the run; a broken SHOULD or
// MAY is a warning; a check of a capability the target does not advertise, run anyway with
// --force-optional, can only warn (the target never promised it).
#pragma once

#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "scim/conformance/capabilities.hpp"
#include "scim/conformance/model.hpp"

namespace scim::conf {

// Capabilities `info` needs that `caps` does not advertise.
std::vector<std::string> missing_capabilities(const CheckInfo& info, const Capabilities& caps);

Outcome grade_failure(Level level, bool capability_forced);

// Runs the check body and grades how it ended: return = passed, CheckFailed = failed/warning,
// CheckSkipped = skipped, CheckError or any other exception = error. Fills outcome, message,
// expected and actual of `result`.
void grade(const std::function<void()>& body, Level level, bool capability_forced,
           CheckResult& result);

}  // namespace scim::conf
