// The SCIM tools: scim_discover, scim_search, scim_get (read) and scim_create, scim_replace,
// scim_patch, scim_delete, scim_bulk (write; hidden in --read-only mode), each operating the
// configured target through the toolkit's client (RFC 7644 §3).
#pragma once

#include <memory>
#include <vector>

#include "scim/mcp/target.hpp"
#include "scim/mcp/tool.hpp"

namespace scim::mcp {

std::vector<std::shared_ptr<Tool>> make_scim_read_tools(Target& target);
std::vector<std::shared_ptr<Tool>> make_scim_write_tools(Target& target);

}  // namespace scim::mcp
