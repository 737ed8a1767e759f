// The rules an HTTP/1.1 request head must satisfy before the server reads its body or routes it,
// beyond what the parser enforces: Host (RFC 9112 §3.2), message framing against request
// smuggling (RFC 9112 §6.1, §6.3), content codings (RFC 9110 §8.4.1, §15.5.16), Expect
// (RFC 9110 §10.1.1) and the number of header fields (RFC 6585 §5). Plain strings in and a SCIM
// error out, so the rules are unit-tested and fuzzed without a socket.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scim/protocol/error.hpp"

namespace scim::http {

struct HeadField {
  std::string_view name;  // as received (any case)
  std::string_view value;
};

// Why a head is refused: the error to answer with and the headers that explain it (415 names the
// codings that are accepted in Accept-Encoding, RFC 9110 §15.5.16).
struct HeadRejection {
  ScimError error;
  std::vector<std::pair<std::string, std::string>> headers;
};

// `version` is 10 for HTTP/1.0, 11 for HTTP/1.1. nullopt: the head may be served. Every refusal
// closes the connection: after a framing error the rest of the stream cannot be trusted.
std::optional<HeadRejection> check_request_head(const std::vector<HeadField>& fields,
                                                unsigned version, std::size_t max_fields);

// RFC 9110 §7.2 / RFC 3986 §3.2.2-3: Host = uri-host [ ":" port ], where uri-host is a reg-name,
// an IPv4 address or a bracketed IPv6 literal. The empty value is valid (§7.2).
bool valid_host_value(std::string_view value);

}  // namespace scim::http
