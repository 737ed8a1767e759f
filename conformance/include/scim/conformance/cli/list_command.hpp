// `scim-conformance list`: every check with ID, level, tags and capabilities, as text, JSON, or
// Markdown grouped by spec and section (the source of docs/coverage.md).
#pragma once

#include <ostream>

#include "scim/conformance/catalog.hpp"
#include "scim/conformance/cli/options.hpp"

namespace scim::conf::cli {

// Exit code 0; 2 when --profile names no registered profile.
int list_command(const ListConfig& config, const Catalog& catalog, std::ostream& out,
                 std::ostream& err);

}  // namespace scim::conf::cli
