// Console output of a run: one line per check with outcome and time (plain when stdout is not a
// terminal, so CI logs stay readable), or a live progress line and colours on a TTY; failure
// details and, with --verbose, the HTTP transcripts; and the closing summary.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "scim/conformance/core/expectations.hpp"
#include "scim/conformance/core/runner.hpp"

namespace scim::conf::cli {

struct ConsoleStyle {
  bool tty = false;     // live progress line (carriage return) instead of only result lines
  bool colour = false;  // ANSI colours
  bool verbose = false;
  // Specs whose failures quote their requirement even without --verbose: the published profiles
  // ("interop", "ipsie-al1"), whose sentences a team reads beside the RFC's.
  std::vector<std::string> quoted_specs{};
};

class ConsoleObserver final : public RunObserver {
 public:
  // With `expectations`, a check an entry covers prints XFAIL (expected failure) or XPASS
  // (unexpected pass) instead of its outcome.
  ConsoleObserver(std::ostream& out, ConsoleStyle style,
                  const ExpectationMatcher* expectations = nullptr)
      : out_(out), style_(style), expectations_(expectations) {}
  void on_discovered(const Capabilities& caps) override;
  void on_run_notes(const std::vector<std::string>& notes) override;
  void on_start(std::size_t selected) override;
  void on_check_started(const CheckInfo& info) override;
  void on_check_finished(const CheckResult& result, std::size_t done, std::size_t total) override;

 private:
  void clear_progress();
  std::ostream& out_;
  ConsoleStyle style_;
  const ExpectationMatcher* expectations_;
  std::size_t done_ = 0;
  std::size_t total_ = 0;
};

// The closing lines: "N passed, N failed, N skipped" on its own line, then warnings and errors,
// leftovers and the run's duration; with --expect, the expected failures, unexpected passes and
// expired entries; with --compare, the regressions and fixes.
void print_summary(std::ostream& out, const RunResult& run, const ConsoleStyle& style);

// One exchange as an HTTP-like transcript (already redacted).
void print_exchange(std::ostream& out, const Exchange& exchange);

}  // namespace scim::conf::cli
