// Keeps the last run and renders its reports once, with the same reporters scim-conformance uses.
#include "scim/mcp/run_store.hpp"

#include <sstream>

#include "scim/reports/reporter.hpp"

namespace scim::mcp {

void RunStore::put(conf::RunResult run) {
  auto stored = std::make_shared<StoredRun>();
  std::ostringstream json_out;
  reports::make_json_reporter()->write(run, json_out);
  std::ostringstream md_out;
  reports::make_markdown_reporter()->write(run, md_out);
  stored->json_report = json_out.str();
  stored->markdown_report = md_out.str();
  stored->run = std::move(run);
  std::lock_guard lock(mutex_);
  last_ = std::move(stored);
}

std::shared_ptr<const StoredRun> RunStore::last() const {
  std::lock_guard lock(mutex_);
  return last_;
}

}  // namespace scim::mcp
