// The result model of a conformance run: what each check is (CheckInfo), how it ended
// (CheckResult) and the run as a whole (RunResult). Reporters consume only this header.
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/conformance/run_comparison.hpp"

namespace scim::conf {

// RFC 2119 level of the requirement a check verifies.
enum class Level { Must, Should, May };
// passed; failed (a MUST broken); warning (a SHOULD/MAY broken, or any failure under
// --force-optional); skipped (capability not advertised / not selected); error (harness problem).
enum class Outcome { Passed, Failed, Warning, Skipped, Error };

std::string_view to_string(Level level);                  // "MUST", "SHOULD", "MAY"
std::string_view to_string(Outcome outcome);              // "passed", "failed", ...
std::optional<Level> parse_level(std::string_view text);  // case-insensitive

// Static description of a check. IDs are stable slugs: "rfc7644/3.4.2.2/eq-is-case-insensitive".
struct CheckInfo {
  std::string id;
  std::string title;
  Level level = Level::Must;
  std::string requirement;                // the RFC sentence checked, quoted
  std::vector<std::string> tags;          // e.g. "filter", "users", "patch", "entra"
  std::vector<std::string> capabilities;  // e.g. "patch", "bulk", "sort", "etag", "filter"
  // IDs of checks this one builds on: when one of them does not pass, this check is skipped with
  // "depends on <id>" instead of repeating (or misnaming) the prerequisite's failure.
  std::vector<std::string> depends_on;

  std::string spec() const;     // "rfc7644"
  std::string section() const;  // "3.4.2.2"
};

// One recorded HTTP exchange, credentials already redacted.
struct Exchange {
  std::string method;
  std::string url;
  std::vector<std::pair<std::string, std::string>> request_headers;
  std::string request_body;
  int status = 0;  // 0 when no response (connection error)
  std::vector<std::pair<std::string, std::string>> response_headers;
  std::string response_body;
  std::chrono::microseconds elapsed{0};
  std::string transport_error;  // non-empty when the request failed below HTTP
};

// How an expectations file (--expect, docs/ci.md) graded a check. The outcome stays what the target
// did; the grade says whether the team already knew: a listed check that did not pass is an
// expected failure (it does not fail the gate), a listed check that passed is an unexpected pass
// (remove the entry; fails the gate only with --fail-on-unexpected-pass).
enum class Expectation { None, ExpectedFailure, UnexpectedPass };
std::string_view to_string(Expectation grade);  // "", "expected-failure", "unexpected-pass"

struct ExpectationMark {
  Expectation grade = Expectation::None;
  std::string pattern;  // the entry that matched: a check ID or a glob
  std::string reason;
  std::string expires;  // YYYY-MM-DD, empty when the entry never expires
};

// The expectations file as the gate saw it (RunResult::expectations).
struct ExpectationsReport {
  std::string file;
  std::size_t entries = 0;
  std::vector<std::string> expired;  // "PATTERN expired on DATE (reason)": each fails the gate
  std::vector<std::string> unused;   // entries that matched no check of this run
  bool unexpected_pass_fails = false;
};

struct CheckResult {
  CheckInfo info;
  Outcome outcome = Outcome::Passed;
  std::string message;   // one-line reason (failure, skip reason, error)
  std::string expected;  // on failures: what the RFC requires
  std::string actual;    // on failures: what the target did
  std::vector<Exchange> exchanges;
  std::chrono::microseconds duration{0};
  std::vector<std::string> leftovers;  // fixtures this check could not delete
  std::vector<std::string> notes;      // Context::note() lines, in order
  // The root cause this outcome follows from, when it is not the check's own verdict: the ID of a
  // prerequisite that failed (a skip "depends on ..."), or a harness cause such as
  // "fixture:User" shared by every check whose fixture could not be created. Empty otherwise.
  std::string cause;
  ExpectationMark expectation;  // set by --expect; grade None otherwise

  // True when this result fails the gate: a failed or errored check no expectation covers.
  bool fails_gate() const;
};

struct RunResult {
  std::string tool_version;
  std::string target;      // base URL
  std::string profile;     // empty when none
  std::string started_at;  // RFC 3339 UTC
  std::chrono::microseconds duration{0};
  nlohmann::json capabilities;  // what discovery found (ServiceProviderConfig summary etc.)
  std::vector<CheckResult> results;
  std::vector<std::string> sweep_leftovers;  // final sweep: resources that could not be deleted
  std::string run_id;                        // the "scimconf-<run_id>-" fixture prefix of this run
  bool interrupted = false;  // SIGINT: remaining checks were not run (reported as skipped)
  // Run-level findings said once instead of in every check, e.g. a required attribute of the
  // target's schema that the runner cannot fill in fixtures, or /Schemas not readable.
  std::vector<std::string> notes;
  // The runner's own requests, outside any check: the OAuth token exchanges, discovery and the
  // final sweep, credentials redacted; at most kMaxRunExchanges.
  std::vector<Exchange> run_exchanges;
  static constexpr std::size_t kMaxRunExchanges = 200;
  std::optional<ExpectationsReport> expectations;  // with --expect
  std::optional<RunComparison> comparison;         // with --compare

  std::size_t count(Outcome outcome) const;
  std::size_t count(Expectation grade) const;
  // 0 when no check fails the gate (CheckResult::fails_gate), no expectation expired and, with
  // --fail-on-unexpected-pass, no check passed unexpectedly; 1 otherwise (2 is decided by the CLI
  // for usage errors).
  int exit_code() const;
};

}  // namespace scim::conf
