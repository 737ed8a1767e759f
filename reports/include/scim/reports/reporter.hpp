// Reporters turn a finished run (scim/conformance/model.hpp) into files people and CI read:
// JUnit XML, a self-contained HTML page, JSON (reports/results.schema.json) and Markdown.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "scim/conformance/model.hpp"

namespace scim::reports {

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual std::string name() const = 0;  // "junit", "html", "json", "markdown"
  virtual void write(const conf::RunResult& run, std::ostream& out) const = 0;
};

std::unique_ptr<Reporter> make_junit_reporter();
std::unique_ptr<Reporter> make_html_reporter();
std::unique_ptr<Reporter> make_json_reporter();
std::unique_ptr<Reporter> make_markdown_reporter();

}  // namespace scim::reports
