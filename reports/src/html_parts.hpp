// The pieces of the HTML report, each rendered from its own template in reports/templates/.
// html_reporter.cpp assembles them into the page.
#pragma once

#include <string>
#include <string_view>

#include "scim/conformance/model.hpp"
#include "scim/reports/summary.hpp"

namespace scim::reports {

// A body prepared for display: pretty-printed when it is JSON (kind "json", highlighted by
// report.js), verbatim otherwise (kind "text"); clipped to kMaxBodyBytes either way.
struct DisplayBody {
  std::string text;
  std::string kind;
};
DisplayBody display_body(std::string_view body);

// CSP source expression for an inline block (CSP Level 3 §2.3.1 hash-source): 'sha256-<base64>'.
std::string csp_hash(std::string_view content);

std::string render_check_html(const conf::CheckResult& result);
// Up to `limit` exchanges, then a note of how many more (html_check.cpp).
std::string render_exchanges(const std::vector<conf::Exchange>& exchanges, std::size_t limit);
// The runner's own requests (RunResult::run_exchanges): token exchange, discovery, final sweep.
std::string render_run_exchanges(const std::vector<conf::Exchange>& exchanges);
std::string render_outcome_tiles(const RunSummary& summary);
std::string render_level_rows(const RunSummary& summary);
std::string render_section_rows(const RunSummary& summary);
std::string render_capabilities(const nlohmann::json& capabilities);
std::string render_leftovers(const std::vector<std::string>& leftovers);
// The opening section: failures grouped by root cause (html_causes.cpp).
std::string render_root_causes(const conf::RunResult& run);
// --expect and --compare: expired, unexpected and expected entries; the comparison (html_gate.cpp).
std::string render_gate(const conf::RunResult& run);
// "expected failure" / "unexpected pass" beside a check's outcome; empty without a grade.
std::string render_grade_badge(const conf::CheckResult& result);
// The run's notes (RunResult::notes), said once.
std::string render_run_notes(const std::vector<std::string>& notes);

}  // namespace scim::reports
