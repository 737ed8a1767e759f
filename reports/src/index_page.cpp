// The many-targets index page (index_page.hpp).
#include "scim/reports/index_page.hpp"

#include <algorithm>
#include <map>

#include "html_parts.hpp"
#include "scim/reports/html_template.hpp"
#include "scim/reports/markdown_text.hpp"
#include "scim/reports/redact.hpp"
#include "scim/reports/summary.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {
namespace {

using conf::Outcome;

struct Column {
  std::string key, spec, section;
};

// Every section any target ran, in natural order.
std::vector<Column> columns_of(const std::vector<conf::TargetSummary>& targets) {
  std::map<std::string, Column> by_key;
  for (const auto& t : targets) {
    if (!t.run) continue;
    for (const auto& r : t.run->results)
      by_key.try_emplace(section_key(r.info),
                         Column{section_key(r.info), r.info.spec(), r.info.section()});
  }
  std::vector<Column> out;
  for (auto& [key, column] : by_key) out.push_back(std::move(column));
  std::stable_sort(out.begin(), out.end(), [](const Column& a, const Column& b) {
    return a.spec != b.spec ? a.spec < b.spec : section_less(a.section, b.section);
  });
  return out;
}

std::map<std::string, std::vector<const conf::CheckResult*>> by_section(
    const conf::RunResult& run) {
  std::map<std::string, std::vector<const conf::CheckResult*>> out;
  for (const auto& r : run.results) out[section_key(r.info)].push_back(&r);
  return out;
}

// The target's HTML report, when it ran and has one.
std::string report_link(const conf::TargetSummary& t) {
  const auto it = t.reports.find("html");
  return t.run && it != t.reports.end() ? it->second : std::string();
}

std::string verdict_of(const conf::TargetSummary& t) {
  if (!t.run) return "NOT RUN";
  return t.exit_code == 0 ? "PASS" : "FAIL";
}

std::string verdict_class(const conf::TargetSummary& t) {
  return !t.run ? "unreachable" : t.exit_code == 0 ? "pass" : "fail";
}

std::size_t failing(const std::vector<const conf::CheckResult*>& checks) {
  return static_cast<std::size_t>(
      std::count_if(checks.begin(), checks.end(), [](const auto* r) { return r->fails_gate(); }));
}

std::string cells_html(const conf::TargetSummary& t, const std::vector<Column>& columns) {
  if (!t.run)
    return fill_template(template_file("index-problem.html"),
                         {{"span", std::to_string(std::max<std::size_t>(columns.size(), 1))},
                          {"problem", clip(t.problem, kMaxTextBytes)}});
  const auto sections = by_section(*t.run);
  std::string out;
  for (const auto& c : columns) {
    const auto it = sections.find(c.key);
    static const std::vector<const conf::CheckResult*> kNone;
    const auto& checks = it == sections.end() ? kNone : it->second;
    const auto text = checks.empty()
                          ? std::string("–")
                          : std::to_string(failing(checks)) + "/" + std::to_string(checks.size());
    out += fill_template(template_file("index-cell.html"),
                         {{"class", section_cell_class(checks)},
                          {"title", t.name + " · " + c.spec + " §" + c.section},
                          {"text", text}});
  }
  return out;
}

std::string counts_text(const conf::TargetSummary& t) {
  if (!t.run) return "–";
  const auto& run = *t.run;
  const auto expected = run.count(conf::Expectation::ExpectedFailure);
  return std::to_string(run.count(Outcome::Passed)) + " / " +
         std::to_string(run.count(Outcome::Failed) + run.count(Outcome::Error)) +
         (expected == 0 ? "" : " (" + std::to_string(expected) + " expected)") + " / " +
         std::to_string(run.results.size());
}

}  // namespace

std::string section_cell_class(const std::vector<const conf::CheckResult*>& checks) {
  if (checks.empty()) return "none";
  const auto any = [&](auto pred) { return std::any_of(checks.begin(), checks.end(), pred); };
  const auto gate_failing = [](Outcome o) {
    return [o](const conf::CheckResult* r) { return r->outcome == o && r->fails_gate(); };
  };
  if (any(gate_failing(Outcome::Failed))) return "failed";
  if (any(gate_failing(Outcome::Error))) return "error";
  if (any([](const auto* r) { return r->expectation.grade == conf::Expectation::ExpectedFailure; }))
    return "expected";
  if (any([](const auto* r) { return r->outcome == Outcome::Warning; })) return "warning";
  if (any([](const auto* r) { return r->outcome == Outcome::Passed; })) return "passed";
  return "skipped";
}

void write_index_html(const std::vector<conf::TargetSummary>& targets, std::ostream& out) {
  const auto columns = columns_of(targets);
  std::string heads, rows;
  for (const auto& c : columns)
    heads += fill_template(template_file("index-head.html"),
                           {{"key", c.key}, {"label", c.spec + " §" + c.section}});
  std::size_t failing_targets = 0;
  for (const auto& t : targets) {
    failing_targets += t.exit_code == 0 ? 0 : 1;
    rows += fill_template(template_file("index-row.html"),
                          {{"verdict_class", verdict_class(t)},
                           {"report", report_link(t).empty() ? "#" : report_link(t)},
                           {"name", t.name},
                           {"base_url", clip(redact_url(t.base_url), kMaxTextBytes)},
                           {"verdict", verdict_of(t)},
                           {"profile", t.profile.empty() ? "none" : t.profile},
                           {"counts", counts_text(t)},
                           {"cells", cells_html(t, columns)}});
  }
  const std::string css(template_file("index.css"));
  out << fill_template(template_file("index.html"), {{"css", css},
                                                     {"csp_style", csp_hash(css)},
                                                     {"count", std::to_string(targets.size())},
                                                     {"failing", std::to_string(failing_targets)},
                                                     {"section_heads", heads},
                                                     {"rows", rows}});
}

void write_index_markdown(const std::vector<conf::TargetSummary>& targets, std::ostream& out) {
  out << "# SCIM conformance: " << targets.size() << " targets\n\n"
      << "| Target | Verdict | Passed / failed / total | Failing sections |\n|---|---|---|---|\n";
  for (const auto& t : targets) {
    std::string sections;
    if (t.run) {
      for (const auto& [key, checks] : by_section(*t.run)) {
        const auto cls = section_cell_class(checks);
        if (cls == "failed" || cls == "error") sections += (sections.empty() ? "" : ", ") + key;
      }
    }
    const auto report = report_link(t);
    out << "| " << md_inline(t.name) << (report.empty() ? "" : " (" + md_code_span(report) + ")")
        << " | "
        << (t.run ? (t.exit_code == 0 ? "✅ PASS" : "❌ FAIL") : "⛔ not run: " + md_inline(t.problem))
        << " | " << counts_text(t) << " | " << md_inline(sections.empty() ? "–" : sections)
        << " |\n";
  }
  out << "\n";
}

}  // namespace scim::reports
