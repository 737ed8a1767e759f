// Results file reader: strict about the fields it uses, silent about the rest (optional fields
// added later keep format version 1).
#include "scim/conformance/core/results_file.hpp"

#include <set>

#include <optional>

namespace scim::conf {
namespace {

using nlohmann::json;

std::optional<Outcome> outcome_named(const std::string& text) {
  for (auto o :
       {Outcome::Passed, Outcome::Failed, Outcome::Warning, Outcome::Skipped, Outcome::Error}) {
    if (to_string(o) == text) return o;
  }
  return std::nullopt;
}

// The string member `key`, or "" when absent; false when present with another type.
bool text_of(const json& object, const char* key, std::string& out) {
  const auto it = object.find(key);
  if (it == object.end()) return true;
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

Result<CheckResult, std::string> check_of(const json& item) {
  if (!item.is_object()) return std::string("not an object");
  CheckResult r;
  if (!text_of(item, "id", r.info.id) || r.info.id.empty()) return std::string("id: missing");
  if (!text_of(item, "title", r.info.title) || !text_of(item, "message", r.message))
    return std::string("title/message: not a string");
  std::string level = "MUST", outcome;
  if (!text_of(item, "level", level) || !parse_level(level))
    return "level: unknown level '" + level + "'";
  r.info.level = *parse_level(level);
  if (!text_of(item, "outcome", outcome) || !outcome_named(outcome))
    return "outcome: unknown outcome '" + outcome + "'";
  r.outcome = *outcome_named(outcome);
  const auto duration = item.find("durationUs");
  if (duration != item.end()) {
    if (!duration->is_number_integer() || duration->get<long long>() < 0)
      return std::string("durationUs: not a non-negative integer");
    r.duration = std::chrono::microseconds(duration->get<long long>());
  }
  return r;
}

}  // namespace

Result<RunResult, std::string> read_results_json(std::string_view text) {
  if (text.size() > kMaxResultsFileBytes) return std::string("larger than 256 MiB");
  // nlohmann's parser and destructor are iterative, so depth costs no stack; size is bounded above.
  const auto doc = std::make_optional(json::parse(text, nullptr, /*allow_exceptions=*/false));
  if (doc->is_discarded() || !doc->is_object()) return std::string("not a JSON object");
  const auto version = doc->find("version");
  if (version == doc->end() || *version != "1")
    return std::string("not a scim-conformance results file of format version 1");
  RunResult run;
  if (!text_of(*doc, "target", run.target) || !text_of(*doc, "profile", run.profile) ||
      !text_of(*doc, "startedAt", run.started_at))
    return std::string("target/profile/startedAt: not a string");
  const auto checks = doc->find("checks");
  if (checks == doc->end() || !checks->is_array()) return std::string("checks: not an array");
  std::set<std::string, std::less<>> ids;
  for (std::size_t i = 0; i < checks->size(); ++i) {
    auto check = check_of((*checks)[i]);
    const auto where = "checks[" + std::to_string(i) + "]";
    if (!check) return where + "." + check.error();
    if (!ids.insert(check->info.id).second) return where + ": duplicate id " + check->info.id;
    run.results.push_back(std::move(*check));
  }
  return run;
}

}  // namespace scim::conf
