// What a check sees while it runs: an HTTP client bound to the target (every exchange recorded
// into the check's transcript), fixtures with guaranteed cleanup, the target's capabilities, and
// assertions that end the check with expected vs actual.
#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/conformance/capabilities.hpp"
#include "scim/conformance/http.hpp"
#include "scim/conformance/model.hpp"

namespace scim::conf {

class SetReceiver;
class PollFeed;

// Thrown by assertions to end a check. The runner turns it into failed/warning by the check level.
struct CheckFailed {
  std::string message;
  std::string expected;
  std::string actual;
};
// Thrown by skip(): the check cannot apply to this target (reason shown in reports). `cause` is
// the ID of the check that judges what made this one inapplicable (blocked_by), if any.
struct CheckSkipped {
  std::string reason;
  std::string cause{};
};
// Thrown when the harness cannot run the check (fixture creation failed, network error).
// `cause` groups errors of one origin in reports ("fixture:User").
struct CheckError {
  std::string message;
  std::string cause{};
};

class Context {
 public:
  virtual ~Context() = default;

  // ---- HTTP against the target. `path` is relative to the base URL ("/Users?filter=...") or an
  // absolute URL (e.g. a Location header). Authentication headers are added unless
  // `authenticate` is false. Every exchange is recorded with credentials redacted.
  // Defaults: "Accept: application/scim+json" and, with a body, "Content-Type:
  // application/scim+json"; an extra header replaces the default of the same name and an extra
  // header with an empty value removes it. A request that gets no HTTP answer at all (refused,
  // reset, timed out), the check's time limit, or an interrupted run end the check by throwing
  // CheckError (outcome "error"), so a check only ever sees real HTTP responses.
  virtual HttpResponse send(std::string method, std::string path, std::optional<std::string> body,
                            Headers extra_headers = {}, bool authenticate = true) = 0;
  // `send` with SendOptions (no retry of a 429, TLS 1.3 only). The default, for test doubles
  // without a transport, ignores the options.
  virtual HttpResponse send_with(const SendOptions& options, std::string method, std::string path,
                                 std::optional<std::string> body = std::nullopt,
                                 Headers extra_headers = {}) {
    (void)options;
    return send(std::move(method), std::move(path), std::move(body), std::move(extra_headers));
  }
  HttpResponse get(std::string path, Headers extra = {});
  HttpResponse post(std::string path, const nlohmann::json& body, Headers extra = {});
  HttpResponse put(std::string path, const nlohmann::json& body, Headers extra = {});
  HttpResponse patch(std::string path, const nlohmann::json& body, Headers extra = {});
  HttpResponse del(std::string path, Headers extra = {});
  // URL-encodes a filter for use in "?filter=".
  static std::string encode(std::string_view text);

  // ---- Fixtures: everything created here is deleted after the check, in reverse order, even when
  // the check fails (unless --keep). Names carry the run prefix "scimconf-<run>-".
  virtual std::string unique_name(std::string_view hint) = 0;
  // POSTs a User built from `overrides` merged over {schemas, userName: unique_name("user")};
  // returns the created resource. Throws CheckError when the target refuses (harness problem).
  virtual nlohmann::json create_user(
      const nlohmann::json& overrides = nlohmann::json::object()) = 0;
  virtual nlohmann::json create_group(
      const nlohmann::json& overrides = nlohmann::json::object()) = 0;
  // POSTs `body` to `endpoint` ("/Users") and tracks the result; returns the raw response so
  // checks can assert on the create itself. Tracks only when the status is 201.
  virtual HttpResponse create_raw(std::string endpoint, const nlohmann::json& body) = 0;
  // `body` completed with every attribute the target's schemas mark required for resource type
  // `type` ("User") that it lacks, except the paths in `omit` (RFC 7643 §8.7.1 lets a provider
  // require more than the RFC; §7 "required"). create_user/create_group already do this; checks
  // that POST or PUT their own bodies call it. The default (test doubles) returns `body`.
  virtual nlohmann::json with_required(std::string_view type, nlohmann::json body,
                                       const std::vector<std::string>& omit = {}) {
    (void)type;
    (void)omit;
    return body;
  }
  // Registers a resource (absolute or relative location) created by other means for cleanup.
  virtual void track(std::string location) = 0;
  // Forgets a tracked resource (the check deleted it itself).
  virtual void untrack(std::string_view location) = 0;

  // ---- What discovery found.
  virtual const Capabilities& caps() const = 0;

  // ---- Assertions. Each throws CheckFailed when the condition does not hold.
  [[noreturn]] void fail(std::string message, std::string expected, std::string actual);
  void expect(bool condition, std::string message, std::string expected, std::string actual);
  // Asserts the status code; the actual side shows status and the start of the body.
  void expect_status(const HttpResponse& response, int status, std::string_view what);
  // Asserts an RFC 7644 §3.12 error: status, Error schema, "status" as a string equal to the HTTP
  // status, and (when given) the scimType.
  void expect_scim_error(const HttpResponse& response, int status,
                         std::optional<std::string_view> scim_type = std::nullopt);
  // Parses the body as JSON or fails the check.
  nlohmann::json json_body(const HttpResponse& response);
  [[noreturn]] void skip(std::string reason);
  // Skips because what this check needs is judged by another check (`check_id`) and does not
  // hold here; reports count the skip under that check's failure instead of a second verdict.
  [[noreturn]] void blocked_by(std::string check_id, std::string reason);
  // Adds a line to the check's notes (shown in verbose output and reports).
  virtual void note(std::string text) = 0;

  // ---- The run around the check (with defaults, so a test double need not override them).
  // The target's base URL without trailing slash ("https://host/scim/v2").
  virtual std::string base_url() const { return {}; }
  // The short random ID of this run; fixture names start with "scimconf-<run_id>-".
  virtual std::string run_id() const { return {}; }
  // The loopback RFC 8935 push receiver (set_receiver.hpp) when the run started one (it
  // does when any selected check needs the "events" capability or carries the "events" tag);
  // nullptr otherwise — checks that need it should skip() with a reason then.
  virtual SetReceiver* set_receiver() { return nullptr; }
  // The RFC 8936 poll feed the run was given (--poll-feed, poll_feed.hpp) when the target
  // advertises its poll endpoint; nullptr otherwise.
  virtual PollFeed* poll_feed() { return nullptr; }
  // The profile the run judges the target by ("interop", "ipsie-al1", "entra"): --profile, or
  // "interop" for a target that claims it. Empty when none. RFC checks whose freedom a profile
  // narrows read it (rfc7644::apply_path_less_patch).
  virtual std::string profile() const { return {}; }
  // Per-request timeout the runner applies (checks that wait for events use it as a bound).
  virtual std::chrono::milliseconds request_timeout() const { return std::chrono::seconds(30); }
};

}  // namespace scim::conf
