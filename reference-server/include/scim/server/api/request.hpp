// The request/response vocabulary every server folder shares: plain values exchanged between the
// transport (src/http, the only code that knows Beast), the middleware chain and the socket-free
// route handlers. Header names are stored lower-case.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scim::server {

// Who is calling, as decided by the HTTP layer from Authorization (bearer or Basic).
struct Principal {
  std::string tenant;                  // tenant id; never empty for authenticated requests
  std::optional<std::string> subject;  // resource id bound to the credential, for /Me
  std::string credential_name;         // label of the token used, for logs (never the secret)
  // Authenticated with an admin token (the control plane, /admin/v1): such a principal has no
  // tenant and never reaches SCIM data; a tenant principal never reaches the admin API.
  bool admin = false;
};

// Where a request-target points: under the SCIM base path (or a tenant's, RFC 7644 §6.1), where
// paths are relative to the base; or outside it (e.g. /health), where paths are absolute.
enum class Scope { Scim, Root };

// The local side of the connection, used for URLs when the Host header is absent or unusable.
struct Connection {
  bool tls = false;
  std::string local_address;  // "127.0.0.1" or "::1"
  std::uint16_t local_port = 0;
};

struct Request {
  std::string method;  // "GET", "POST", ... (upper case)
  // Path relative to the base path, starting with '/', percent-decoded: "/Users/2819c223".
  std::string path;
  // Query parameters, percent-decoded; repeated keys keep the last value.
  std::map<std::string, std::string> query;
  // Lower-case header names -> values.
  std::map<std::string, std::string> headers;
  std::string body;
  // Set in process instead of `body` for a request made of JSON the server parsed already (a
  // /Bulk operation's "data", RFC 7644 §3.7), under the same rules (api/json_text.hpp: UTF-8,
  // member names unique): parse_body hands it out, after checking its nesting, without the text
  // round trip. It is taken, not copied (hence mutable: handlers see a const Request): the body
  // of a request is read once, as `body` is parsed once, and its maker reads it no more.
  mutable std::optional<nlohmann::json> json_body;
  Principal principal;
  // Absolute base URL as seen by the client ("http://127.0.0.1:8080/scim/v2" or the tenant's
  // "/tenants/acme/scim/v2" variant), used for Location and meta.location.
  std::string base_url;
  // Transaction id decided upstream: the async runner sets its Set-Txn (bulk: suffixed per
  // operation) so the provisioning SETs of the write carry the same "txn" as the asyncresp SET
  // (RFC 9967 §2.5.1). Never taken from the client; empty = generate one.
  std::string txn;
  // Set by the transport: the request-target as received ("/scim/v2/Users?filter=...") and the
  // connection it came on. The authentication middleware derives scope, path, query and base_url.
  std::string target;
  Connection connection;
  Scope scope = Scope::Scim;
  // Correlates the request with its journal entry and logs: the client's X-Request-Id when it
  // is usable, else one the journal layer made; empty before that layer.
  std::string request_id;
  // When the request entered the middleware chain, read once by the first layer that times
  // requests (the access log) and shared by the later ones (metrics, journal): one clock reading
  // instead of one per layer. The epoch (unset) until then; see server::arrival.
  std::chrono::steady_clock::time_point arrived{};

  const std::string* header(std::string_view lower_name) const;
  const std::string* query_param(std::string_view name) const;  // case-insensitive key lookup
  std::optional<std::string> query_value(std::string_view name) const;  // a copy, or nullopt
};

// One operation's outcome inside a response that answered several at once (a BulkResponse,
// RFC 7644 §3.7.3), for in-process layers that report per operation: the async runner announces
// each with its own asyncresp SET (RFC 9967 §2.5.1.2). Never sent on the wire.
struct OperationOutcome {
  nlohmann::json operation;  // the BulkResponse entry: method, bulkId, location, version, status
  std::string subject;       // the resource path relative to the base URL ("/Users/<id>")
  std::string txn;           // the operation's transaction id, when the request carried one
};

// What shaped a response besides the RFC rules, for the request journal and metrics. Never
// written to the wire.
struct ResponseNotes {
  std::vector<std::string> leniencies;   // engine/lenient names the request needed (sorted)
  std::vector<std::string> variants;     // behaviour variants that changed the answer
  std::string fault;                     // the injected fault ("503 from fault f1"); "" for none
  std::vector<std::string> fault_kinds;  // kinds of the faults applied ("latency", "error"), a
                                         // bounded set: the metrics count them by kind
};

// How the transport delivers a response. The default writes it at once; fault injection (the
// control plane's mock faults) may delay it, drop the connection or cut the body short.
struct Delivery {
  enum class Action {
    Write,     // write the response
    Reset,     // abort the connection (TCP RST) instead of answering
    Close,     // close the connection (FIN) without answering
    Truncate,  // write the status line, headers and `truncate_at` body bytes, then close
  };
  Action action = Action::Write;
  std::chrono::milliseconds delay{0};  // waited on a timer, never by blocking a thread
  std::size_t truncate_at = 0;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"Location", "..."}
  std::string body;                                          // empty for 204/304
  std::vector<OperationOutcome> operations;                  // bulk only; see OperationOutcome
  ResponseNotes notes;
  Delivery delivery;
  // When the innermost layer that times requests (the journal) had the answer, shared by the
  // outer ones as `arrived` is (server::answered). The epoch until then; never on the wire.
  std::chrono::steady_clock::time_point answered{};

  void set_header(std::string name, std::string value);
  const std::string* header(std::string_view name) const;  // case-insensitive
};

// Anything that answers requests (the router, the middleware chain, a test double): one call per
// request, thread-safe.
class Handler {
 public:
  virtual ~Handler() = default;
  virtual Response handle(const Request& request) = 0;
  // For callers that give up their request (the transport): a handler that needs a mutable copy
  // (the middleware chain) takes this one instead of copying the body.
  virtual Response take(Request&& request) { return handle(request); }
};

}  // namespace scim::server
