// A RunEnvironment for tests of `run`: files live in a map (read, written and appended there),
// environment variables come from a map, console output goes to string streams, no SET receiver
// starts, retries do not sleep, and today is 2026-01-01. The transport and reporters stay the
// test's to set. Safe for targets running in parallel (file writes are serialised).
#pragma once

#include <map>
#include <mutex>
#include <sstream>
#include <string>

#include "scim/conformance/cli/run_command.hpp"

namespace scim::conf::testing {

class TestRunEnvironment {
 public:
  TestRunEnvironment();
  TestRunEnvironment(const TestRunEnvironment&) = delete;
  TestRunEnvironment& operator=(const TestRunEnvironment&) = delete;

  std::map<std::string, std::string> files;
  std::map<std::string, std::string> vars;
  std::ostringstream out, err;
  CancelFlag cancel;
  cli::RunEnvironment env;

 private:
  std::mutex mutex_;
};

}  // namespace scim::conf::testing
