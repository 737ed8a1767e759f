// JSON reporter: the machine-readable record of a run, shaped by reports/results.schema.json
// (format "version": "1"). Adding optional fields keeps version 1; renaming or removing a field,
// or changing a type, bumps the version.
#include <nlohmann/json.hpp>

#include "scim/reports/comparison.hpp"
#include "scim/reports/redact.hpp"
#include "scim/reports/reporter.hpp"
#include "scim/reports/root_causes.hpp"
#include "scim/reports/summary.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {
namespace {

using nlohmann::json;

constexpr const char* kFormatVersion = "1";

json counts_json(const Counts& counts) {
  json out = json::object();
  for (auto outcome : kOutcomes) out[std::string(conf::to_string(outcome))] = counts.of(outcome);
  out["total"] = counts.total();
  return out;
}

json headers_json(const std::vector<std::pair<std::string, std::string>>& headers) {
  json out = json::array();
  for (const auto& [name, value] : headers) {
    out.push_back(
        {{"name", clip(name, kMaxTextBytes)}, {"value", report_header_value(name, value)}});
  }
  return out;
}

json exchange_json(const conf::Exchange& e) {
  json out = {{"method", clip(e.method, kMaxTextBytes)},
              {"url", clip(redact_url(e.url), kMaxTextBytes)},
              {"requestHeaders", headers_json(e.request_headers)},
              {"requestBody", clip(e.request_body, kMaxBodyBytes)},
              {"status", e.status},
              {"responseHeaders", headers_json(e.response_headers)},
              {"responseBody", clip(e.response_body, kMaxBodyBytes)},
              {"elapsedUs", e.elapsed.count()}};
  if (!e.transport_error.empty()) out["transportError"] = clip(e.transport_error, kMaxTextBytes);
  return out;
}

json strings_json(const std::vector<std::string>& values) {
  json out = json::array();
  for (const auto& v : values) out.push_back(clip(v, kMaxTextBytes));
  return out;
}

json check_json(const conf::CheckResult& r) {
  json exchanges = json::array();
  for (std::size_t i = 0; i < r.exchanges.size() && i < kMaxExchangesPerCheck; ++i) {
    exchanges.push_back(exchange_json(r.exchanges[i]));
  }
  const auto omitted = r.exchanges.size() - exchanges.size();
  json out = {{"id", r.info.id},
              {"title", clip(r.info.title, kMaxTextBytes)},
              {"spec", r.info.spec()},
              {"section", r.info.section()},
              {"level", conf::to_string(r.info.level)},
              {"requirement", clip(r.info.requirement, kMaxTextBytes)},
              {"tags", strings_json(r.info.tags)},
              {"capabilities", strings_json(r.info.capabilities)},
              {"outcome", conf::to_string(r.outcome)},
              {"message", clip(r.message, kMaxTextBytes)},
              {"expected", clip(r.expected, kMaxTextBytes)},
              {"actual", clip(r.actual, kMaxTextBytes)},
              {"durationUs", r.duration.count()},
              {"exchanges", std::move(exchanges)},
              {"exchangesOmitted", omitted},
              {"leftovers", strings_json(r.leftovers)},
              {"dependsOn", strings_json(r.info.depends_on)},
              {"cause", r.cause}};
  if (r.expectation.grade != conf::Expectation::None) {
    const auto& e = r.expectation;
    out["expectation"] = {{"grade", conf::to_string(e.grade)},
                          {"entry", clip(e.pattern, kMaxTextBytes)},
                          {"reason", clip(e.reason, kMaxTextBytes)},
                          {"expires", e.expires}};
  }
  return out;
}

json expectations_json(const conf::RunResult& run) {
  const auto& e = *run.expectations;
  return {{"file", e.file},
          {"entries", e.entries},
          {"expectedFailures", run.count(conf::Expectation::ExpectedFailure)},
          {"unexpectedPasses", run.count(conf::Expectation::UnexpectedPass)},
          {"unexpectedPassFails", e.unexpected_pass_fails},
          {"expired", strings_json(e.expired)},
          {"unused", strings_json(e.unused)}};
}

json summary_json(const RunSummary& s) {
  json by_level = json::object();
  for (auto level : kLevels)
    by_level[std::string(conf::to_string(level))] = counts_json(s.level(level));
  json sections = json::array();
  for (const auto& section : s.sections) {
    sections.push_back({{"key", section.key},
                        {"spec", section.spec},
                        {"section", section.section},
                        {"counts", counts_json(section.counts)}});
  }
  return {{"counts", counts_json(s.counts)}, {"byLevel", by_level}, {"sections", sections}};
}

json ids_json(const std::vector<const conf::CheckResult*>& checks) {
  json out = json::array();
  for (const auto* c : checks) out.push_back(c->info.id);
  return out;
}

// Failures grouped by root cause, most consequential first (root_causes.hpp).
json causes_json(const conf::RunResult& run) {
  json out = json::array();
  for (const auto& c : root_causes(run)) {
    out.push_back({{"key", c.key},
                   {"outcome", conf::to_string(c.outcome)},
                   {"headline", clip(c.headline(), kMaxTextBytes)},
                   {"binding", c.harness() ? std::string("harness") : binding_of(c.first().info)},
                   {"checks", ids_json(c.checks)},
                   {"dependents", ids_json(c.dependents)}});
  }
  return out;
}

// The RFC verdict beside the profile's: {"RFC": {...}, "interop": {...}}.
json verdicts_json(const RunSummary& summary) {
  json out = json::object();
  for (const auto& v : summary.verdicts) {
    out[v.scope] = {{"verdict", v.passed ? "PASS" : "FAIL"},
                    {"failed", v.counts.of(conf::Outcome::Failed)},
                    {"errors", v.counts.of(conf::Outcome::Error)},
                    {"checks", v.counts.total()}};
  }
  return out;
}

class JsonReporter final : public Reporter {
 public:
  std::string name() const override { return "json"; }

  void write(const conf::RunResult& run, std::ostream& out) const override {
    const auto summary = summarize(run);
    json checks = json::array();
    for (const auto& r : run.results) checks.push_back(check_json(r));
    json doc = {{"version", kFormatVersion},
                {"tool", {{"name", "scim-conformance"}, {"version", run.tool_version}}},
                {"target", redact_url(run.target)},
                {"profile", run.profile},
                {"startedAt", run.started_at},
                {"durationUs", run.duration.count()},
                {"verdict", summary.passed ? "PASS" : "FAIL"},
                {"verdicts", verdicts_json(summary)},
                {"exitCode", run.exit_code()},
                {"capabilities", run.capabilities.is_null() ? json::object() : run.capabilities},
                {"summary", summary_json(summary)},
                {"checks", std::move(checks)},
                {"sweepLeftovers", strings_json(run.sweep_leftovers)},
                {"notes", strings_json(run.notes)},
                {"rootCauses", causes_json(run)}};
    json run_exchanges = json::array();
    for (const auto& e : run.run_exchanges) run_exchanges.push_back(exchange_json(e));
    doc["runExchanges"] = std::move(run_exchanges);
    if (run.expectations) doc["expectations"] = expectations_json(run);
    if (run.comparison) doc["comparison"] = comparison_json(*run.comparison);
    // replace: a hostile server's invalid UTF-8 inside capabilities must not throw mid-write.
    out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter() {
  return std::make_unique<JsonReporter>();
}

}  // namespace scim::reports
