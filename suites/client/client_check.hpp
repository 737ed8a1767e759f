// What a client check is (see scim/suites/client/grading.hpp): a requirement on the client, the
// requests it looks at, and how it finds violations in them. Three kinds of evidence count:
//  - what the request itself shows (a missing Content-Type, "op": "Replace", an "id" on POST);
//  - the leniencies the server recorded for it (docs/lenient.md): a lenient tenant accepted the
//    request only by rewriting it, each named leniency belongs to one check;
//  - the strict server's refusal: a 400 whose scimType (RFC 7644 §3.12 Table 9) names the rule.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scim/conformance/model.hpp"

namespace scim::suites::client {

// What a list answer told the client about the rest of the list (RFC 7644 §3.4.2.4 Table 7,
// RFC 9865 nextCursor).
struct Page {
  std::int64_t total = 0;
  std::int64_t start_index = 1;
  std::int64_t items = 0;
  std::string next_cursor;  // "" when none
};

// One journal entry of a request, as the checks read it.
struct Observed {
  std::size_t index = 0;  // position in the session, 0-based
  std::int64_t seq = 0;
  std::int64_t epoch_ms = 0;
  std::string method;                          // upper-case
  std::string target;                          // as sent: path and query
  std::string path;                            // relative to the SCIM base: "/Users/2819c223"
  std::map<std::string, std::string> query;    // decoded parameters
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;                            // as captured (bounded)
  std::optional<nlohmann::json> json;          // when the body was a whole JSON document
  int status = 0;
  std::map<std::string, std::string> response_headers;
  std::optional<nlohmann::json> response_json;
  std::optional<Page> page;  // of a ListResponse: the journal's "page", else the response body
  std::vector<std::string> leniencies;
  std::string fault;

  const std::string* header(const std::string& lower_name) const;
  std::string scim_type() const;  // of an error answer; "" otherwise
  bool has_body() const { return !body.empty(); }
  // "/Users" for "/Users/2819c223" and "/Users/.search"; "" at the root.
  std::string endpoint() const;
  bool is_resource_write() const;  // POST to an endpoint, or PUT/PATCH of a resource
};

struct Finding {
  std::size_t entry = 0;  // Observed::index
  std::string message;    // what the client did wrong, in one line
  std::string expected;
  std::string actual;
};

struct ClientCheck {
  conf::CheckInfo info;
  // Which requests the check is about; a session with none of them skips the check.
  std::function<bool(const Observed&)> applies;
  // Direct inspection of the session's requests (all of them, in order).
  std::function<void(const std::vector<Observed>&, std::vector<Finding>&)> inspect;
  std::vector<std::string> leniencies;  // server-recorded leniency names that are findings here
  std::vector<std::string> scim_types;  // strict refusals (400 + scimType) that are findings here
  std::string skip_reason;              // when no request applies
  // A strict refusal of one of scim_types that the client is not to blame for (the server
  // refused legal input it may restrict); none when empty.
  std::function<bool(const Observed&)> excused = nullptr;
};

using ClientChecks = std::vector<ClientCheck>;

// A client check's description; every client check carries the "client" tag (reports say the
// sentence binds the client).
conf::CheckInfo client_check_info(const char* id, const char* title, conf::Level level,
                                  const char* quote, std::vector<std::string> tags);

// "" for an RFC check; the published profile ("interop", "ipsie-al1") of a profile's client
// check (spec "client-interop"), graded only in a session that asks for that profile.
std::string profile_of(const conf::CheckInfo& info);

// A profile client check's description: its quote and level come from
// profile_client_requirements() (the entry of ID `id`), tagged with its profile.
conf::CheckInfo profile_check_info(const std::string& id, const char* title,
                                   std::vector<std::string> tags);

// Each folder registers its checks (rfc7644/, rfc7643/, http/, profiles/).
void add_rfc7644_checks(ClientChecks& out);
void add_paging_checks(ClientChecks& out);
void add_rfc7643_checks(ClientChecks& out);
void add_retry_checks(ClientChecks& out);
void add_interop_checks(ClientChecks& out);
void add_ipsie_al1_checks(ClientChecks& out);

// What several checks read of a request (observed.cpp).
std::string lower_case(std::string s);  // ASCII
// "application/scim+json" of "application/scim+json; charset=utf-8", lower case.
std::string media_type(const std::string& value);
bool writes_body(const Observed& o);  // POST, PUT or PATCH with a body
bool is_patch(const Observed& o);     // PATCH of an endpoint with a JSON object body
const nlohmann::json* patch_operations(const Observed& o);  // "Operations" when an array
// The filter of a query (?filter=) or of a POST .search body; nullopt when the request has none.
std::optional<std::string> filter_of(const Observed& o);

// The parsed entries of a session document (request entries only, in order).
std::vector<Observed> observe(const nlohmann::json& entries);

// Which identity providers are known to need a leniency (docs/lenient.md, "Who"): "Entra ID",
// "Okta"; empty when none is.
std::vector<std::string> known_senders(const std::string& leniency);

}  // namespace scim::suites::client
