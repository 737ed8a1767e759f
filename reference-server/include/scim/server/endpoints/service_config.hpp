// ServiceConfig: the endpoints' options — everything the socket-free service needs to know about
// the live deployment, independent of the base path. Each default is written here once and is the
// strict reference behaviour; app/ fills the struct from flags and the JSON configuration file.
#pragma once

#include <array>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/server/bulk/bulk_request.hpp"
#include "scim/server/endpoints/pagination_options.hpp"

#include "scim/protocol/profile.hpp"
#include "scim/server/engine/filter/filter.hpp"
#include "scim/server/engine/validate/validate.hpp"

namespace scim::server {

// Optional features a deployment can switch off, each answered the way the RFC says for a provider
// without it and reflected truthfully in /ServiceProviderConfig (RFC 7643 §5) and /ResourceTypes
// (docs/server.md "Optional features"). A plain struct of switches: the Service reads it per
// request (Service::config_for), so a tenant can be given its own.
struct Features {
  bool bulk = true;           // RFC 7644 §3.7: off -> no /Bulk route (404), bulk.supported false
  bool sort = true;           // §3.4.2.3 "Sort is OPTIONAL": off -> sortBy/sortOrder ignored,
                              // sort.supported false
  bool me = true;             // §3.11: off -> 501 on every method of /Me
  bool root_query = true;     // §3.4.2.1 "MAY be performed against ... a SCIM server root":
                              // off -> POST {base}/.search answers 501
  bool nested_groups = true;  // RFC 7643 §4.2: off -> a member that is itself a group of the
                              // same type is refused with 400 invalidValue
  bool patch = true;   // §3.5.2 "HTTP PATCH is an OPTIONAL server function": off -> 501 on PATCH
                       // (also through /Me and /Bulk), patch.supported false
  bool filter = true;  // §3.4.2.2 "Filtering is an OPTIONAL parameter": off -> a "filter" is
                       // answered 400 invalidFilter (Table 9), filter.supported false
  bool change_password = true;  // RFC 7643 §5 changePassword: off -> PUT or PATCH that sets a
                                // new "password" answers 501 (Table 8); POST may still set one
  // The filter operators queries may use (RFC 7644 §3.4.2.2 Tables 3 and 4: eq ne co sw ew pr gt
  // ge lt le, and or not; a value path is allowed when the operators inside it are); empty allows
  // all. Others are declined with 400
  // invalidFilter, as Table 9 allows for "the specified attribute and filter comparison
  // combination is not supported".
  std::vector<std::string> filter_operators;
};

// The names Features::filter_operators accepts, in RFC order.
inline constexpr std::array<std::string_view, 13> kFilterOperatorNames = {
    "eq", "ne", "co", "sw", "ew", "pr", "gt", "ge", "lt", "le", "and", "or", "not"};

struct ServiceConfig {
  bool lenient = false;  // engine::lenient::Mode: the provider-quirk pre-pass (docs/lenient.md)
  // Leniencies (engine/lenient/names.hpp) switched off while `lenient` is on: a request that needs
  // one is answered as in strict mode (endpoints/lenient_call.hpp; a tenant's runtime setting).
  std::vector<std::string> lenient_off;
  std::size_t max_results = 200;  // RFC 7643 §5 filter.maxResults; caps "count"
  engine::FilterLimits filter_limits;
  // A filter naming an attribute the resource type does not define: 400 invalidFilter (the
  // interop profile §6.3); off, RFC 7644 strict mode, such a comparison matches nothing.
  bool reject_unknown_filter_attributes = false;
  // The interop profile's narrower write rules (§5.3 invalidSyntax, §6.5.1.1 PATCH path).
  engine::InteropRules interop;
  // draft-zollner-scim-interop-profile-01 §4: "interopProfileConformant": true in
  // /ServiceProviderConfig. Set only by a profile that makes the server conform.
  bool interop_conformant = false;
  std::size_t max_sort_results = 50'000;  // matches sorted in memory; beyond: 400 tooMany
  std::size_t max_json_depth = 64;        // nesting of request bodies; beyond: 400 invalidSyntax
  std::size_t max_write_retries = 8;      // optimistic-concurrency retries without If-Match
  bool etag = true;                       // RFC 7644 §3.14 ETags and If-Match/If-None-Match
  // RFC 7644 §3.5.2: a successful PATCH "MUST return a 200 OK ... and the entire resource ... or
  // MAY return HTTP status code 204 (No Content)". True: 204, except when the request names
  // "attributes" ("The server MUST return a 200 OK") or "excludedAttributes".
  bool patch_no_content = false;
  // Set when /Bulk is served: advertised in ServiceProviderConfig "bulk" (RFC 7643 §5), enforced
  // by the bulk executor. Unset: "supported": false.
  std::optional<bulk::BulkLimits> bulk;
  std::string documentation_uri;
  // RFC 7643 §5 authenticationSchemes; empty: a bearer-token scheme is advertised.
  nlohmann::json authentication_schemes = nlohmann::json::array();
  // Merged (RFC 7386 merge patch) into /ServiceProviderConfig, e.g. {"securityEvents": {...}}
  // once the events subsystem is configured.
  nlohmann::json service_provider_config_extra = nlohmann::json::object();
  // Set when /Feeds is served: securityEvents then names the feed collection and the RFC 8936 poll
  // endpoint of each feed (absolute, under the request's base URL), so a client can discover them.
  bool advertise_feeds = false;
  Features features;
  PaginationOptions pagination;  // RFC 9865 cursors beside RFC 7644 index paging

  // The bundle of these options a profile asks for (docs/server.md "Profiles"): Rfc changes
  // nothing; Interop and IpsieAl1 switch on every rule above that the interop profile narrows,
  // and a default page of at least 100 (§6.4).
  void apply(Profile profile);
};

}  // namespace scim::server
