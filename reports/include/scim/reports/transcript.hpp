// Plain-text transcript of a check's HTTP exchanges (curl -v style), credentials redacted and
// bodies clipped. Used where a report has only text to offer: JUnit system-out.
#pragma once

#include <string>

#include "scim/conformance/model.hpp"

namespace scim::reports {

std::string render_exchange(const conf::Exchange& exchange);

// Every exchange of the check (at most kMaxExchangesPerCheck, then a note), separated by blank
// lines; empty when the check recorded none.
std::string render_transcript(const conf::CheckResult& result);

}  // namespace scim::reports
