// Fixture tools the official MCP conformance suite calls by name (its "everything server"
// contract): test_simple_text, test_error_handling, test_tool_with_logging and
// test_tool_with_progress. Offered only with --mcp-test-tools, so the suite's tools-call-*
// scenarios exercise this server's real result, error, logging and progress paths; they touch no
// SCIM target.
#pragma once

#include <memory>
#include <vector>

#include "scim/mcp/tool.hpp"

namespace scim::mcp {

std::vector<std::shared_ptr<Tool>> make_test_tools();

}  // namespace scim::mcp
