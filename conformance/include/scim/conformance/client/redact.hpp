// Credential redaction for recorded exchanges. Transcripts end up in CI artefacts and HTML reports,
// so secrets must never reach them: credential headers, configured extra headers, token fields of
// OAuth bodies, SCIM "password" attributes (RFC 7643 §4.1.1: never returned, but a check may send
// one) and any configured secret string wherever it appears.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "scim/conformance/http.hpp"
#include "scim/conformance/model.hpp"

namespace scim::conf {

inline constexpr std::string_view kRedacted = "***";

struct RedactionRules {
  // Lower-case header names whose values are replaced (Authorization, Cookie, ... by default).
  std::set<std::string> headers;
  // Literal secrets (tokens, passwords, client secrets) replaced wherever they occur.
  std::vector<std::string> secrets;

  static RedactionRules defaults();
};

// JSON bodies: members named password/access_token/refresh_token/id_token/client_secret (any
// case, any depth) become "***"; then every secret literal is replaced in the text.
std::string redact_body(std::string_view body, const RedactionRules& rules);
void redact(Exchange& exchange, const RedactionRules& rules);

// The exchange of `request` and `response` as a transcript records it, redacted by `rules`.
Exchange recorded_exchange(const HttpRequest& request, const HttpResponse& response,
                           const RedactionRules& rules);

}  // namespace scim::conf
