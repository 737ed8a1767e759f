// draft-ietf-scim-events-16 §2.5.1.1 Making an Asynchronous SCIM Request, §3 Set-Txn and
// §2.5.1.3 asyncresp: Prefer: respond-async answers a normal response or 202 with no body,
// Set-Txn, Preference-Applied and a Location from which the outcome (SET or resource) is read.
#include <chrono>
#include <thread>

#include "channel.hpp"
#include "index.hpp"
#include "scim/conformance/set_token.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::events {
namespace s2_5_1_async_local {

constexpr const char* kEither =
    "In response, the SCIM Service Provider either returns a normal SCIM response or returns HTTP "
    "Status 202 (Accepted).";
constexpr const char* kNoBody = "The asynchronous response MUST contain no response body.";
constexpr const char* kSetTxn =
    "The header field MUST be used in SCIM Responses when HTTP Status 202 Accepted is being "
    "returned with no message body.";
constexpr const char* kLocation =
    "The \"Location\" header value MUST be one of the following: (a) a URI where the completion "
    "SCIM Event Token MAY be retrieved using HTTP GET, or (b) the normal SCIM location header "
    "response specified by [RFC7644].";

const Tags kTags = {tag::kEvents, tag::kAsync};
const Needs kCaps = {cap::kAsync, cap::kUsers};

struct Async {
  conf::HttpResponse response;
  std::string user_name;
};

// POSTs a user with Prefer: respond-async; tracks it for cleanup whichever way it was answered.
Async post_async(conf::Context& ctx) {
  Async a;
  a.user_name = ctx.unique_name("async");
  json body = ctx.with_required(
      "User", {{"schemas", {std::string(urn::kUser)}}, {"userName", a.user_name}});
  a.response = ctx.send("POST", "/Users", body.dump(),
                        {{"Content-Type", "application/scim+json"}, {"Prefer", "respond-async"}});
  if (a.response.status == 201) ctx.track(path_of(ctx, "/Users", ctx.json_body(a.response)));
  return a;
}

// The users named `user_name`. A target without filtering (filter.supported false, RFC 7644
// §3.4.2.2 "Filtering is an OPTIONAL parameter") is paged through instead, bounded.
json users_named(conf::Context& ctx, const std::string& user_name) {
  if (ctx.caps().filter) {
    return resources_of(query(ctx, "/Users", "userName eq " + literal(user_name)));
  }
  json found = json::array();
  constexpr int kMaxPages = 50;
  for (int page = 0, start = 1; page < kMaxPages; ++page) {
    json list = expect_list(ctx, ctx.get("/Users?startIndex=" + std::to_string(start)),
                            "list /Users page by page (the target does not filter)");
    const json res = resources_of(list);
    for (const auto& r : res) {
      if (r.is_object() && r.value("userName", "") == user_name) found.push_back(r);
    }
    start += static_cast<int>(res.size());
    if (res.empty() || start > list.value("totalResults", 0)) break;
  }
  return found;
}

// Waits (bounded) until the asynchronously created user is visible, then tracks it.
void track_when_created(conf::Context& ctx, const std::string& user_name) {
  for (int i = 0; i < 20; ++i) {
    auto res = users_named(ctx, user_name);
    if (!res.empty()) return ctx.track(user_path(ctx, res[0]));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

Async accepted(conf::Context& ctx) {
  Async a = post_async(ctx);
  if (a.response.status == 201) ctx.skip("the target answered synchronously (201)");
  ctx.expect_status(a.response, 202, "POST /Users with Prefer: respond-async");
  track_when_created(ctx, a.user_name);
  return a;
}

void either(conf::Context& ctx) {
  Async a = post_async(ctx);
  ctx.expect(a.response.status == 201 || a.response.status == 202, "201 or 202", "201 or 202",
             brief(a.response));
  if (a.response.status == 202) track_when_created(ctx, a.user_name);
}

void no_body(conf::Context& ctx) {
  Async a = accepted(ctx);
  ctx.expect(a.response.body.empty(), "the 202 has no body", "empty", brief(a.response));
}

void set_txn(conf::Context& ctx) {
  expect_header(ctx, accepted(ctx).response, "Set-Txn");
}

void preference_applied(conf::Context& ctx) {
  std::string v = expect_header(ctx, accepted(ctx).response, "Preference-Applied");
  ctx.expect(v.find("respond-async") != std::string::npos, "Preference-Applied: respond-async",
             "respond-async", v);
}

void location(conf::Context& ctx) {
  expect_header(ctx, accepted(ctx).response, "Location");
}

void txn_unique(conf::Context& ctx) {
  std::string first = expect_header(ctx, accepted(ctx).response, "Set-Txn");
  std::string second = expect_header(ctx, accepted(ctx).response, "Set-Txn");
  ctx.expect(first != second, "each asynchronous request gets its own Set-Txn", "distinct",
             first + " / " + second);
}

void outcome(conf::Context& ctx) {
  Async a = accepted(ctx);
  std::string txn = expect_header(ctx, a.response, "Set-Txn");
  std::string where = expect_header(ctx, a.response, "Location");
  conf::HttpResponse r;
  for (int i = 0; i < 20; ++i) {
    r = ctx.get(where);
    if (r.status != 202 && r.status != 404) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ctx.expect_status(r, 200, "GET <Location> of the asynchronous request");
  const std::string* ct = r.header("Content-Type");
  if (!ct || ct->find("secevent+jwt") == std::string::npos) return;  // (b): the resource itself
  auto set = conf::decode_set(r.body);
  ctx.expect(set.has_value(), "the completion SET decodes", "a compact JWS", brief(r));
  ctx.expect(set->claims.value("txn", "") == txn, "the SET's txn equals Set-Txn", txn,
             set->claims.value("txn", ""));
  ctx.expect(!event_uri(set->claims, std::string(urn::event::kAsyncResponse)).empty(),
             "the SET carries the asyncresp event", std::string(urn::event::kAsyncResponse),
             brief(set->claims.value("events", json())));
}

void applied(conf::Context& ctx) {
  Async a = accepted(ctx);
  json users = users_named(ctx, a.user_name);
  ctx.expect(users.size() == 1, "the accepted create is eventually applied", "1 user",
             brief(users));
}

void pushed_asyncresp(conf::Context& ctx) {
  Async a = accepted(ctx);
  std::string txn = expect_header(ctx, a.response, "Set-Txn");
  auto* receiver = ctx.set_receiver();
  if (!receiver) ctx.skip("the runner has no SET receiver for this run");
  // A transaction may yield several SETs with one "txn" (draft §2, "txn": "multiple SETs issued
  // each with distinct "jit" values an a common "txn" value"), e.g. prov:create and asyncresp.
  const std::string asyncresp(urn::event::kAsyncResponse);
  auto set = receiver->wait_for(
      [&](const conf::ReceivedSet& s) {
        return s.claims.value("txn", "") == txn && !event_uri(s.claims, asyncresp).empty();
      },
      std::chrono::milliseconds(receiver->received().empty() ? 300 : 3000));
  if (!set && receiver->received().empty()) ctx.skip("no SET reached the loopback receiver");
  ctx.expect(set.has_value(), "an asyncresp SET with txn equal to Set-Txn is delivered",
             asyncresp + " with txn " + txn, "none");
}

}  // namespace s2_5_1_async_local

void register_s2_5_1_async(conf::Catalog& catalog) {
  using namespace s2_5_1_async_local;
  auto& spec = events_spec(catalog);
  SectionBuilder s(catalog, spec, "2.5.1.1", "Making an Asynchronous SCIM Request");
  s.add({.slug = "respond-async-normal-or-202",
         .title = "Prefer: respond-async answers 201 or 202",
         .level = kMust,
         .requirement = kEither,
         .tags = kTags,
         .needs = kCaps,
         .run = either});
  s.add({.slug = "accepted-has-no-body",
         .title = "a 202 carries no body",
         .level = kMust,
         .requirement = kNoBody,
         .tags = kTags,
         .needs = kCaps,
         .run = no_body});
  s.add({.slug = "accepted-has-location",
         .title = "a 202 carries Location",
         .level = kMust,
         .requirement = kLocation,
         .tags = kTags,
         .needs = kCaps,
         .run = location});
  s.add({.slug = "accepted-has-preference-applied",
         .title = "a 202 carries Preference-Applied",
         .level = kShould,
         .requirement = "Per [RFC7240], Section 3, the response will also include the "
                        "\"Preference-Applied\" header.",
         .tags = kTags,
         .needs = kCaps,
         .run = preference_applied});
  s.add({.slug = "accepted-outcome-at-location",
         .title = "GET Location yields the outcome",
         .level = kMust,
         .requirement = kLocation,
         .tags = kTags,
         .needs = kCaps,
         .run = outcome});
  s.add({.slug = "accepted-request-is-applied",
         .title = "the accepted create eventually exists",
         .level = kMust,
         .requirement = kEither,
         .tags = kTags,
         .needs = {cap::kAsync, cap::kUsers, cap::kFilter},
         .run = applied});
  SectionBuilder t(catalog, spec, "3", "Set-Txn HTTP Response Header for Asynchronous Requests");
  t.add({.slug = "accepted-has-set-txn",
         .title = "a 202 carries Set-Txn",
         .level = kMust,
         .requirement = kSetTxn,
         .tags = kTags,
         .needs = kCaps,
         .run = set_txn});
  t.add({.slug = "set-txn-unique",
         .title = "two asynchronous requests get different Set-Txn values",
         .level = kMust,
         .requirement = "The \"Set-Txn\" HTTP Header field value is a unique STRING (e.g., a GUID) "
                        "used by the SCIM HTTP client to look for a matching SET event with a "
                        "matching \"txn\" claim (see Section 2 of [RFC8417]) confirming the "
                        "request completion status as described in Section 2.5.1.1.",
         .tags = kTags,
         .needs = kCaps,
         .run = txn_unique});
  SectionBuilder r(catalog, spec, "2.5.1.3", "urn:ietf:params:scim:event:misc:asyncresp");
  r.add({.slug = "asyncresp-txn-matches",
         .title = "the pushed asyncresp SET carries the Set-Txn",
         .level = kMust,
         .requirement = "In the event, the \"txn\" claim MUST be set to the value originally "
                        "returned to the requesting SCIM Client (see Section 2.5.1.1).",
         .tags = kTags,
         .needs = {cap::kAsync, cap::kEvents, cap::kUsers},
         .run = pushed_asyncresp});
}

}  // namespace scim::suites::events
