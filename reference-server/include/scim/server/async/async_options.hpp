// Options of asynchronous requests (RFC 9967 §2.5.1, §4). Each default is
// written once, next to what it bounds (docs/events.md lists them). Filled by app/ from the
// --async-* flags and the "events" section of the configuration file.
#pragma once

#include <chrono>

#include "scim/server/async/async_jobs.hpp"
#include "scim/server/async/async_prefer.hpp"
#include "scim/server/async/async_runner.hpp"

namespace scim::async {

struct AsyncOptions {
  AsyncMode mode = AsyncMode::Request;   // ServiceProviderConfig securityEvents.asyncRequest
  std::chrono::seconds default_wait{5};  // "long" mode without a wait preference
  std::chrono::seconds max_wait{30};     // cap on Prefer: wait=N (RFC 7240 §4.3)
  AsyncJobLimits jobs;                   // how many outcomes are kept, and for how long
  AsyncRunnerLimits runner;              // worker threads and queue
};

}  // namespace scim::async
