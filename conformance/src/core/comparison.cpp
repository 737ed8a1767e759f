// Run comparison: checks matched by ID, outcome transitions classified, durations compared only
// for checks that ran (not skipped) in both runs.
#include "scim/conformance/core/comparison.hpp"

#include <cmath>
#include <map>

namespace scim::conf {
namespace {

bool broken(Outcome o) {
  return o == Outcome::Failed || o == Outcome::Error;
}

CheckChange change_of(const CheckResult* before, const CheckResult* after) {
  const auto& info = after != nullptr ? after->info : before->info;
  CheckChange c;
  c.id = info.id;
  c.title = info.title;
  c.level = std::string(to_string(info.level));
  if (before != nullptr) {
    c.before = std::string(to_string(before->outcome));
    c.before_duration = before->duration;
  }
  if (after != nullptr) {
    c.after = std::string(to_string(after->outcome));
    c.after_duration = after->duration;
  }
  c.message = after != nullptr ? after->message : before->message;
  return c;
}

void classify_outcome(const CheckResult& b, const CheckResult& a, RunComparison& out) {
  if (b.outcome == a.outcome) return;
  if (b.outcome == Outcome::Passed && broken(a.outcome)) {
    out.regressions.push_back(change_of(&b, &a));
  } else if (a.outcome == Outcome::Passed && (broken(b.outcome) || b.outcome == Outcome::Warning)) {
    out.fixes.push_back(change_of(&b, &a));
  } else {
    out.changed.push_back(change_of(&b, &a));
  }
}

void classify_duration(const CheckResult& b, const CheckResult& a, const CompareOptions& options,
                       RunComparison& out) {
  if (b.outcome == Outcome::Skipped || a.outcome == Outcome::Skipped) return;
  const auto delta = a.duration - b.duration;
  const auto magnitude = std::chrono::abs(delta);
  if (magnitude < options.duration_floor) return;
  const double base = static_cast<double>(std::max<long long>(b.duration.count(), 1));
  if (static_cast<double>(magnitude.count()) / base < options.duration_ratio) return;
  (delta.count() > 0 ? out.slower : out.faster).push_back(change_of(&b, &a));
}

}  // namespace

RunComparison compare_runs(const RunResult& before, const RunResult& after,
                           const CompareOptions& options) {
  RunComparison out;
  out.duration_ratio = options.duration_ratio;
  out.duration_floor = options.duration_floor;
  std::map<std::string, const CheckResult*, std::less<>> old_by_id;
  for (const auto& r : before.results) old_by_id.emplace(r.info.id, &r);
  std::map<std::string, bool, std::less<>> seen;
  for (const auto& a : after.results) {
    seen[a.info.id] = true;
    const auto it = old_by_id.find(a.info.id);
    if (it == old_by_id.end()) {
      out.appeared.push_back(change_of(nullptr, &a));
      continue;
    }
    classify_outcome(*it->second, a, out);
    classify_duration(*it->second, a, options, out);
  }
  for (const auto& b : before.results) {
    if (!seen.contains(b.info.id)) out.disappeared.push_back(change_of(&b, nullptr));
  }
  return out;
}

}  // namespace scim::conf
