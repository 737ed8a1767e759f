// Comparison renderings (comparison.hpp).
#include "scim/reports/comparison.hpp"

#include <cmath>
#include <sstream>

#include "scim/reports/markdown_text.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {
namespace {

std::string ms_text(std::chrono::microseconds d) {
  return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(d).count()) + " ms";
}

std::string comparison_headline(const conf::RunComparison& c) {
  return std::to_string(c.regressions.size()) + " regressions, " + std::to_string(c.fixes.size()) +
         " fixes, " + std::to_string(c.changed.size()) + " other changes, " +
         std::to_string(c.appeared.size()) + " new, " + std::to_string(c.disappeared.size()) +
         " gone, " + std::to_string(c.slower.size()) + " slower, " +
         std::to_string(c.faster.size()) + " faster";
}

std::string more_line(std::size_t total) {
  return total > kMaxComparisonRows
             ? "and " + std::to_string(total - kMaxComparisonRows) + " more\n"
             : std::string();
}

}  // namespace

std::vector<ComparisonPart> comparison_parts(const conf::RunComparison& c) {
  return {{"Regressions", "regressions", &c.regressions},
          {"Fixes", "fixes", &c.fixes},
          {"Other outcome changes", "changed", &c.changed},
          {"New checks", "appeared", &c.appeared},
          {"Checks no longer run", "disappeared", &c.disappeared},
          {"Slower", "slower", &c.slower},
          {"Faster", "faster", &c.faster}};
}

std::string change_summary(const conf::CheckChange& change, const char* key) {
  const std::string k = key;
  if (k == "appeared") return "new: " + change.after;
  if (k == "disappeared") return "gone (was " + change.before + ")";
  if (k == "slower" || k == "faster")
    return ms_text(change.before_duration) + " → " + ms_text(change.after_duration);
  return change.before + " → " + change.after;
}

std::string comparison_text(const conf::RunComparison& c) {
  std::ostringstream out;
  out << "compared with " << valid_utf8(c.baseline) << "\n" << comparison_headline(c) << "\n";
  for (const auto& part : comparison_parts(c)) {
    if (part.changes->empty()) continue;
    out << "\n" << part.title << " (" << part.changes->size() << "):\n";
    for (std::size_t i = 0; i < part.changes->size() && i < kMaxComparisonRows; ++i) {
      const auto& ch = (*part.changes)[i];
      out << "  " << ch.id << "  [" << ch.level << "] " << change_summary(ch, part.key) << "\n";
    }
    out << more_line(part.changes->size());
  }
  return out.str();
}

std::string comparison_markdown(const conf::RunComparison& c) {
  std::ostringstream out;
  out << "## Compared with the previous run " << (c.has_regressions() ? "❌" : "✅") << "\n\n"
      << "Baseline: " << md_code_span(c.baseline) << ". " << comparison_headline(c) << ".\n\n";
  for (const auto& part : comparison_parts(c)) {
    if (part.changes->empty()) continue;
    out << "### " << part.title << " (" << part.changes->size() << ")\n\n"
        << "| Check | Level | Change |\n|---|---|---|\n";
    for (std::size_t i = 0; i < part.changes->size() && i < kMaxComparisonRows; ++i) {
      const auto& ch = (*part.changes)[i];
      out << "| " << md_code_span(ch.id) << " | " << ch.level << " | "
          << md_inline(change_summary(ch, part.key)) << " |\n";
    }
    const auto rest = more_line(part.changes->size());
    out << (rest.empty() ? "" : "\n_" + rest.substr(0, rest.size() - 1) + "_\n") << "\n";
  }
  return out.str();
}

nlohmann::json comparison_json(const conf::RunComparison& c) {
  nlohmann::json out = {{"baseline", c.baseline},
                        {"durationThresholdPercent", std::lround(c.duration_ratio * 100)},
                        {"durationFloorUs", c.duration_floor.count()},
                        {"hasRegressions", c.has_regressions()}};
  for (const auto& part : comparison_parts(c)) {
    auto list = nlohmann::json::array();
    for (const auto& ch : *part.changes) {
      list.push_back({{"id", ch.id},
                      {"title", ch.title},
                      {"level", ch.level},
                      {"before", ch.before},
                      {"after", ch.after},
                      {"beforeDurationUs", ch.before_duration.count()},
                      {"afterDurationUs", ch.after_duration.count()},
                      {"message", clip(ch.message, kMaxTextBytes)}});
    }
    out[part.key] = std::move(list);
  }
  return out;
}

std::string comparison_json_text(const conf::RunComparison& c) {
  return comparison_json(c).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace scim::reports
