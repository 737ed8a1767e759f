// JUnit XML reporter (pugixml). One <testsuite> per RFC section, one <testcase> per check; the
// element choice follows the de-facto schema Jenkins, GitLab and GitHub test-report actions read:
// failed -> <failure>, error -> <error>, skipped -> <skipped>, warning -> passed testcase with an
// "outcome" property and the details in <system-err> (JUnit has no warning state; see
// docs/reports.md). Transcripts of every non-passing check go to <system-out>. With --expect, an
// expected failure is <skipped> (it does not fail the gate, so it must not turn a CI test view
// red), an unexpected pass is <failure> only when it fails the gate, and a testsuite
// "scim-conformance.expectations" carries each expired entry as a failure. With --compare, a
// testsuite "scim-conformance.comparison" carries the comparison as properties and system-out.
// The runner's own requests (OAuth token exchange, discovery, final sweep) are the system-out of
// the testsuite "scim-conformance.runner".
#include <pugixml.hpp>

#include "scim/reports/comparison.hpp"
#include "scim/reports/redact.hpp"
#include "scim/reports/reporter.hpp"
#include "scim/reports/summary.hpp"
#include "scim/reports/text.hpp"
#include "scim/reports/transcript.hpp"

namespace scim::reports {
namespace {

using conf::Outcome;

void set_attr(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(xml_safe(value).c_str());
}

void set_count(pugi::xml_node node, const char* name, std::size_t value) {
  node.append_attribute(name).set_value(std::to_string(value).c_str());
}

void add_property(pugi::xml_node properties, std::string_view name, std::string_view value) {
  auto property = properties.append_child("property");
  set_attr(property, "name", name);
  set_attr(property, "value", value);
}

void set_text(pugi::xml_node node, std::string_view text) {
  node.append_child(pugi::node_pcdata).set_value(xml_safe(text).c_str());
}

// What a check becomes in JUnit: the outcome, except where --expect grades it.
enum class Element { None, Failure, Error, Skipped };

Element element_of(const conf::CheckResult& r, const conf::RunResult& run) {
  if (r.expectation.grade == conf::Expectation::ExpectedFailure) return Element::Skipped;
  if (r.expectation.grade == conf::Expectation::UnexpectedPass)
    return run.expectations && run.expectations->unexpected_pass_fails ? Element::Failure
                                                                       : Element::None;
  switch (r.outcome) {
    case Outcome::Failed:
      return Element::Failure;
    case Outcome::Error:
      return Element::Error;
    case Outcome::Skipped:
      return Element::Skipped;
    default:
      return Element::None;
  }
}

void set_counts(pugi::xml_node node, const std::vector<const conf::CheckResult*>& checks,
                const conf::RunResult& run, std::size_t extra_failures = 0) {
  std::size_t failures = extra_failures, errors = 0, skipped = 0;
  for (const auto* r : checks) {
    const auto e = element_of(*r, run);
    failures += e == Element::Failure ? 1 : 0;
    errors += e == Element::Error ? 1 : 0;
    skipped += e == Element::Skipped ? 1 : 0;
  }
  set_count(node, "tests", checks.size() + extra_failures);
  set_count(node, "failures", failures);
  set_count(node, "errors", errors);
  set_count(node, "skipped", skipped);
}

// Requirement, expected and actual: what a reader needs to judge a failure without the HTML.
std::string failure_text(const conf::CheckResult& r) {
  std::string text = std::string(conf::to_string(r.info.level)) + ": " +
                     clip(r.info.requirement, kMaxTextBytes) + "\n";
  if (!r.expected.empty()) text += "Expected: " + clip(r.expected, kMaxTextBytes) + "\n";
  if (!r.actual.empty()) text += "Actual: " + clip(r.actual, kMaxTextBytes) + "\n";
  return text;
}

std::string leftovers_text(const conf::CheckResult& r) {
  std::string text;
  for (const auto& leftover : r.leftovers) text += "Leftover fixture: " + leftover + "\n";
  return text;
}

// An expected failure or unexpected pass, in a line a CI test view shows.
std::string expectation_text(const conf::CheckResult& r) {
  const auto& e = r.expectation;
  const bool expected = e.grade == conf::Expectation::ExpectedFailure;
  return std::string(expected ? "expected failure" : "unexpected pass: remove the entry") + " (" +
         e.pattern + "): " + clip(e.reason, kMaxTextBytes) +
         (expected && !r.message.empty() ? " -- " + clip(r.message, kMaxTextBytes) : "");
}

void add_outcome(pugi::xml_node testcase, const conf::CheckResult& r, const conf::RunResult& run) {
  const auto message = clip(r.message, kMaxTextBytes);
  if (r.expectation.grade != conf::Expectation::None) {
    const auto element = element_of(r, run);
    if (element == Element::None) return;
    auto node = testcase.append_child(element == Element::Skipped ? "skipped" : "failure");
    set_attr(node, "message", expectation_text(r));
    if (element == Element::Failure) set_attr(node, "type", "unexpected-pass");
    return;
  }
  switch (r.outcome) {
    case Outcome::Failed: {
      auto failure = testcase.append_child("failure");
      set_attr(failure, "message", message);
      set_attr(failure, "type", conf::to_string(r.info.level));
      set_text(failure, failure_text(r));
      break;
    }
    case Outcome::Error: {
      auto error = testcase.append_child("error");
      set_attr(error, "message", message);
      set_attr(error, "type", "harness");
      set_text(error, message + "\n");
      break;
    }
    case Outcome::Skipped:
      set_attr(testcase.append_child("skipped"), "message", message);
      break;
    case Outcome::Passed:
    case Outcome::Warning:
      break;
  }
}

void add_testcase(pugi::xml_node suite, const SectionSummary& section, const conf::CheckResult& r,
                  const conf::RunResult& run) {
  auto testcase = suite.append_child("testcase");
  set_attr(testcase, "name", r.info.id);
  set_attr(testcase, "classname", section.key);
  set_attr(testcase, "time", format_seconds(r.duration));
  auto properties = testcase.append_child("properties");
  add_property(properties, "level", conf::to_string(r.info.level));
  add_property(properties, "outcome", conf::to_string(r.outcome));
  // The root cause of a skip ("depends on ...") or an error shared by many checks.
  if (!r.cause.empty()) add_property(properties, "cause", r.cause);
  if (r.expectation.grade != conf::Expectation::None)
    add_property(properties, "expectation", conf::to_string(r.expectation.grade));
  add_outcome(testcase, r, run);
  if (r.outcome == Outcome::Passed || r.outcome == Outcome::Skipped) return;
  const auto transcript = render_transcript(r);
  if (!transcript.empty()) set_text(testcase.append_child("system-out"), transcript);
  std::string err;
  if (r.outcome == Outcome::Warning) {
    err = "WARNING (" + std::string(conf::to_string(r.info.level)) +
          " not met): " + clip(r.message, kMaxTextBytes) + "\n" + failure_text(r);
  }
  err += leftovers_text(r);
  if (!err.empty()) set_text(testcase.append_child("system-err"), err);
}

std::chrono::microseconds section_time(const SectionSummary& section) {
  std::chrono::microseconds total{0};
  for (const auto* r : section.checks) total += r->duration;
  return total;
}

void add_suite(pugi::xml_node root, const conf::RunResult& run, const SectionSummary& section,
               const std::vector<ScopeVerdict>& verdicts) {
  auto suite = root.append_child("testsuite");
  set_attr(suite, "name", section.key);
  set_counts(suite, section.checks, run);
  set_attr(suite, "time", format_seconds(section_time(section)));
  auto properties = suite.append_child("properties");
  add_property(properties, "target", redact_url(run.target));
  add_property(properties, "tool_version", run.tool_version);
  if (!run.profile.empty()) add_property(properties, "profile", run.profile);
  for (const auto& v : verdicts)
    add_property(properties, "verdict." + v.scope, v.passed ? "PASS" : "FAIL");
  add_property(properties, "started_at", run.started_at);
  add_property(properties, "warnings", std::to_string(section.counts.of(Outcome::Warning)));
  for (const auto* r : section.checks) add_testcase(suite, section, *r, run);
}

// --expect: each expired entry is a failing testcase, so the CI view says why the gate failed.
void add_expectations_suite(pugi::xml_node root, const conf::RunResult& run) {
  if (!run.expectations || run.expectations->expired.empty()) return;
  const auto& expired = run.expectations->expired;
  auto suite = root.append_child("testsuite");
  set_attr(suite, "name", "scim-conformance.expectations");
  set_counts(suite, {}, run, expired.size());
  for (const auto& x : expired) {
    auto testcase = suite.append_child("testcase");
    set_attr(testcase, "name", "expired: " + x.substr(0, x.find(' ')));
    set_attr(testcase, "classname", "scim-conformance.expectations");
    auto failure = testcase.append_child("failure");
    set_attr(failure, "message", "expectation " + clip(x, kMaxTextBytes));
    set_attr(failure, "type", "expired-expectation");
  }
}

// The runner's own requests (token exchange, discovery, sweep) as the system-out of a suite
// without testcases, so CI artefacts carry the whole transcript.
void add_run_suite(pugi::xml_node root, const conf::RunResult& run) {
  if (run.run_exchanges.empty()) return;
  auto suite = root.append_child("testsuite");
  set_attr(suite, "name", "scim-conformance.runner");
  set_counts(suite, {}, run);
  std::string text;
  for (std::size_t i = 0; i < run.run_exchanges.size() && i < kMaxExchangesPerCheck; ++i)
    text += (i == 0 ? "" : "\n") + render_exchange(run.run_exchanges[i]);
  if (run.run_exchanges.size() > kMaxExchangesPerCheck)
    text += "\n[... " + std::to_string(run.run_exchanges.size() - kMaxExchangesPerCheck) +
            " more exchanges in results.json]\n";
  set_text(suite.append_child("system-out"), text);
}

// --compare: the comparison as suite properties (counts) and its text in system-out.
void add_comparison_suite(pugi::xml_node root, const conf::RunResult& run) {
  if (!run.comparison) return;
  auto suite = root.append_child("testsuite");
  set_attr(suite, "name", "scim-conformance.comparison");
  set_counts(suite, {}, run);
  auto properties = suite.append_child("properties");
  add_property(properties, "baseline", run.comparison->baseline);
  for (const auto& part : comparison_parts(*run.comparison))
    add_property(properties, part.key, std::to_string(part.changes->size()));
  set_text(suite.append_child("system-out"), comparison_text(*run.comparison));
}

class JunitReporter final : public Reporter {
 public:
  std::string name() const override { return "junit"; }

  void write(const conf::RunResult& run, std::ostream& out) const override {
    const auto summary = summarize(run);
    pugi::xml_document doc;
    auto declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
    auto root = doc.append_child("testsuites");
    set_attr(root, "name", "scim-conformance");
    std::vector<const conf::CheckResult*> all;
    for (const auto& r : run.results) all.push_back(&r);
    const auto expired = run.expectations ? run.expectations->expired.size() : 0;
    set_counts(root, all, run, expired);
    set_attr(root, "time", format_seconds(run.duration));
    for (const auto& section : summary.sections) add_suite(root, run, section, summary.verdicts);
    add_expectations_suite(root, run);
    add_comparison_suite(root, run);
    add_run_suite(root, run);
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  }
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter() {
  return std::make_unique<JunitReporter>();
}

}  // namespace scim::reports
