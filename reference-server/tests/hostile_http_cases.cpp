// Hostile catalogue, HTTP classes: Host (RFC 9112 §3.2), framing and smuggling (RFC 9112 §6.1,
// §6.3), content codings (RFC 9110 §15.5.16), Expect (RFC 9110 §10.1.1), header counts and sizes
// (RFC 6585 §5), malformed request lines, 50 MB bodies (RFC 7644 §3.12 413), and bad or missing
// credentials (RFC 7644 §2, RFC 6750 §3.1).
#include <string>

#include "hostile_case.hpp"

namespace scim::test::hostile {
namespace {

const std::string kUserBody =
    R"({"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"smuggled"})";

std::string raw(const std::string& head, const std::string& body = "") {
  return head + "\r\n\r\n" + body;
}

void host_and_framing(std::vector<Case>& out) {
  const std::string auth = "Authorization: Bearer secret\r\nConnection: close";
  const std::string ct = "Content-Type: application/scim+json";
  const std::string len = "Content-Length: " + std::to_string(kUserBody.size());
  auto add = [&](const std::string& klass, const std::string& name, const std::string& bytes,
                 int status, const std::string& type) {
    out.push_back({klass, name, bytes, status, type});
  };
  add("bad-host", "missing", raw("GET /scim/v2/Users HTTP/1.1\r\n" + auth), 400, "invalidSyntax");
  add("bad-host", "twice", raw("GET /scim/v2/Users HTTP/1.1\r\nHost: a\r\nHost: a\r\n" + auth), 400,
      "invalidSyntax");
  add("bad-host", "twice-http10",
      raw("GET /scim/v2/Users HTTP/1.0\r\nHost: a\r\nHost: b\r\n" + auth), 400, "invalidSyntax");
  add("bad-host", "with-path", raw("GET /scim/v2/Users HTTP/1.1\r\nHost: evil.com/x\r\n" + auth),
      400, "invalidSyntax");
  add("bad-host", "with-userinfo",
      raw("GET /scim/v2/Users HTTP/1.1\r\nHost: u@evil.com\r\n" + auth), 400, "invalidSyntax");
  add("bad-host", "bad-port", raw("GET /scim/v2/Users HTTP/1.1\r\nHost: a:http\r\n" + auth), 400,
      "invalidSyntax");
  add("bad-host", "missing-on-post",
      raw("POST /scim/v2/Users HTTP/1.1\r\n" + ct + "\r\n" + len + "\r\n" + auth, kUserBody), 400,
      "invalidSyntax");
  const std::string post = "POST /scim/v2/Users HTTP/1.1\r\nHost: h\r\n" + ct + "\r\n" + auth;
  add("smuggling", "two-content-lengths", raw(post + "\r\n" + len + "\r\n" + len, kUserBody), 400,
      "invalidSyntax");
  add("smuggling", "two-different-content-lengths",
      raw(post + "\r\nContent-Length: 5\r\n" + len, kUserBody), 400, "invalidSyntax");
  add("smuggling", "content-length-list", raw(post + "\r\nContent-Length: 76, 76", kUserBody), 400,
      "invalidSyntax");
  add("smuggling", "content-length-and-chunked",
      raw(post + "\r\n" + len + "\r\nTransfer-Encoding: chunked", "0\r\n\r\n"), 400,
      "invalidSyntax");
  add("smuggling", "chunked-and-content-length",
      raw(post + "\r\nTransfer-Encoding: chunked\r\n" + len, "0\r\n\r\n"), 400, "invalidSyntax");
  add("smuggling", "negative-content-length", raw(post + "\r\nContent-Length: -1", ""), 400,
      "invalidSyntax");
  add("smuggling", "content-length-hex", raw(post + "\r\nContent-Length: 0x4c", kUserBody), 400,
      "invalidSyntax");
  add("smuggling", "transfer-encoding-gzip-chunked",
      raw(post + "\r\nTransfer-Encoding: gzip, chunked", "0\r\n\r\n"), 501, "");
  add("smuggling", "transfer-encoding-identity",
      raw(post + "\r\nTransfer-Encoding: identity", kUserBody), 501, "");
  add("smuggling", "transfer-encoding-http10",
      raw("POST /scim/v2/Users HTTP/1.0\r\nHost: h\r\n" + ct + "\r\n" + auth +
              "\r\nTransfer-Encoding: chunked",
          "0\r\n\r\n"),
      400, "invalidSyntax");
  add("smuggling", "bad-chunk-size",
      raw(post + "\r\nTransfer-Encoding: chunked", "zz\r\nab\r\n0\r\n\r\n"), 400, "invalidSyntax");
  // RFC 9112 §5.1: whitespace between a field name and its colon MUST be answered 400. (An
  // obs-fold, §5.2, is legal to accept: Beast replaces it with SP, the other option there.)
  add("smuggling", "space-before-colon", raw(post + "\r\nContent-Length : 76\r\n" + len, kUserBody),
      400, "invalidSyntax");
  add("content-coding", "gzip-not-gzip",
      raw(post + "\r\n" + len + "\r\nContent-Encoding: gzip", kUserBody), 415, "");
  add("content-coding", "br", raw(post + "\r\n" + len + "\r\nContent-Encoding: br", kUserBody), 415,
      "");
  add("content-coding", "deflate-identity",
      raw(post + "\r\n" + len + "\r\nContent-Encoding: identity, deflate", kUserBody), 415, "");
  add("content-coding", "unknown-expectation",
      raw(post + "\r\n" + len + "\r\nExpect: 200-ok", kUserBody), 417, "");
}

