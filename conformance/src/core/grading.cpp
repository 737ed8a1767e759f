// Outcome grading.
#include "scim/conformance/core/grading.hpp"

#include <functional>

#include "scim/conformance/context.hpp"

namespace scim::conf {

std::vector<std::string> missing_capabilities(const CheckInfo& info, const Capabilities& caps) {
  std::vector<std::string> missing;
  for (const auto& cap : info.capabilities) {
    if (!caps.has(cap)) missing.push_back(cap);
  }
  return missing;
}

Outcome grade_failure(Level level, bool capability_forced) {
  if (capability_forced) return Outcome::Warning;
  return level == Level::Must ? Outcome::Failed : Outcome::Warning;
}

void grade(const std::function<void()>& body, Level level, bool capability_forced,
           CheckResult& result) {
  try {
    body();
    result.outcome = Outcome::Passed;
  } catch (const CheckFailed& f) {
    result.outcome = grade_failure(level, capability_forced);
    result.message = f.message;
    result.expected = f.expected;
    result.actual = f.actual;
  } catch (const CheckSkipped& s) {
    result.outcome = Outcome::Skipped;
    result.message = s.reason;
    result.cause = s.cause;
  } catch (const CheckError& e) {
    result.outcome = Outcome::Error;
    result.message = e.message;
    result.cause = e.cause;
  } catch (const std::exception& e) {
    // A bug in the check (or the harness): reported, never allowed to stop the run.
    result.outcome = Outcome::Error;
    result.message = std::string("check raised an exception: ") + e.what();
  } catch (...) {  // NOLINT: same reason, for non-std exceptions
    result.outcome = Outcome::Error;
    result.message = "check raised a non-standard exception";
  }
}

}  // namespace scim::conf
