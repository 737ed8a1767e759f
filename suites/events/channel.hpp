// How event checks obtain SETs from the target: through the runner's loopback RFC 8935 push
// receiver (Context::set_receiver). Registering that receiver with the target's transmitter is
// outside SCIM (draft-ietf-scim-events-16 §4: "Stream registration and configuration are out of
// scope"), so when no SET ever arrives the check is skipped with that reason rather than failed.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "scim/conformance/set_receiver.hpp"
#include "scim/suites/common/helpers.hpp"

namespace scim::suites::events {

// Waits for a SET whose sub_id.uri ends with `resource_path` ("/Users/<id>") and whose "events"
// claim has a member starting with `event_prefix`. Skips the check when no receiver is available
// or nothing at all was delivered to it; fails when other SETs arrive but not this one.
conf::ReceivedSet await_set(conf::Context& ctx, const std::string& resource_path,
                            const std::string& event_prefix);
// As await_set, from the push receiver only (RFC 8935 checks that look at the push request
// itself): a SET read from a poll feed does not count. Skips when no receiver is available or
// nothing was ever pushed to it.
conf::ReceivedSet await_pushed_set(conf::Context& ctx, const std::string& resource_path,
                                   const std::string& event_prefix);
// The first "events" member name starting with `prefix`, or empty.
std::string event_uri(const json& claims, const std::string& prefix);

}  // namespace scim::suites::events
