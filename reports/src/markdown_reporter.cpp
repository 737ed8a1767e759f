// Markdown reporter: a compact summary for CI job pages ($GITHUB_STEP_SUMMARY, GitLab MR notes).
// Verdict, counts by outcome x level, the failures with expected vs actual, errors, warnings and a
// per-section table. Bounded: GitHub caps a step summary at 1 MiB, so at most kMaxDetailed
// checks are detailed per group and long values are clipped; the HTML report has the rest.
#include <sstream>

#include "scim/reports/markdown_text.hpp"
#include "scim/reports/redact.hpp"
#include "scim/reports/reporter.hpp"
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
  if (!run.profile.empty()) out << "- **Profile:** " << md_inline(run.profile) << "\n";
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

void write_detail(std::ostream& out, const conf::CheckResult& r) {
  out << "### " << md_code_span(r.info.id) << " " << md_inline(r.info.title) << "\n\n";
  out << "**" << conf::to_string(r.info.level) << "** · " << md_inline(r.info.spec()) << " §"
      << md_inline(r.info.section()) << "\n\n";
  if (!r.info.requirement.empty()) out << "> " << md_inline(r.info.requirement) << "\n\n";
  if (!r.message.empty()) out << md_inline(clip(r.message, kMaxValueBytes)) << "\n\n";
  if (!r.expected.empty())
    out << "Expected:\n\n" << md_code_block(clip(r.expected, kMaxValueBytes)) << "\n";
  if (!r.actual.empty())
    out << "Actual:\n\n" << md_code_block(clip(r.actual, kMaxValueBytes)) << "\n";
}

void write_group(std::ostream& out, const conf::RunResult& run, Outcome outcome,
                 std::string_view heading, bool detailed) {
  std::size_t total = 0;
  for (const auto& r : run.results) total += r.outcome == outcome ? 1 : 0;
  if (total == 0) return;
  out << "## " << heading << " (" << total << ")\n\n";
  std::size_t shown = 0;
  for (const auto& r : run.results) {
    if (r.outcome != outcome || shown == kMaxDetailed) continue;
    ++shown;
    if (detailed) {
      write_detail(out, r);
    } else {
      out << "- " << md_code_span(r.info.id) << " " << md_inline(clip(r.message, kMaxValueBytes))
          << "\n";
    }
  }
  if (!detailed) out << "\n";
  if (shown < total) out << "_" << total - shown << " more not shown; see the HTML report._\n\n";
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

class MarkdownReporter final : public Reporter {
 public:
  std::string name() const override { return "markdown"; }

  void write(const conf::RunResult& run, std::ostream& out) const override {
    const auto summary = summarize(run);
    write_header(out, run, summary);
    write_counts(out, summary);
    write_group(out, run, Outcome::Failed, "Failures", true);
    write_group(out, run, Outcome::Error, "Errors", false);
    write_group(out, run, Outcome::Warning, "Warnings", true);
    write_sections(out, summary);
    write_leftovers(out, run);
  }
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter() {
  return std::make_unique<MarkdownReporter>();
}

}  // namespace scim::reports
