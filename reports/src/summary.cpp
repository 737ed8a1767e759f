// Computes RunSummary from a RunResult (see summary.hpp).
#include "scim/reports/summary.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <numeric>

namespace scim::reports {

std::size_t Counts::total() const {
  return std::accumulate(by_outcome_.begin(), by_outcome_.end(), std::size_t{0});
}

std::string section_key(const conf::CheckInfo& info) {
  return info.spec() + "." + info.section();
}

namespace {

std::string_view next_part(std::string_view& rest) {
  const auto dot = rest.find('.');
  const auto part = rest.substr(0, dot);
  rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
  return part;
}

// Parses a dotted part as a number; non-numeric parts (or huge ones) report false.
bool as_number(std::string_view part, unsigned long& value) {
  const auto* end = part.data() + part.size();
  const auto [ptr, ec] = std::from_chars(part.data(), end, value);
  return !part.empty() && ec == std::errc{} && ptr == end;
}

}  // namespace

bool section_less(std::string_view a, std::string_view b) {
  while (!a.empty() && !b.empty()) {
    const auto pa = next_part(a);
    const auto pb = next_part(b);
    unsigned long na = 0;
    unsigned long nb = 0;
    const bool numeric = as_number(pa, na) && as_number(pb, nb);
    if (numeric && na != nb) return na < nb;
    if (!numeric && pa != pb) return pa < pb;
  }
  return a.empty() && !b.empty();
}

namespace {

// Whether `info` is a check of profile `profile`: a provider replay ("profile-entra"), a
// published profile, whose spec is the profile name ("interop"), or a profile's client
// requirement ("client-interop").
bool in_profile(const conf::CheckInfo& info, const std::string& profile) {
  const auto spec = info.spec();
  return !profile.empty() &&
         (spec == profile || spec == "profile-" + profile || spec == "client-" + profile);
}

// RunResult::profile names one profile, or several separated by commas (a client grading
// session asks for "interop,ipsie-al1"); each gets a verdict.
std::vector<std::string> profiles_of(const std::string& profile) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < profile.size()) {
    auto end = profile.find(',', start);
    if (end == std::string::npos) end = profile.size();
    if (end > start) out.push_back(profile.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::vector<ScopeVerdict> scope_verdicts(const conf::RunResult& run) {
  std::vector<ScopeVerdict> out{{"RFC", true, {}}};
  const auto profiles = profiles_of(run.profile);
  for (const auto& p : profiles) out.push_back({p, true, {}});
  for (const auto& r : run.results) {
    std::size_t scope = 0;
    for (std::size_t i = 0; i < profiles.size() && scope == 0; ++i) {
      if (in_profile(r.info, profiles[i])) scope = i + 1;
    }
    auto& v = out[scope];
    v.counts.add(r.outcome);
    if (r.fails_gate()) v.passed = false;  // an expected failure (--expect) does not count
  }
  return out;
}

}  // namespace

std::string verdicts_line(const RunSummary& summary) {
  std::string out;
  for (const auto& v : summary.verdicts) {
    out += (out.empty() ? "" : "; ") + v.scope + ": " + (v.passed ? "PASS" : "FAIL");
    if (!v.passed) {
      out += " (" + std::to_string(v.counts.of(conf::Outcome::Failed)) + " failed, " +
             std::to_string(v.counts.of(conf::Outcome::Error)) + " errors)";
    }
  }
  return out;
}

RunSummary summarize(const conf::RunResult& run) {
  RunSummary summary;
  summary.passed = run.exit_code() == 0;
  summary.verdicts = scope_verdicts(run);
  // Index by key so a section's checks gather even when the runner interleaves sections.
  std::map<std::string, std::size_t> index;
  for (const auto& result : run.results) {
    summary.counts.add(result.outcome);
    summary.by_level[static_cast<std::size_t>(result.info.level)].add(result.outcome);
    auto key = section_key(result.info);
    auto [it, inserted] = index.try_emplace(key, summary.sections.size());
    if (inserted) {
      summary.sections.push_back(
          {std::move(key), result.info.spec(), result.info.section(), {}, {}});
    }
    auto& section = summary.sections[it->second];
    section.counts.add(result.outcome);
    section.checks.push_back(&result);
  }
  std::stable_sort(summary.sections.begin(), summary.sections.end(),
                   [](const SectionSummary& x, const SectionSummary& y) {
                     if (x.spec != y.spec) return x.spec < y.spec;
                     return section_less(x.section, y.section);
                   });
  return summary;
}

std::string format_seconds(std::chrono::microseconds duration) {
  const auto micros = std::max<long long>(0, duration.count());
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lld.%03lld", micros / 1000000, (micros / 1000) % 1000);
  return buffer;
}

}  // namespace scim::reports
