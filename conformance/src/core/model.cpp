// Names and counts of the result model (model.hpp): level and outcome spellings used by every
// reporter, the spec/section split of check IDs, and the exit code a run implies.
#include "scim/conformance/model.hpp"

#include <algorithm>
#include <cctype>

namespace scim::conf {

std::string_view to_string(Level level) {
  switch (level) {
    case Level::Must:
      return "MUST";
    case Level::Should:
      return "SHOULD";
    case Level::May:
      return "MAY";
  }
  return "MUST";
}

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::Passed:
      return "passed";
    case Outcome::Failed:
      return "failed";
    case Outcome::Warning:
      return "warning";
    case Outcome::Skipped:
      return "skipped";
    case Outcome::Error:
      return "error";
  }
  return "error";
}

std::string_view to_string(Expectation grade) {
  switch (grade) {
    case Expectation::None:
      return "";
    case Expectation::ExpectedFailure:
      return "expected-failure";
    case Expectation::UnexpectedPass:
      return "unexpected-pass";
  }
  return "";
}

std::optional<Level> parse_level(std::string_view text) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (upper == "MUST") return Level::Must;
  if (upper == "SHOULD") return Level::Should;
  if (upper == "MAY") return Level::May;
  return std::nullopt;
}

std::string CheckInfo::spec() const {
  return id.substr(0, id.find('/'));
}

std::string CheckInfo::section() const {
  const auto first = id.find('/');
  if (first == std::string::npos) return {};
  const auto second = id.find('/', first + 1);
  return id.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
}

std::size_t RunResult::count(Outcome outcome) const {
  return static_cast<std::size_t>(std::count_if(
      results.begin(), results.end(), [&](const auto& r) { return r.outcome == outcome; }));
}

bool CheckResult::fails_gate() const {
  return (outcome == Outcome::Failed || outcome == Outcome::Error) &&
         expectation.grade != Expectation::ExpectedFailure;
}

std::size_t RunResult::count(Expectation grade) const {
  return static_cast<std::size_t>(std::count_if(
      results.begin(), results.end(), [&](const auto& r) { return r.expectation.grade == grade; }));
}

int RunResult::exit_code() const {
  const bool failing =
      std::any_of(results.begin(), results.end(), [](const auto& r) { return r.fails_gate(); });
  if (failing) return 1;
  if (expectations && !expectations->expired.empty()) return 1;
  if (expectations && expectations->unexpected_pass_fails && count(Expectation::UnexpectedPass) > 0)
    return 1;
  return 0;
}

}  // namespace scim::conf
