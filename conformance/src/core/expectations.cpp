// Expectations: parsing the file and grading a run against it (expectations.hpp).
#include "scim/conformance/core/expectations.hpp"

#include <algorithm>
#include <chrono>

#include "scim/conformance/check_id.hpp"
#include "scim/conformance/core/utc_time.hpp"

namespace scim::conf {
namespace {

using nlohmann::json;

Result<ExpectationEntry, std::string> entry_of(const json& item) {
  if (!item.is_object()) return std::string("not an object");
  ExpectationEntry entry;
  for (const auto& [key, value] : item.items()) {
    std::string* field = key == "check"     ? &entry.check
                         : key == "reason"  ? &entry.reason
                         : key == "expires" ? &entry.expires
                                            : nullptr;
    if (field == nullptr) return "unknown member '" + key + "' (allowed: check, reason, expires)";
    if (!value.is_string()) return key + ": not a string";
    *field = value.get<std::string>();
  }
  if (entry.check.empty()) return std::string("check: missing (a check ID or a glob)");
  if (entry.reason.empty()) return std::string("reason: missing (say why the check fails)");
  if (!entry.expires.empty() && !is_iso_date(entry.expires))
    return "expires: '" + entry.expires + "' is not a date written YYYY-MM-DD";
  return entry;
}

Expectation grade_for(Outcome outcome) {
  switch (outcome) {
    case Outcome::Passed:
      return Expectation::UnexpectedPass;
    case Outcome::Skipped:
      return Expectation::None;  // nothing was judged, so nothing was expected or surprising
    default:
      return Expectation::ExpectedFailure;
  }
}

}  // namespace

bool is_iso_date(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  const auto num = [&](std::size_t at, std::size_t n) {
    return std::stoi(std::string(date.substr(at, n)));
  };
  const std::chrono::year_month_day ymd{std::chrono::year(num(0, 4)),
                                        std::chrono::month(static_cast<unsigned>(num(5, 2))),
                                        std::chrono::day(static_cast<unsigned>(num(8, 2)))};
  return ymd.ok();
}

std::string utc_today() {
  return utc_now("%Y-%m-%d");
}

Result<ExpectationSet, std::string> parse_expectations(std::string_view text) {
  if (text.size() > kMaxExpectationsBytes) return std::string("larger than 4 MiB");
  const auto doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return std::string("not valid JSON");
  return expectations_from(doc);
}

Result<ExpectationSet, std::string> expectations_from(const json& doc) {
  const auto list = doc.is_object() ? doc.find("expectations") : doc.end();
  if (!doc.is_object() || list == doc.end() || !list->is_array())
    return std::string(R"(expected an object {"expectations": [...]})");
  if (list->size() > kMaxExpectationEntries)
    return "more than " + std::to_string(kMaxExpectationEntries) + " entries";
  ExpectationSet set;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto entry = entry_of((*list)[i]);
    if (!entry) return "expectations[" + std::to_string(i) + "]: " + entry.error();
    set.entries.push_back(std::move(*entry));
  }
  return set;
}

ExpectationMatcher::ExpectationMatcher(const ExpectationSet& set, std::string_view today) {
  for (const auto& e : set.entries) {
    // "expires" is the last day the entry holds; ISO dates compare as text.
    if (!e.expires.empty() && e.expires < today) {
      expired_.push_back(e.check + " expired on " + e.expires + " (" + e.reason + ")");
    } else {
      live_.push_back(&e);
    }
  }
}

const ExpectationEntry* ExpectationMatcher::covering(const std::string& id) const {
  for (const auto* e : live_) {
    if (e->check == id) return e;
  }
  for (const auto* e : live_) {
    if (glob_match(e->check, id)) return e;
  }
  return nullptr;
}

ExpectationMark ExpectationMatcher::mark(const CheckResult& result) const {
  const auto* e = covering(result.info.id);
  if (e == nullptr) return {};
  return {grade_for(result.outcome), e->check, e->reason, e->expires};
}

std::vector<std::string> ExpectationMatcher::unused(const std::vector<std::string>& ids) const {
  std::vector<std::string> out;
  for (const auto* e : live_) {
    const bool used = std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
      return e->check == id || glob_match(e->check, id);
    });
    if (!used) out.push_back(e->check);
  }
  return out;
}

void apply_expectations(RunResult& run, const ExpectationSet& set, std::string_view today,
                        std::string file, bool unexpected_pass_fails) {
  const ExpectationMatcher matcher(set, today);
  std::vector<std::string> ids;
  for (auto& r : run.results) {
    r.expectation = matcher.mark(r);
    ids.push_back(r.info.id);
  }
  ExpectationsReport report;
  report.file = std::move(file);
  report.entries = set.entries.size();
  report.unexpected_pass_fails = unexpected_pass_fails;
  report.expired = matcher.expired();
  report.unused = matcher.unused(ids);
  run.expectations = std::move(report);
}

}  // namespace scim::conf
