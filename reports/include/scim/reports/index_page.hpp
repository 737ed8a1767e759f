// The index of a many-targets run (`run --targets`): the page a platform team sends its vendors.
// One row per target (verdict, link to its report) and one column per RFC section any target ran,
// each cell coloured by the section's worst outcome on that target: failed > error > expected
// failures only (--expect) > warning > passed > skipped; "not run" when the target did not get
// there. HTML (self-contained, CSP like the report) and a Markdown table (job summaries).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "scim/conformance/target_index.hpp"

namespace scim::reports {

// The cell class of one section's checks: "failed", "error", "expected", "warning", "passed",
// "skipped" ("none" for no checks).
std::string section_cell_class(const std::vector<const conf::CheckResult*>& checks);

void write_index_html(const std::vector<conf::TargetSummary>& targets, std::ostream& out);
void write_index_markdown(const std::vector<conf::TargetSummary>& targets, std::ostream& out);

}  // namespace scim::reports
