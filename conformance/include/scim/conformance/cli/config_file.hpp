// The --config JSON file: the same keys as the long flags of `run` ("base-url", "token", "header"
// as an array, "only" as an array, "jobs" as a number, "keep" as a boolean, ...). Unknown keys
// and wrong types are usage errors, so a typo never silently changes what a CI run tests.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scim/protocol/result.hpp"

namespace scim::conf::cli {

// Flat view of a config document: option name -> list of string values (booleans "true"/"false",
// numbers in decimal), ready to be applied like command-line values.
using ConfigValues = std::map<std::string, std::vector<std::string>>;

Result<ConfigValues, std::string> read_config(const std::string& text);

}  // namespace scim::conf::cli
