// Validation of tool arguments against a tool's JSON Schema, on valijson (Debian libvalijson-dev).
// Tool schemas use the keywords JSON Schema draft 7 and 2020-12 share, so the draft 7 parser
// reads them faithfully; "$schema" is ignored.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace scim::mcp {

// Empty when `instance` satisfies `schema`; otherwise one line per violation, "/path: reason",
// most specific first. A schema valijson cannot read is reported as a violation, not thrown.
std::vector<std::string> schema_violations(const nlohmann::json& schema,
                                           const nlohmann::json& instance);

}  // namespace scim::mcp
