// Aggregation shared by every reporter: counts by outcome, by requirement level and by RFC
// section (in a stable, natural order), and the run's verdict. Reporters render; this computes.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "scim/conformance/model.hpp"

namespace scim::reports {

inline constexpr std::array<conf::Outcome, 5> kOutcomes{
    conf::Outcome::Passed, conf::Outcome::Failed, conf::Outcome::Warning, conf::Outcome::Skipped,
    conf::Outcome::Error};
inline constexpr std::array<conf::Level, 3> kLevels{conf::Level::Must, conf::Level::Should,
                                                    conf::Level::May};

class Counts {
 public:
  void add(conf::Outcome outcome) { ++by_outcome_[static_cast<std::size_t>(outcome)]; }
  std::size_t of(conf::Outcome outcome) const {
    return by_outcome_[static_cast<std::size_t>(outcome)];
  }
  std::size_t total() const;

 private:
  std::array<std::size_t, kOutcomes.size()> by_outcome_{};
};

// One RFC section ("rfc7644" + "3.4.2.2") and the checks that belong to it, in run order.
struct SectionSummary {
  std::string key;  // "rfc7644.3.4.2.2": the JUnit suite name and the HTML anchor
  std::string spec;
  std::string section;
  Counts counts;
  std::vector<const conf::CheckResult*> checks;
};

// The verdict of one body of requirements, by the rule of RunResult::exit_code(): the RFCs (every
// check outside a profile) or the run's profile ("interop": does the target conform to it?).
struct ScopeVerdict {
  std::string scope;  // "RFC" or the profile name
  bool passed = true;
  Counts counts;
};

struct RunSummary {
  bool passed = false;  // the verdict: same rule as RunResult::exit_code()
  // "RFC" first, then the run's profile when it had one; the reports show them side by side.
  std::vector<ScopeVerdict> verdicts;
  Counts counts;
  std::array<Counts, kLevels.size()> by_level;
  std::vector<SectionSummary> sections;  // natural order: spec, then numeric section parts

  const Counts& level(conf::Level l) const { return by_level[static_cast<std::size_t>(l)]; }
};

RunSummary summarize(const conf::RunResult& run);

// "rfc7644.3.4.2.2" for a check with ID "rfc7644/3.4.2.2/slug".
std::string section_key(const conf::CheckInfo& info);
// "RFC: PASS; interop: FAIL (3 failed, 0 errors)": the verdicts in one line of text.
std::string verdicts_line(const RunSummary& summary);

// Natural order for dotted section numbers: "3.4.2" < "3.10" < "3.10.1"; non-numeric parts
// compare as text so "profile-entra" sections still sort deterministically.
bool section_less(std::string_view a, std::string_view b);

// Seconds with millisecond precision ("1.234"), the unit JUnit consumers expect.
std::string format_seconds(std::chrono::microseconds duration);

}  // namespace scim::reports
