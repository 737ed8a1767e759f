// Command-line flags of the events subsystem (CLI11), header-only so the configuration module
// registers them next to its own without linking scim::events. Reference: docs/events.md.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "scim/server/events/events_options.hpp"

namespace scim::events {

// Values needing a post-parse split; call apply_events_flag_values() after CLI11 parsed.
struct EventsFlagValues {
  std::vector<std::string> receivers;  // "URL[,TOKEN]"
  std::vector<std::string> feeds;      // "ID[:explicit]"
};

inline void register_events_flags(CLI::App& app, EventsOptions& o, EventsFlagValues& v) {
  app.add_option("--events-issuer", o.issuer, "SET issuer (iss); default: the base URL");
  app.add_option("--events-mode", o.payload_mode, "prov:* SET payloads: notice | full");
  app.add_option("--events-signing-key", o.signing_key,
                 "HS256 key for SETs (>= 32 bytes); unset: unsigned SETs (alg none)");
  app.add_option("--async-mode", o.async_mode, "Prefer: respond-async: none | request | long");
  app.add_option("--async-wait", o.async_wait_seconds, "long mode: seconds before answering 202");
  app.add_option("--async-max-wait", o.async_max_wait_seconds, "Cap on Prefer wait=N (seconds)");
  app.add_option("--bulk-max-operations", o.bulk_max_operations, "Bulk maxOperations (413)");
  app.add_option("--bulk-max-payload", o.bulk_max_payload_bytes, "Bulk maxPayloadSize (413)");
  app.add_option("--poll-max-wait", o.poll_max_wait_seconds, "Long-poll cap in seconds");
  app.add_option("--poll-max-long-polls", o.poll_max_long_polls,
                 "Polls allowed to wait at once (each holds an HTTP I/O thread)");
  app.add_option("--poll-redelivery", o.poll_redelivery_seconds,
                 "Seconds before an unacknowledged SET is offered again");
  app.add_option("--push-receiver", v.receivers,
                 "Push SETs of the default feed to URL[,BEARER_TOKEN] (repeatable)");
  app.add_option("--events-feed", v.feeds, "Extra feed of tenant default: ID[:explicit]");
}

inline void apply_events_flag_values(const EventsFlagValues& v, EventsOptions& o) {
  for (const auto& spec : v.receivers) {
    PushReceiverOption r;
    const auto comma = spec.rfind(',');
    r.url = spec.substr(0, comma);
    if (comma != std::string::npos) r.token = spec.substr(comma + 1);
    o.receivers.push_back(std::move(r));
  }
  for (const auto& spec : v.feeds) {
    FeedOption f;
    const auto colon = spec.find(':');
    f.id = spec.substr(0, colon);
    if (colon != std::string::npos) f.membership = spec.substr(colon + 1);
    o.feeds.push_back(std::move(f));
  }
}

}  // namespace scim::events
