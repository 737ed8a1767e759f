// The HTML report's gate sections: what --expect excused or no longer needs, and the comparison
// with an earlier run (--compare). Each part is a gate.html block of list items.
#include "html_parts.hpp"
#include "scim/reports/comparison.hpp"
#include "scim/reports/html_template.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {
namespace {

std::string items_of(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < kMaxComparisonRows; ++i)
    out +=
        fill_template(template_file("list-item.html"), {{"text", clip(lines[i], kMaxTextBytes)}});
  if (lines.size() > kMaxComparisonRows)
    out += fill_template(template_file("list-item.html"),
                         {{"text", "and " + std::to_string(lines.size() - kMaxComparisonRows) +
                                       " more (see the JSON report)"}});
  return out;
}

std::string gate_block(const std::string& kind, const std::string& title, const std::string& intro,
                       const std::vector<std::string>& lines) {
  return fill_template(
      template_file("gate.html"),
      {{"kind", kind}, {"title", title}, {"intro", intro}, {"items", items_of(lines)}});
}

std::vector<std::string> graded(const conf::RunResult& run, conf::Expectation grade) {
  std::vector<std::string> lines;
  for (const auto& r : run.results) {
    const auto& e = r.expectation;
    if (e.grade != grade) continue;
    lines.push_back(r.info.id + " (" + std::string(conf::to_string(r.outcome)) + ", entry " +
                    e.pattern + "): " + e.reason +
                    (e.expires.empty() ? "" : " (until " + e.expires + ")"));
  }
  return lines;
}

std::string render_expectations(const conf::RunResult& run) {
  const auto& e = *run.expectations;
  std::string out;
  if (!e.expired.empty())
    out += gate_block("expired", "Expired expectations (" + std::to_string(e.expired.size()) + ")",
                      "Each expired entry fails the gate: fix the check or renew the entry.",
                      e.expired);
  const auto unexpected = graded(run, conf::Expectation::UnexpectedPass);
  if (!unexpected.empty())
    out += gate_block("unexpected-pass",
                      "Unexpected passes (" + std::to_string(unexpected.size()) + ")",
                      std::string("These checks pass now: remove their entries from ") + e.file +
                          (e.unexpected_pass_fails ? ". They fail the gate." : "."),
                      unexpected);
  const auto expected = graded(run, conf::Expectation::ExpectedFailure);
  if (!expected.empty())
    out += gate_block("expected-failure",
                      "Expected failures (" + std::to_string(expected.size()) + ")",
                      "Listed in " + e.file + "; they do not fail the gate.", expected);
  if (!e.unused.empty())
    out += gate_block("unused",
                      "Expectations matching no check (" + std::to_string(e.unused.size()) + ")",
                      "These entries matched no check of this run.", e.unused);
  return out;
}

std::string render_comparison(const conf::RunComparison& c) {
  std::string out;
  for (const auto& part : comparison_parts(c)) {
    if (part.changes->empty()) continue;
    std::vector<std::string> lines;
    for (const auto& ch : *part.changes)
      lines.push_back(ch.id + " [" + ch.level + "] " + change_summary(ch, part.key));
    out += gate_block(part.key, std::string(part.title) + " (" + std::to_string(lines.size()) + ")",
                      "Compared with " + c.baseline + ".", lines);
  }
  if (out.empty())
    out = gate_block("unchanged", "Compared with the earlier run",
                     "No outcome changed compared with " + c.baseline + ".", {});
  return out;
}

}  // namespace

std::string render_gate(const conf::RunResult& run) {
  std::string out;
  if (run.expectations) out += render_expectations(run);
  if (run.comparison) out += render_comparison(*run.comparison);
  return out;
}

std::string render_grade_badge(const conf::CheckResult& r) {
  if (r.expectation.grade == conf::Expectation::None) return {};
  const bool expected = r.expectation.grade == conf::Expectation::ExpectedFailure;
  return fill_template(template_file("grade-badge.html"),
                       {{"grade", std::string(conf::to_string(r.expectation.grade))},
                        {"label", expected ? "expected failure" : "unexpected pass"}});
}

}  // namespace scim::reports
