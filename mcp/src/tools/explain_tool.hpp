// conformance_explain: one check's RFC sentence, its section and what it sends.
#pragma once

#include <memory>

#include "scim/mcp/conformance_tools.hpp"

namespace scim::mcp {

std::shared_ptr<Tool> make_explain_tool(std::shared_ptr<ConformanceDeps> deps);

// The catalogue's spec and section of a check id; nullptr when unknown.
struct CheckPlace {
  const conf::Spec* spec = nullptr;
  const conf::Section* section = nullptr;
  const conf::Check* check = nullptr;
};
CheckPlace find_check(const conf::Catalog& catalog, const std::string& id);

}  // namespace scim::mcp
