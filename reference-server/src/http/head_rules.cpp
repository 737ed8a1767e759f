// Request-head rules (see head_rules.hpp). Each rule cites the sentence that makes the answer
// mandatory; where the RFC leaves a choice, the choice is the strict one and docs/reliability.md
// says so.
#include "scim/server/http/head_rules.hpp"

#include <algorithm>
#include <array>

#include "scim/protocol/http_syntax.hpp"
#include "scim/protocol/strings.hpp"

namespace scim::http {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// RFC 3986 §3.2.2 reg-name: unreserved / pct-encoded / sub-delims (the '%' is checked loosely:
// the host is only echoed into URLs, never decoded). A table of the 256 bytes, made once at
// compile time: every request's Host goes through here, a character at a time.
constexpr std::array<bool, 256> kRegName = [] {
  std::array<bool, 256> table{};
  for (std::size_t c = 0; c < table.size(); ++c) {
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  for (const char c : std::string_view("-._~%!$&'()*+,;=")) {
    table[static_cast<unsigned char>(c)] = true;
  }
  return table;
}();

bool reg_name_char(char c) {
  return kRegName[static_cast<unsigned char>(c)];
}

bool ipv6_literal_char(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
}

struct Framing {
  std::size_t hosts = 0;
  std::string_view host;
  std::size_t content_lengths = 0;
  std::string_view content_length;
  std::size_t transfer_encodings = 0;
  std::string transfer_encoding;  // repeated fields joined, RFC 9110 §5.3
  std::string content_encoding;
  std::string_view expect;
};

Framing collect(const std::vector<HeadField>& fields) {
  Framing f;
  auto append = [](std::string& list, std::string_view value) {
    list += list.empty() ? std::string(value) : ", " + std::string(value);
  };
  for (const auto& field : fields) {
    if (iequals(field.name, "host")) {
      ++f.hosts;
      f.host = field.value;
    } else if (iequals(field.name, "content-length")) {
      ++f.content_lengths;
      f.content_length = trim_ows(field.value);
    } else if (iequals(field.name, "transfer-encoding")) {
      ++f.transfer_encodings;
      append(f.transfer_encoding, field.value);
    } else if (iequals(field.name, "content-encoding")) {
      append(f.content_encoding, field.value);
    } else if (iequals(field.name, "expect")) {
      f.expect = trim_ows(field.value);
    }
  }
  return f;
}

HeadRejection reject(ScimError error) {
  return HeadRejection{std::move(error), {}};
}

// RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1
// request message that lacks a Host header field and to any request message that contains more
// than one Host header field line or a Host header field with an invalid field value."
std::optional<HeadRejection> check_host(const Framing& f, unsigned version) {
  if (f.hosts > 1) return reject(invalid_syntax("more than one Host header (RFC 9112 §3.2)"));
  if (f.hosts == 0 && version >= 11) {
    return reject(invalid_syntax("an HTTP/1.1 request must carry a Host header (RFC 9112 §3.2)"));
  }
  if (f.hosts == 1 && !valid_host_value(f.host)) {
    return reject(invalid_syntax("the Host header is not host[:port] (RFC 9112 §3.2)"));
  }
  return std::nullopt;
}

// RFC 9112 §6.3: a Content-Length that is not one decimal number, or that comes with
// Transfer-Encoding, makes the framing ambiguous (request smuggling); §6.1: Transfer-Encoding in
// HTTP/1.0 is faulty framing, and a transfer coding other than chunked is not understood (501).
std::optional<HeadRejection> check_framing(const Framing& f, unsigned version) {
  if (f.content_lengths > 1) {
    return reject(invalid_syntax("more than one Content-Length header (RFC 9112 §6.3)"));
  }
  if (f.content_lengths == 1 &&
      (f.content_length.empty() || f.content_length.size() > 19 ||
       !std::all_of(f.content_length.begin(), f.content_length.end(), is_digit))) {
    return reject(invalid_syntax("Content-Length must be one decimal number (RFC 9112 §6.3)"));
  }
  if (f.transfer_encodings == 0) return std::nullopt;
  if (f.content_lengths > 0) {
    return reject(invalid_syntax(
        "Transfer-Encoding and Content-Length together are ambiguous framing (RFC 9112 §6.3)"));
  }
  if (version < 11) {
    return reject(invalid_syntax("Transfer-Encoding is not defined for HTTP/1.0 (RFC 9112 §6.1)"));
  }
  if (!iequals(trim_ows(f.transfer_encoding), "chunked")) {
    return reject(
        http_error(501, "only the chunked transfer coding is implemented (RFC 9112 §6.1)"));
  }
  return std::nullopt;
}

// RFC 9110 §8.4.1 / §15.5.16: content in a coding the server does not support is answered 415,
// with Accept-Encoding naming what is accepted. The server decodes no coding (no decompression
// bombs to bound): only "identity" is accepted.
std::optional<HeadRejection> check_content_coding(const Framing& f) {
  const bool has_content =
      f.transfer_encodings > 0 ||
      (f.content_lengths == 1 && f.content_length.find_first_not_of('0') != std::string_view::npos);
  if (!has_content) return std::nullopt;  // a coding of no content changes nothing
  std::string_view rest = f.content_encoding;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    auto coding = trim_ows(rest.substr(0, comma));
    if (!coding.empty() && !iequals(coding, "identity")) {
      HeadRejection r = reject(
          http_error(415, "Content-Encoding \"" + std::string(coding).substr(0, 64) +
                              "\" is not supported; send the body uncoded (RFC 9110 §15.5.16)"));
      r.headers.emplace_back("Accept-Encoding", "identity");
      return r;
    }
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return std::nullopt;
}

}  // namespace

bool valid_host_value(std::string_view value) {
  value = trim_ows(value);
  if (value.size() > 255) return false;
  std::string_view host = value;
  std::string_view port;
  if (!value.empty() && value.front() == '[') {
    auto close = value.find(']');
    if (close == std::string_view::npos || close < 3) return false;
    host = value.substr(1, close - 1);
    if (!std::all_of(host.begin(), host.end(), ipv6_literal_char)) return false;
    auto after = value.substr(close + 1);
    if (!after.empty() && after.front() != ':') return false;
    port = after.empty() ? after : after.substr(1);
  } else {
    auto colon = value.find(':');
    if (colon != std::string_view::npos) {
      host = value.substr(0, colon);
      port = value.substr(colon + 1);  // may be empty: RFC 3986 §3.2.3 allows that
    }
    if (!std::all_of(host.begin(), host.end(), reg_name_char)) return false;
  }
  return port.size() <= 5 && std::all_of(port.begin(), port.end(), is_digit);
}

std::optional<HeadRejection> check_request_head(const std::vector<HeadField>& fields,
                                                unsigned version, std::size_t max_fields) {
  // RFC 6585 §5: 431 for header fields too large; a count limit bounds per-field work (joining,
  // lower-casing, map inserts) that the byte limit alone allows thousands of times.
  if (fields.size() > max_fields) {
    return reject(http_error(431, "the request has " + std::to_string(fields.size()) +
                                      " header fields; at most " + std::to_string(max_fields) +
                                      " are accepted"));
  }
  const Framing f = collect(fields);
  if (auto r = check_host(f, version)) return r;
  if (auto r = check_framing(f, version)) return r;
  if (auto r = check_content_coding(f)) return r;
  // RFC 9110 §10.1.1: "A server that receives an Expect field value containing a member other
  // than 100-continue MAY respond with a 417 (Expectation Failed)".
  if (!f.expect.empty() && !iequals(f.expect, "100-continue")) {
    return reject(http_error(417, "only \"Expect: 100-continue\" is supported (RFC 9110 §10.1.1)"));
  }
  return std::nullopt;
}

}  // namespace scim::http