void heads(std::vector<Case>& out) {
  std::string many = "GET /scim/v2/Users HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer secret";
  for (int i = 0; i < 150; ++i) many += "\r\nX-Filler-" + std::to_string(i) + ": 1";
  out.push_back({"header-limits", "150-fields", raw(many + "\r\nConnection: close"), 431, ""});
  std::string tiny = "GET /scim/v2/Users HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer secret";
  for (int i = 0; i < 3000; ++i) tiny += "\r\nA: ";
  out.push_back(
      {"header-limits", "3000-empty-fields", raw(tiny + "\r\nConnection: close"), 431, ""});
  out.push_back({"header-limits", "20k-header",
                 raw("GET /scim/v2/Users HTTP/1.1\r\nHost: h\r\nX-Big: " + std::string(20000, 'x')),
                 431, ""});
  out.push_back(
      {"header-limits", "20k-target",
       raw("GET /scim/v2/Users?filter=" + std::string(20000, 'x') + " HTTP/1.1\r\nHost: h"), 431,
       ""});
  const std::vector<std::pair<std::string, std::string>> lines = {
      {"garbage", "NOT A REQUEST"},
      {"no-version", "GET /scim/v2/Users"},
      {"bad-version", "GET /scim/v2/Users HTTP/9.9"},
      {"space-in-target", "GET /scim/v2/Us ers HTTP/1.1"},
      {"control-in-target", std::string("GET /scim/v2/Users\x01 HTTP/1.1")},
      {"nul-in-header", std::string("GET /scim/v2/Users HTTP/1.1\r\nHost: h\r\nX: a") + '\0' + "b"},
      {"bad-header-name", "GET /scim/v2/Users HTTP/1.1\r\nHost: h\r\nBad Name: x"},
      {"lf-only-header-no-colon", "GET /scim/v2/Users HTTP/1.1\r\nHost: h\r\nNoColon"},
      {"asterisk-target", "GET * HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer secret"},
      {"absolute-form-other-scheme",
       "GET ftp://h/scim/v2/Users HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer secret"},
  };
  for (const auto& [name, line] : lines) {
    out.push_back(
        {"bad-request-line", name, raw(line + "\r\nConnection: close"), 400, "invalidSyntax"});
  }
}

void big_bodies(std::vector<Case>& out) {
  const std::string head =
      "POST /scim/v2/Users HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer secret\r\n"
      "Content-Type: application/scim+json\r\n";
  // Declared: refused from the header, before any of the body is read.
  out.push_back({"50mb-body", "declared-content-length",
                 head + "Content-Length: 52428800\r\n\r\n" + std::string(65536, ' '), 413, ""});
  // Sent: 50 MB in 1 MiB chunks; the server stops at its limit and answers while it drains.
  std::string chunked = head + "Transfer-Encoding: chunked\r\n\r\n";
  const std::string chunk = "100000\r\n" + std::string(1 << 20, ' ') + "\r\n";
  for (int i = 0; i < 50; ++i) chunked += chunk;
  out.push_back({"50mb-body", "chunked", chunked + "0\r\n\r\n", 413, ""});
  out.push_back({"50mb-body", "bulk-declared",
                 "POST /scim/v2/Bulk HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer secret\r\n"
                 "Content-Type: application/scim+json\r\nContent-Length: 52428800\r\n\r\n{",
                 413, ""});
}

void credentials(const Seeded& s, std::vector<Case>& out) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"missing", "-authorization"},
      {"scheme-only", "Authorization: Bearer"},
      {"wrong-token", "Authorization: Bearer wrong"},
      {"token-prefix", "Authorization: Bearer secre"},
      {"token-suffix", "Authorization: Bearer secrets"},
      {"token-case", "Authorization: Bearer SECRET"},
      {"long-token", "Authorization: Bearer " + std::string(5000, 'a')},
      {"basic-garbage", "Authorization: Basic !!!notbase64"},
      {"basic-unknown", "Authorization: Basic dXNlcjpwYXNz"},
      {"digest", "Authorization: Digest username=\"x\""},
      {"empty", "Authorization: "},
      {"two-tokens", "Authorization: Bearer secret, Bearer other"},
  };
  for (const auto& [name, header] : bad) {
    out.push_back(
        {"bad-credentials", name, request("GET", "/Users/" + s.user_id, "", {header}), 401, ""});
  }
  out.push_back({"bad-credentials", "write-without-token",
                 scim("POST", "/Users", user_with({{"userName", "anon"}}), {"-authorization"}), 401,
                 ""});
  out.push_back({"bad-credentials", "other-tenant-path",
                 "GET /tenants/acme/scim/v2/Users HTTP/1.1\r\nHost: h\r\n"
                 "Authorization: Bearer secret\r\nConnection: close\r\n\r\n",
                 401, ""});
}

}  // namespace

std::vector<Case> http_cases(const Seeded& seeded) {
  std::vector<Case> out;
  host_and_framing(out);
  heads(out);
  big_bodies(out);
  credentials(seeded, out);
  return out;
}

}  // namespace scim::test::hostile
