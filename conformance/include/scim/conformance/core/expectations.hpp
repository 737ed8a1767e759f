// Expected failures (`run --expect FILE`, docs/ci.md): a team lists the checks it knows fail, each
// with a reason and an optional expiry date, so the gate stays green while they burn the list
// down, and turns red on anything new. The file is JSON:
//   {"expectations": [{"check": "rfc7644/3.14/*", "reason": "ETags: JIRA-12",
//                      "expires": "2026-06-30"}]}
// "check" is an ID or a glob ('*', '?'), "reason" is required, "expires" (YYYY-MM-DD, the last
// day the entry holds) is optional. Unknown members are errors, so a typo never silently widens
// or drops an entry.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/conformance/model.hpp"
#include "scim/protocol/result.hpp"

namespace scim::conf {

inline constexpr std::size_t kMaxExpectationsBytes = 4 * 1024 * 1024;
inline constexpr std::size_t kMaxExpectationEntries = 10000;

struct ExpectationEntry {
  std::string check;  // ID or glob
  std::string reason;
  std::string expires;  // YYYY-MM-DD or empty
};

struct ExpectationSet {
  std::vector<ExpectationEntry> entries;
};

// The entries, or a message naming the entry and member at fault ("expectations[2].expires: ...").
Result<ExpectationSet, std::string> parse_expectations(std::string_view text);
// The same for a document already parsed (from YAML, cli/structured_file.hpp).
Result<ExpectationSet, std::string> expectations_from(const nlohmann::json& doc);

// True when `date` is a real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view date);

// Today in UTC as YYYY-MM-DD.
std::string utc_today();

// Grades results against a set as of `today` (YYYY-MM-DD). An entry whose expiry date is before
// `today` covers nothing and is listed as expired (which fails the gate). A check ID matches an
// entry naming it exactly before any glob; among globs the first in file order wins. Used per
// check by the console while the run goes, and for the whole run by apply_expectations.
class ExpectationMatcher {
 public:
  ExpectationMatcher(const ExpectationSet& set, std::string_view today);
  // The mark for `result`; grade None when no live entry covers it or it was skipped.
  ExpectationMark mark(const CheckResult& result) const;
  // Live entries no ID of `ids` matches.
  std::vector<std::string> unused(const std::vector<std::string>& ids) const;
  // "PATTERN expired on DATE (reason)" for each expired entry.
  const std::vector<std::string>& expired() const { return expired_; }

 private:
  const ExpectationEntry* covering(const std::string& id) const;
  std::vector<const ExpectationEntry*> live_;
  std::vector<std::string> expired_;
};

// Marks every result of `run` and records the findings in run.expectations.
void apply_expectations(RunResult& run, const ExpectationSet& set, std::string_view today,
                        std::string file, bool unexpected_pass_fails);

// The expectations file `--update-expect` writes: one entry per check that failed or errored.
// Entries of `current` that still cover such a check are kept as written (reason, expiry and
// glob); other failing checks get an entry of their own with a dated reason; entries that match
// no check of the run (outside --only, say) are kept too, since the run cannot judge them.
std::string baseline_expectations(const RunResult& run, const ExpectationSet& current,
                                  std::string_view today);

}  // namespace scim::conf
