// The objects one scim-mcp process runs, built from its configuration: the target client, the
// check catalogue, the spec texts, the last run, the worker pool, and the Offer (tools,
// resources, prompts) that every session serves. Nothing is global; main() builds one App and
// tests build theirs with a fake transport.
#pragma once

#include <memory>

#include "scim/conformance/catalog.hpp"
#include "scim/mcp/config.hpp"
#include "scim/mcp/offer.hpp"
#include "scim/mcp/run_store.hpp"
#include "scim/mcp/session.hpp"
#include "scim/mcp/spec_library.hpp"
#include "scim/mcp/target.hpp"
#include "scim/mcp/worker_pool.hpp"

namespace scim::mcp {

class App {
 public:
  App(const McpConfig& config, std::unique_ptr<conf::Transport> transport);

  const Offer& offer() const { return offer_; }
  WorkerPool& workers() { return workers_; }
  // The session of the stdio transport (HTTP creates one per Mcp-Session-Id).
  Session& session() { return *session_; }
  Target& target() { return target_; }

 private:
  conf::Catalog catalog_;
  Target target_;
  RunStore runs_;
  SpecLibrary specs_;
  WorkerPool workers_;
  Offer offer_;
  std::shared_ptr<Session> session_;
};

}  // namespace scim::mcp
