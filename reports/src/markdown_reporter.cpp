// Markdown reporter: a compact summary for CI job pages ($GITHUB_STEP_SUMMARY, GitLab MR notes).
// Verdict, then the failures grouped by root cause, most consequential first (root_causes.hpp:
// whom each sentence binds, expected vs actual, what depends on it), then counts by outcome x
// level (with --expect, the expected failures, unexpected passes and expired entries; with
// --compare, the comparison with the earlier run), the per-section table, the skips with their
// reasons and the run's notes. Bounded: GitHub caps a step summary at 1 MiB, so at most
// kMaxDetailed entries are listed per part and long values are clipped; the HTML report has the
// rest.
#include <sstream>

#include "scim/reports/comparison.hpp"
#include "scim/reports/markdown_text.hpp"
#include "scim/reports/redact.hpp"
#include "scim/reports/reporter.hpp"
#include "scim/reports/root_causes.hpp"
#include "scim/reports/summary.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {
namespace {

using conf::Outcome;

constexpr std::size_t kMaxDetailed = 50;
constexpr std::size_t kMaxValueBytes = 2000;

void write_header(std::ostream& out, const conf::RunResult& run, const RunSummary& s) {
  out << "# SCIM conformance: " << (s.passed ? "✅ PASS" : "❌ FAIL") << "\n\n";
  out << "- **Target:** " << md_code_span(redact_url(run.target)) << "\n";
  out << "- **Tool:** scim-conformance " << md_inline(run.tool_version) << "\n";
  if (!run.profile.empty()) {
    out << "- **Profile:** " << md_inline(run.profile) << "\n";
    out << "- **Verdicts:** " << md_inline(verdicts_line(s)) << "\n";
  }
  out << "- **Started:** " << md_inline(run.started_at) << "\n";
  out << "- **Duration:** " << format_seconds(run.duration) << " s\n\n";
}

void write_counts(std::ostream& out, const RunSummary& s) {
  out << "| Outcome | MUST | SHOULD | MAY | Total |\n|---|---:|---:|---:|---:|\n";
  for (auto outcome : kOutcomes) {
    out << "| " << conf::to_string(outcome);
    for (auto level : kLevels) out << " | " << s.level(level).of(outcome);
    out << " | " << s.counts.of(outcome) << " |\n";
  }
  out << "| **total**";
  for (auto level : kLevels) out << " | " << s.level(level).total();
  out << " | " << s.counts.total() << " |\n\n";
}

std::string id_list(const std::vector<const conf::CheckResult*>& checks) {
  std::string out;
  for (std::size_t i = 0; i < checks.size() && i < kMaxDetailed; ++i)
    out += (i == 0 ? "" : ", ") + md_code_span(checks[i]->info.id);
  if (checks.size() > kMaxDetailed)
    out += " and " + std::to_string(checks.size() - kMaxDetailed) + " more";
  return out;
}

const char* mark(Outcome outcome) {
  return outcome == Outcome::Failed ? "❌" : outcome == Outcome::Error ? "⛔" : "⚠️";
}

void write_cause(std::ostream& out, const RootCause& c, std::size_t rank) {
  const auto& r = c.first();
  out << "### " << rank << ". " << mark(c.outcome) << " " << conf::to_string(c.outcome) << ": "
      << md_inline(clip(c.headline(), kMaxValueBytes)) << "\n\n";
  if (c.harness()) {
    out << "**" << c.checks.size() << " checks could not be judged** (the runner could not run "
        << "them): " << id_list(c.checks) << "\n\n";
    return;
  }
  out << "**" << md_inline(binding_of(r.info)) << "** · " << md_inline(r.info.spec()) << " §"
      << md_inline(r.info.section()) << " · " << md_code_span(r.info.id) << " "
      << md_inline(r.info.title) << "\n\n";
  if (!r.info.requirement.empty()) out << "> " << md_inline(r.info.requirement) << "\n\n";
  if (!r.expected.empty())
    out << "Expected:\n\n" << md_code_block(clip(r.expected, kMaxValueBytes)) << "\n";
  if (!r.actual.empty())
    out << "Actual:\n\n" << md_code_block(clip(r.actual, kMaxValueBytes)) << "\n";
  if (c.dependents.empty()) {
    out << "No other check depends on it.\n\n";
  } else {
    out << "**" << c.dependents.size()
        << (c.dependents.size() == 1 ? " check depends" : " checks depend")
        << " on it** (skipped): " << id_list(c.dependents) << "\n\n";
  }
}

void write_causes(std::ostream& out, const conf::RunResult& run) {
  const auto causes = root_causes(run);
  if (causes.empty()) return;
  out << "## Failures by root cause (" << causes.size() << ")\n\n";
  for (std::size_t i = 0; i < causes.size() && i < kMaxDetailed; ++i)
    write_cause(out, causes[i], i + 1);
  if (causes.size() > kMaxDetailed)
    out << "_" << causes.size() - kMaxDetailed
        << " more causes not shown; see the HTML report._\n\n";
}

void write_skips(std::ostream& out, const conf::RunResult& run) {
  std::size_t total = run.count(Outcome::Skipped);
  if (total == 0) return;
  out << "## Skipped (" << total << ")\n\n";
  std::size_t shown = 0;
  for (const auto& r : run.results) {
    if (r.outcome != Outcome::Skipped || shown == kMaxDetailed) continue;
    ++shown;
    out << "- " << md_code_span(r.info.id) << " " << md_inline(clip(r.message, kMaxValueBytes))
        << "\n";
  }
  if (shown < total) out << "\n_" << total - shown << " more not shown; see the HTML report._\n";
  out << "\n";
}

void write_notes(std::ostream& out, const conf::RunResult& run) {
  if (run.notes.empty()) return;
  out << "## Run notes\n\n";
  for (const auto& n : run.notes) out << "- " << md_inline(clip(n, kMaxValueBytes)) << "\n";
  out << "\n";
}

void write_sections(std::ostream& out, const RunSummary& s) {
  out << "## By section\n\n| Section | Passed | Failed | Warning | Skipped | Error |\n"
      << "|---|---:|---:|---:|---:|---:|\n";
  for (const auto& section : s.sections) {
    out << "| " << md_inline(section.spec) << " §" << md_inline(section.section);
    for (auto outcome : kOutcomes) out << " | " << section.counts.of(outcome);
    out << " |\n";
  }
  out << "\n";
}

void write_leftovers(std::ostream& out, const conf::RunResult& run) {
  if (run.sweep_leftovers.empty()) return;
  out << "## Leftover resources (" << run.sweep_leftovers.size() << ")\n\n";
  for (std::size_t i = 0; i < run.sweep_leftovers.size() && i < kMaxDetailed; ++i) {
    out << "- " << md_code_span(clip(run.sweep_leftovers[i], kMaxValueBytes)) << "\n";
  }
  out << "\n";
}

void write_graded(std::ostream& out, const conf::RunResult& run, conf::Expectation grade,
                  const char* title) {
  const auto total = run.count(grade);
  if (total == 0) return;
  out << "### " << title << " (" << total << ")\n\n| Check | Outcome | Entry | Reason |\n"
      << "|---|---|---|---|\n";
  std::size_t shown = 0;
  for (const auto& r : run.results) {
    if (r.expectation.grade != grade || shown++ == kMaxDetailed) continue;
    const auto& e = r.expectation;
    out << "| " << md_code_span(r.info.id) << " | " << conf::to_string(r.outcome) << " | "
        << md_code_span(e.pattern) << " | " << md_inline(clip(e.reason, kMaxValueBytes))
        << (e.expires.empty() ? "" : " (until " + md_inline(e.expires) + ")") << " |\n";
  }
  if (total > kMaxDetailed) out << "\n_" << total - kMaxDetailed << " more not shown._\n";
  out << "\n";
}

// --expect: what the expectations file excused, what it no longer needs, what expired.
void write_expectations(std::ostream& out, const conf::RunResult& run) {
  if (!run.expectations) return;
  const auto& e = *run.expectations;
  out << "## Expectations " << md_code_span(e.file) << "\n\n"
      << run.count(conf::Expectation::ExpectedFailure) << " expected failures (not failing the "
      << "gate), " << run.count(conf::Expectation::UnexpectedPass) << " unexpected passes"
      << (e.unexpected_pass_fails ? " (failing the gate)" : "") << ", " << e.expired.size()
      << " expired entries, " << e.unused.size() << " entries matching no check.\n\n";
  for (const auto& x : e.expired)
    out << "- ❌ **expired, fails the gate:** " << md_inline(clip(x, kMaxValueBytes)) << "\n";
  for (const auto& u : e.unused)
    out << "- matches no check of this run: " << md_code_span(u) << "\n";
  if (!e.expired.empty() || !e.unused.empty()) out << "\n";
  write_graded(out, run, conf::Expectation::UnexpectedPass, "Unexpected passes: remove the entry");
  write_graded(out, run, conf::Expectation::ExpectedFailure, "Expected failures");
}

class MarkdownReporter final : public Reporter {
 public:
  std::string name() const override { return "markdown"; }

  void write(const conf::RunResult& run, std::ostream& out) const override {
    const auto summary = summarize(run);
    write_header(out, run, summary);
    write_causes(out, run);
    write_expectations(out, run);
    if (run.comparison) out << comparison_markdown(*run.comparison);
    write_counts(out, summary);
    write_sections(out, summary);
    write_skips(out, run);
    write_notes(out, run);
    write_leftovers(out, run);
  }
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter() {
  return std::make_unique<MarkdownReporter>();
}

}  // namespace scim::reports
