// HTML reporter: one self-contained page (inline CSS and JS from reports/templates/, no network
// fetches). A Content-Security-Policy with the SHA-256 of exactly our <style> and <script>
// blocks anything else, so even if escaping were ever wrong, injected markup could not run
// script or load resources.
#include <openssl/evp.h>

#include <stdexcept>

#include "html_parts.hpp"
#include "scim/protocol/encoding.hpp"
#include "scim/reports/html_template.hpp"
#include "scim/reports/redact.hpp"
#include "scim/reports/reporter.hpp"
#include "scim/reports/summary.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {

// CSP source expression for an inline block (CSP Level 3 §2.3.1 hash-source): 'sha256-<base64>'.
std::string csp_hash(std::string_view content) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(content.data(), content.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("EVP_Digest(sha256) failed");
  }
  const std::string_view bytes(reinterpret_cast<const char*>(digest), length);
  return "'sha256-" + base64_encode(bytes) + "'";
}

namespace {

std::string verdict_detail(const conf::RunResult& run, const RunSummary& s) {
  using conf::Outcome;
  const auto expected = run.count(conf::Expectation::ExpectedFailure);
  if (s.passed)
    return expected == 0 ? "every MUST-level check passed"
                         : "no MUST-level check failed beyond the " + std::to_string(expected) +
                               " expected failures";
  const auto errors = s.counts.of(Outcome::Error);
  std::string out = std::to_string(s.counts.of(Outcome::Failed)) + " failed, " +
                    std::to_string(errors) + (errors == 1 ? " error" : " errors");
  if (expected > 0) out += " (" + std::to_string(expected) + " of them expected)";
  if (run.expectations && !run.expectations->expired.empty())
    out += ", " + std::to_string(run.expectations->expired.size()) + " expired expectations";
  if (run.expectations && run.expectations->unexpected_pass_fails &&
      run.count(conf::Expectation::UnexpectedPass) > 0)
    out +=
        ", " + std::to_string(run.count(conf::Expectation::UnexpectedPass)) + " unexpected passes";
  return out;
}

std::string render_checks(const RunSummary& summary) {
  std::string out;
  for (const auto& section : summary.sections) {
    for (const auto* r : section.checks) out += render_check_html(*r);
  }
  return out;
}

Slots page_slots(const conf::RunResult& run, const RunSummary& s) {
  const std::string css(template_file("report.css"));
  const std::string js(template_file("report.js"));
  return {{"css", css},
          {"js", js},
          {"csp_style", csp_hash(css)},
          {"csp_script", csp_hash(js)},
          {"verdict", s.passed ? "PASS" : "FAIL"},
          {"verdict_class", s.passed ? "pass" : "fail"},
          {"verdict_detail", verdict_detail(run, s)},
          {"target", clip(redact_url(run.target), kMaxTextBytes)},
          {"tool_version", run.tool_version},
          {"profile", run.profile.empty() ? "none" : run.profile},
          {"verdicts", verdicts_line(s)},
          {"started_at", run.started_at},
          {"duration", format_seconds(run.duration)},
          {"total", std::to_string(s.counts.total())},
          {"causes", render_root_causes(run)},
          {"gate", render_gate(run)},
          {"run_notes", render_run_notes(run.notes)},
          {"tiles", render_outcome_tiles(s)},
          {"level_rows", render_level_rows(s)},
          {"section_rows", render_section_rows(s)},
          {"capabilities", render_capabilities(run.capabilities)},
          {"checks", render_checks(s)},
          {"leftovers", render_leftovers(run.sweep_leftovers)},
          {"run_exchanges", render_run_exchanges(run.run_exchanges)}};
}

class HtmlReporter final : public Reporter {
 public:
  std::string name() const override { return "html"; }

  void write(const conf::RunResult& run, std::ostream& out) const override {
    const auto summary = summarize(run);
    out << fill_template(template_file("report.html"), page_slots(run, summary));
  }
};

}  // namespace

std::unique_ptr<Reporter> make_html_reporter() {
  return std::make_unique<HtmlReporter>();
}

}  // namespace scim::reports
