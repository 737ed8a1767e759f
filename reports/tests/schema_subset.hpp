// A test-only validator for the subset of JSON Schema 2020-12 that results.schema.json uses
// (type, const, enum, required, properties, items, minimum, local $ref). No JSON Schema library
// is packaged for C++ on Debian, so the test checks the golden output against the real schema
// file with this; an unsupported keyword in the schema is reported as an error rather than
// silently ignored, so the schema cannot outgrow the check unnoticed.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace scim::reports::testing {

// Returns one message per violation ("/checks/0/level: not in enum"), empty when valid.
std::vector<std::string> validate_subset(const nlohmann::json& schema,
                                         const nlohmann::json& instance);

}  // namespace scim::reports::testing
