// conformance_list, conformance_run and conformance_explain: the toolkit's check catalogue and
// runner as tools. A run reports progress per check, stops on cancellation (cleaning up its
// fixtures), and is kept in the RunStore for the report resources.
#pragma once

#include <memory>
#include <vector>

#include "scim/conformance/catalog.hpp"
#include "scim/mcp/run_store.hpp"
#include "scim/mcp/spec_library.hpp"
#include "scim/mcp/target.hpp"
#include "scim/mcp/tool.hpp"

namespace scim::mcp {

struct ConformanceDeps {
  const conf::Catalog& catalog;
  Target& target;
  RunStore& runs;
  const SpecLibrary& specs;
  std::vector<std::string> profiles;  // names accepted by "profile" (e.g. "entra", "okta")
};

// conformance_run is a write tool (it creates and deletes fixtures on the target).
std::vector<std::shared_ptr<Tool>> make_conformance_tools(ConformanceDeps deps);

// One check as the tools and resources show it (id, title, level, requirement, tags, needs).
json check_json(const conf::CheckInfo& info);

}  // namespace scim::mcp
