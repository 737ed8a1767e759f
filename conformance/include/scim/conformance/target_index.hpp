// One row of the many-targets index page (`run --targets`): a target, how its run ended and where
// its reports are. Values only; the runner fills them, reports/ renders them.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "scim/conformance/model.hpp"

namespace scim::conf {

struct TargetSummary {
  std::string name;
  std::string base_url;
  std::string profile;
  int exit_code = 2;
  std::optional<RunResult> run;  // nullopt when the target could not be run
  std::string problem;           // why not
  // Report files relative to the index page, by format ("html", "junit", "json", "md").
  std::map<std::string, std::string> reports;
};

}  // namespace scim::conf
