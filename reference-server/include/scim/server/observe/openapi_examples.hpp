// Request and response examples for /openapi.json, in the shapes RFC 7644 gives: the User of
// §3.3, the ListResponse of §3.4.2 (Figure 3), the PATCH of §3.5.2 (Figure 6 style), the
// SearchRequest of §3.4.3 (Figure 4), the bulk request of §3.7.1 and the error of §3.12.
#pragma once

#include <nlohmann/json.hpp>

namespace scim::observe {

nlohmann::json example_user_request();    // RFC 7644 §3.3 POST /Users body
nlohmann::json example_user_response();   // RFC 7644 §3.3 201 body
nlohmann::json example_list_response();   // RFC 7644 §3.4.2 Figure 3
nlohmann::json example_patch_request();   // RFC 7644 §3.5.2.1
nlohmann::json example_search_request();  // RFC 7644 §3.4.3 Figure 4
nlohmann::json example_bulk_request();    // RFC 7644 §3.7.1
nlohmann::json example_error();           // RFC 7644 §3.12

}  // namespace scim::observe
