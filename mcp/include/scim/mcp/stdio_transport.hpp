// The stdio transport (MCP 2025-11-25 basic/transports#stdio): one JSON-RPC message per line on
// stdin and stdout, nothing else on stdout (diagnostics go to stderr). Lines are bounded by
// rpc::kMaxFrameBytes; a longer one is discarded and answered with a parse error, and reading
// goes on.
#pragma once

#include <istream>
#include <ostream>

#include "scim/mcp/session.hpp"

namespace scim::mcp {

// Serves one session until `in` ends; then cancels what is still running and waits for it.
void serve_stdio(Session& session, WorkerPool& workers, std::istream& in, std::ostream& out);

}  // namespace scim::mcp
