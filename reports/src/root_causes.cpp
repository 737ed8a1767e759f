// Grouping of a run's failures by root cause (see root_causes.hpp).
#include "scim/reports/root_causes.hpp"

#include <algorithm>
#include <map>

namespace scim::reports {
namespace {

using conf::Outcome;

bool has_tag(const conf::CheckInfo& info, std::string_view tag) {
  return std::find(info.tags.begin(), info.tags.end(), tag) != info.tags.end();
}

bool is_verdict(Outcome o) {
  return o == Outcome::Failed || o == Outcome::Warning || o == Outcome::Error;
}

int rank(Outcome o) {
  return o == Outcome::Failed ? 0 : o == Outcome::Error ? 1 : 2;
}

}  // namespace

std::string RootCause::headline() const {
  const auto& r = first();
  if (harness()) {
    const std::string what =
        key.rfind("fixture:", 0) == 0 ? "cannot create a " + key.substr(8) + " fixture" : key;
    return what + ": " + r.message;
  }
  return r.info.id + ": " + (r.message.empty() ? r.info.title : r.message);
}

std::string binding_of(const conf::CheckInfo& info) {
  const std::string level(conf::to_string(info.level));
  if (has_tag(info, "robustness"))
    return level +
           " (robustness): the sentence binds the client; the provider's refusal is "
           "graded " +
           level;
  // Client conformance (docs/client-conformance.md): the mock grades the client.
  if (has_tag(info, "client")) {
    return info.level == conf::Level::May ? "MAY: an option of the client"
                                          : level + ": binds the client";
  }
  if (info.level == conf::Level::May) return "MAY: an option of the service provider";
  return level + ": binds the service provider";
}

std::vector<RootCause> root_causes(const conf::RunResult& run) {
  std::vector<RootCause> causes;
  std::map<std::string, std::size_t> by_key;
  std::map<std::string, std::size_t> order;  // first catalog position of each key
  auto group = [&](const std::string& key, Outcome outcome) -> RootCause& {
    auto [it, inserted] = by_key.try_emplace(key, causes.size());
    if (inserted) causes.push_back({key, outcome, {}, {}});
    return causes[it->second];
  };
  for (std::size_t i = 0; i < run.results.size(); ++i) {
    const auto& r = run.results[i];
    // Expected failures (--expect) are known; the reports list them on their own.
    if (!is_verdict(r.outcome) || r.expectation.grade == conf::Expectation::ExpectedFailure)
      continue;
    // An error with a harness cause joins its group; a verdict of the check's own roots one.
    const std::string key = r.outcome == Outcome::Error && !r.cause.empty() ? r.cause : r.info.id;
    group(key, r.outcome).checks.push_back(&r);
    order.try_emplace(key, i);
  }
  for (const auto& r : run.results) {
    if (r.outcome != Outcome::Skipped || r.cause.empty()) continue;
    const auto it = by_key.find(r.cause);
    if (it != by_key.end()) causes[it->second].dependents.push_back(&r);
  }
  std::stable_sort(causes.begin(), causes.end(), [&](const RootCause& a, const RootCause& b) {
    if (rank(a.outcome) != rank(b.outcome)) return rank(a.outcome) < rank(b.outcome);
    if (a.affected() != b.affected()) return a.affected() > b.affected();
    return order[a.key] < order[b.key];
  });
  return causes;
}

}  // namespace scim::reports
