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
};

using ClientChecks = std::vector<ClientCheck>;

// A client check's description; every client check carries the "client" tag (reports say the
// sentence binds the client).
conf::CheckInfo client_check_info(const char* id, const char* title, conf::Level level,
                                  const char* quote, std::vector<std::string> tags);

// Each folder registers its checks (rfc7644/, rfc7643/, http/).
void add_rfc7644_checks(ClientChecks& out);
void add_rfc7643_checks(ClientChecks& out);
void add_retry_checks(ClientChecks& out);

// The parsed entries of a session document (request entries only, in order).
std::vector<Observed> observe(const nlohmann::json& entries);

// Which identity providers are known to need a leniency (docs/lenient.md, "Who"): "Entra ID",
// "Okta"; empty when none is.
std::vector<std::string> known_senders(const std::string& leniency);

}  // namespace scim::suites::client
