// `--update-expect`: the expectations file that makes today's failures the baseline
// (expectations.hpp). Existing entries are kept verbatim where they still cover a failure, so
// re-baselining never loses a reason or an expiry date someone wrote.
#include <algorithm>
#include <map>

#include "scim/conformance/check_id.hpp"
#include "scim/conformance/core/expectations.hpp"

namespace scim::conf {
namespace {

nlohmann::json entry_json(const ExpectationEntry& e) {
  nlohmann::json out = {{"check", e.check}, {"reason", e.reason}};
  if (!e.expires.empty()) out["expires"] = e.expires;
  return out;
}

// The reason written for a failure no entry covered yet: dated, with the check's own message.
std::string new_reason(const CheckResult& r, std::string_view today) {
  std::string message = r.message.substr(0, 200);
  std::replace(message.begin(), message.end(), '\n', ' ');
  return "baseline " + std::string(today) + ": " + std::string(to_string(r.outcome)) +
         (message.empty() ? std::string() : ": " + message);
}

}  // namespace

std::string baseline_expectations(const RunResult& run, const ExpectationSet& current,
                                  std::string_view today) {
  std::map<std::string, ExpectationEntry> kept;  // by pattern: sorted, each written once
  for (const auto& r : run.results) {
    if (r.outcome != Outcome::Failed && r.outcome != Outcome::Error) continue;
    // A live entry that graded this check, or an expired one naming it: kept as written, so an
    // expiry date is never extended by re-baselining.
    const ExpectationEntry* existing = nullptr;
    for (const auto& e : current.entries) {
      const bool graded =
          r.expectation.grade != Expectation::None && e.check == r.expectation.pattern;
      const bool expired =
          !e.expires.empty() && e.expires < today && glob_match(e.check, r.info.id);
      if (graded || expired) {
        existing = &e;
        break;
      }
    }
    if (existing != nullptr) {
      kept.emplace(existing->check, *existing);
    } else {
      kept.emplace(r.info.id, ExpectationEntry{r.info.id, new_reason(r, today), {}});
    }
  }
  // Entries about checks this run did not judge (outside --only, say) are kept as written: the run
  // cannot tell whether they still fail.
  for (const auto& e : current.entries) {
    const bool judged = std::any_of(run.results.begin(), run.results.end(), [&](const auto& r) {
      return e.check == r.info.id || glob_match(e.check, r.info.id);
    });
    if (!judged) kept.emplace(e.check, e);
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [pattern, e] : kept) list.push_back(entry_json(e));
  return nlohmann::json{{"expectations", std::move(list)}}.dump(2) + "\n";
}

}  // namespace scim::conf
