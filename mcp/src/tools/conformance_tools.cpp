// The conformance tools over scim::conformance (selection by glob, tag, level or profile; the
// runner with its fixtures and cleanup) and the spec texts.
#include "scim/mcp/conformance_tools.hpp"

#include <algorithm>

#include "explain_tool.hpp"
#include "scim/conformance/core/runner.hpp"
#include "scim/conformance/core/selector.hpp"
#include "scim_support.hpp"

namespace scim::mcp {
namespace {

constexpr std::size_t kMaxExchangesShown = 4;
constexpr std::size_t kMaxBodyShown = 4 * 1024;

std::string cut(std::string text, std::size_t limit) {
  if (text.size() > limit) text = text.substr(0, limit) + "... (cut)";
  return text;
}

json selection_properties(const std::vector<std::string>& profiles) {
  json globs{{"type", "array"}, {"items", {{"type", "string"}}}};
  json only = globs;
  only["description"] = "Check id globs to run, e.g. rfc7644/3.4.2.2/* ('*' spans '/').";
  json exclude = globs;
  exclude["description"] = "Check id globs to leave out.";
  json tags = globs;
  tags["description"] = "Run checks carrying at least one of these tags (e.g. filter, patch).";
  json profile{{"type", "string"}, {"description", "An identity provider's profile."}};
  if (!profiles.empty()) profile["enum"] = profiles;
  return {{"only", only},
          {"exclude", exclude},
          {"tags", tags},
          {"level",
           {{"type", "string"},
            {"enum", {"MUST", "SHOULD", "MAY"}},
            {"description", "Minimum requirement level."}}},
          {"profile", profile}};
}

conf::Selection selection_from(const json& a) {
  conf::Selection s;
  auto strings = [&](const char* key) {
    std::vector<std::string> out;
    for (const auto& v : a.value(key, json::array())) out.push_back(v.get<std::string>());
    return out;
  };
  s.only = strings("only");
  s.exclude = strings("exclude");
  s.tags = strings("tags");
  if (a.contains("level")) s.min_level = *conf::parse_level(a["level"].get<std::string>());
  s.profile = a.value("profile", std::string());
  return s;
}

json exchange_json(const conf::Exchange& e) {
  json out{{"method", e.method}, {"url", e.url}, {"status", e.status}};
  if (!e.request_body.empty()) out["requestBody"] = cut(e.request_body, kMaxBodyShown);
  if (!e.response_body.empty()) out["responseBody"] = cut(e.response_body, kMaxBodyShown);
  if (!e.transport_error.empty()) out["transportError"] = e.transport_error;
  return out;
}

json failure_json(const conf::CheckResult& r) {
  json exchanges = json::array();
  const auto start = r.exchanges.size() > kMaxExchangesShown
                         ? r.exchanges.size() - kMaxExchangesShown
                         : std::size_t{0};
  for (std::size_t i = start; i < r.exchanges.size(); ++i) {
    exchanges.push_back(exchange_json(r.exchanges[i]));
  }
  return {{"id", r.info.id},
          {"title", r.info.title},
          {"level", std::string(conf::to_string(r.info.level))},
          {"outcome", std::string(conf::to_string(r.outcome))},
          {"message", r.message},
          {"expected", r.expected},
          {"actual", r.actual},
          {"requirement", r.info.requirement},
          {"exchanges", std::move(exchanges)},
          {"exchangesOmitted", start}};
}

// Progress per finished check, and a log line per failure.
class ProgressObserver final : public conf::RunObserver {
 public:
  explicit ProgressObserver(RequestContext& context) : context_(context) {}
  void on_check_finished(const conf::CheckResult& r, std::size_t done, std::size_t total) override {
    const auto outcome = std::string(conf::to_string(r.outcome));
    context_.progress(static_cast<double>(done), static_cast<double>(total),
                      r.info.id + ": " + outcome);
    if (r.outcome == conf::Outcome::Failed || r.outcome == conf::Outcome::Error) {
      context_.log(LogLevel::Warning, "conformance",
                   json{{"check", r.info.id}, {"outcome", outcome}, {"message", r.message}});
    }
  }

