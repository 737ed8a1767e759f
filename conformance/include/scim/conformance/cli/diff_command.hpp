// `scim-conformance diff OLD.json NEW.json`: compares two results files (core/comparison.hpp) and
// prints the comparison as text, Markdown or JSON. Exit code: 0 no regression, 1 at least one
// check regressed (passed -> failed or error), 2 a file is unreadable or not a results file.
#pragma once

#include <functional>
#include <map>
#include <ostream>
#include <string>

#include "scim/conformance/cli/options.hpp"
#include "scim/conformance/model.hpp"

namespace scim::conf::cli {

using ComparisonRenderer = std::function<std::string(const RunComparison&)>;

struct DiffEnvironment {
  FileReader read_file;
  std::map<std::string, ComparisonRenderer> renderers;  // "text", "md", "json"
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
};

int diff_command(const DiffConfig& config, const DiffEnvironment& env);

}  // namespace scim::conf::cli
