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

int RunResult::exit_code() const {
  return count(Outcome::Failed) > 0 || count(Outcome::Error) > 0 ? 1 : 0;
}

}  // namespace scim::conf
