// The resources and prompts scim-mcp offers: the check catalogue, one resource per RFC section
// the checks quote (the section's text and the quotes), the last run's JSON and Markdown reports;
// and the prompts "diagnose why provisioning of a user fails" and "make my endpoint pass the
// Entra profile".
#pragma once

#include <memory>
#include <vector>

#include "scim/conformance/catalog.hpp"
#include "scim/mcp/offer.hpp"
#include "scim/mcp/run_store.hpp"
#include "scim/mcp/spec_library.hpp"

namespace scim::mcp {

inline constexpr std::string_view kCatalogUri = "scim-conformance://catalog";
inline constexpr std::string_view kSectionUriPrefix = "scim-conformance://sections/";
inline constexpr std::string_view kReportJsonUri = "scim-conformance://runs/last/report.json";
inline constexpr std::string_view kReportMarkdownUri = "scim-conformance://runs/last/report.md";

std::shared_ptr<ResourceProvider> make_catalog_resources(const conf::Catalog& catalog,
                                                         const SpecLibrary& specs);
std::shared_ptr<ResourceProvider> make_report_resources(const RunStore& runs);

// `mock_tools`: whether the mock_* tools are offered (the diagnosis prompt then uses the journal).
std::vector<std::shared_ptr<Prompt>> make_prompts(bool mock_tools);

}  // namespace scim::mcp