 private:
  RequestContext& context_;
};

std::optional<std::string> selection_problem(const ConformanceDeps& d, const conf::Selection& s) {
  if (!s.profile.empty() &&
      std::find(d.profiles.begin(), d.profiles.end(), s.profile) == d.profiles.end()) {
    return "unknown profile '" + s.profile + "'";
  }
  if (conf::select(d.catalog, s).empty()) {
    return "no check matches the selection; conformance_list shows the ids and tags";
  }
  return std::nullopt;
}

json summary_json(const conf::RunResult& run) {
  json counts = json::object();
  for (auto o : {conf::Outcome::Passed, conf::Outcome::Failed, conf::Outcome::Warning,
                 conf::Outcome::Skipped, conf::Outcome::Error}) {
    counts[std::string(conf::to_string(o))] = run.count(o);
  }
  return {{"target", run.target},
          {"total", run.results.size()},
          {"counts", counts},
          {"exitCode", run.exit_code()},
          {"interrupted", run.interrupted},
          {"durationMs", run.duration.count() / 1000},
          {"leftovers", run.sweep_leftovers}};
}

ToolResult run_tool(ConformanceDeps& d, const json& a, RequestContext& context) {
  if (!d.target.configured()) return ToolResult::error("no SCIM target: start with --base-url");
  auto selection = selection_from(a);
  if (auto problem = selection_problem(d, selection)) return ToolResult::error(*problem);
  conf::RunOptions options;
  options.selection = selection;
  options.jobs = a.value("jobs", 1);
  options.force_optional = a.value("forceOptional", false);
  options.request_timeout = d.target.options().timeout;
  const auto check = d.target.options().check_timeout.count() > 0
                         ? d.target.options().check_timeout
                         : std::max(std::chrono::seconds(120), 4 * d.target.options().timeout);
  options.check_timeout = check;
  options.tool_version = "scim-mcp";
  ProgressObserver observer(context);
  auto run =
      conf::run_checks(d.catalog, options, d.target.client(), context.cancel_flag(), observer);
  if (!run) return ToolResult::error("discovery failed: " + run.error().message);
  ToolResult result;
  result.structured = summary_json(*run);
  json failures = json::array();
  std::string text = "Conformance run against " + run->target + ": " +
                     result.structured["counts"].dump() + (run->interrupted ? " (cancelled)" : "");
  for (const auto& r : run->results) {
    if (r.outcome != conf::Outcome::Failed && r.outcome != conf::Outcome::Error &&
        r.outcome != conf::Outcome::Warning) {
      continue;
    }
    failures.push_back(failure_json(r));
    text += "\n\n" + std::string(conf::to_string(r.outcome)) + " " + r.info.id + " (" +
            std::string(conf::to_string(r.info.level)) + "): " + r.message;
    if (!r.expected.empty()) text += "\n  expected: " + r.expected;
    if (!r.actual.empty()) text += "\n  actual: " + r.actual;
  }
  result.structured["failures"] = std::move(failures);
  result.structured["reports"] = {"scim-conformance://runs/last/report.json",
                                  "scim-conformance://runs/last/report.md"};
  d.runs.put(std::move(*run));
  text += "\n\nReports: scim-conformance://runs/last/report.json and report.md";
  result.text = d.target.redact(cut(text, scim_tools::kMaxText));
  return result;
}

}  // namespace

json check_json(const conf::CheckInfo& info) {
  return {{"id", info.id},
          {"title", info.title},
          {"level", std::string(conf::to_string(info.level))},
          {"requirement", info.requirement},
          {"tags", info.tags},
          {"needs", info.capabilities}};
}

namespace {

ToolResult list_tool(const ConformanceDeps& d, const json& a) {
  auto selection = selection_from(a);
  if (auto problem = selection_problem(d, selection)) return ToolResult::error(*problem);
  json checks = json::array();
  std::string text;
  for (const auto* check : conf::select(d.catalog, selection)) {
    checks.push_back(check_json(check->info));
    text += check->info.id + " [" + std::string(conf::to_string(check->info.level)) + "] " +
            check->info.title + "\n";
  }
  ToolResult r;
  r.structured = {{"count", checks.size()}, {"checks", std::move(checks)}};
  r.text = std::to_string(r.structured["count"].get<std::size_t>()) + " check(s)\n" +
           cut(text, scim_tools::kMaxText);
  return r;
}

}  // namespace

std::vector<std::shared_ptr<Tool>> make_conformance_tools(ConformanceDeps deps) {
  auto d = std::make_shared<ConformanceDeps>(std::move(deps));
  ToolSpec list{.name = "conformance_list",
                .title = "List conformance checks",
                .description =
                    "Lists the toolkit's conformance checks (id, level, title, the "
                    "RFC sentence, tags), optionally narrowed like conformance_run.",
                .input_schema = {{"type", "object"},
                                 {"properties", selection_properties(d->profiles)},
                                 {"additionalProperties", false}},
                .hints = {.read_only = true, .open_world = false}};
  json run_props = selection_properties(d->profiles);
  run_props["jobs"] = {{"type", "integer"},
                       {"minimum", 1},
                       {"maximum", 8},
                       {"description", "Checks run in parallel (default 1)."}};
  run_props["forceOptional"] = {{"type", "boolean"},
                                {"description",
                                 "Also run checks of features the target does "
                                 "not advertise; their failures only warn."}};
  ToolSpec run{.name = "conformance_run",
               .title = "Run conformance checks",
               .description =
                   "Runs the selected checks against the target (it creates test "
                   "resources prefixed scimconf- and deletes them). Returns the "
                   "summary and every failure with expected, actual and the HTTP "
                   "exchanges; sends progress per check. Reports become resources.",
               .input_schema = {{"type", "object"},
                                {"properties", run_props},
                                {"additionalProperties", false}},
               .hints = {.read_only = false, .destructive = false, .idempotent = true},
               .writes = true};
  return {
      std::make_shared<FunctionTool>(
          [list] { return list; },
          [d](const json& a, RequestContext&) { return list_tool(*d, a); }),
      std::make_shared<FunctionTool>(
          [run] { return run; },
          [d](const json& a, RequestContext& c) { return run_tool(*d, a, c); }),
      make_explain_tool(d),
  };
}

}  // namespace scim::mcp
