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

std::string render_check_html(const conf::CheckResult& result);
std::string render_outcome_tiles(const RunSummary& summary);
std::string render_level_rows(const RunSummary& summary);
std::string render_section_rows(const RunSummary& summary);
std::string render_capabilities(const nlohmann::json& capabilities);
std::string render_leftovers(const std::vector<std::string>& leftovers);
// The opening section: failures grouped by root cause (html_causes.cpp).
std::string render_root_causes(const conf::RunResult& run);
// The run's notes (RunResult::notes), said once.
std::string render_run_notes(const std::vector<std::string>& notes);

}  // namespace scim::reports
