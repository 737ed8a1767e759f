// The last conformance run of this server process and its reports (JSON and Markdown, written by
// the toolkit's reporters), for the report resources and conformance_explain.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "scim/conformance/model.hpp"

namespace scim::mcp {

struct StoredRun {
  conf::RunResult run;
  std::string json_report;
  std::string markdown_report;
};

class RunStore {
 public:
  void put(conf::RunResult run);
  std::shared_ptr<const StoredRun> last() const;

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const StoredRun> last_;
};

}  // namespace scim::mcp
