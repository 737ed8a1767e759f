// Configuration of the events subsystem: SET signing and payload mode, async requests, bulk
// limits, feeds and push receivers, and the bounds of every queue. A plain header-only struct so
// the configuration module (src/http/config*) can hold it without linking scim::events; the
// defaults below are documented in docs/events.md.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace scim::events {

struct FeedOption {
  std::string id;
  std::string tenant = "default";
  std::string membership = "all";           // "all" | "explicit"
  std::vector<std::string> resource_types;  // empty: every type
  std::string description;
};

struct PushReceiverOption {
  std::string url;
  std::string token;  // bearer token sent to the receiver ("" = none)
  std::string feed = "default";
  std::string tenant = "default";
};

struct EventsOptions {
  std::string issuer;                   // SET "iss"; "" = the server's base URL
  std::string payload_mode = "notice";  // "notice" | "full" (draft-ietf-scim-events-16 §2.4)
  std::string signing_key;              // HS256 secret, >= 32 bytes; "" = unsigned (alg none)
  std::string async_mode = "request";   // "none" | "request" | "long" (draft §4)
  int async_wait_seconds = 5;           // "long": default wait before answering 202
  int async_max_wait_seconds = 30;      // cap on Prefer "wait" (RFC 7240 §4.3)
  std::size_t async_max_jobs = 1000;
  int async_retention_seconds = 600;
  std::size_t async_workers = 2;
  std::size_t async_queue = 256;
  std::size_t bulk_max_operations = 1000;        // RFC 7644 §3.7.4
  std::size_t bulk_max_payload_bytes = 1048576;  // RFC 7644 §3.7.4
  int poll_max_wait_seconds = 10;                // long-poll cap (RFC 8936 §2.1)
  int poll_max_long_polls = 1;                   // concurrent long polls (each holds an I/O thread)
  int poll_redelivery_seconds = 30;
  int poll_retention_seconds = 86400;
  std::size_t poll_max_entries = 10000;
  std::size_t push_queue = 1000;
  int push_max_attempts = 5;
  std::vector<FeedOption> feeds;
  std::vector<PushReceiverOption> receivers;
};

}  // namespace scim::events
