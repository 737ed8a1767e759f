// A check whose ID changed (it moved to the section whose sentence it judges, or was replaced).
// Suites publish the list (scim::suites::renamed_checks); the runner lets a selection pattern
// that names a former ID select the current one (core/renames.hpp), since users' CI pipelines
// name check IDs.
#pragma once

#include <string>

namespace scim::conf {

struct Renamed {
  std::string former;   // "rfc7643/7/user-username-required"
  std::string current;  // "rfc7643/4.1.1/user-username-required"
};

}  // namespace scim::conf
