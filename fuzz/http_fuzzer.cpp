// Fuzz target: the HTTP request path, bytes in. The input is what a client sends on a connection
// (seeds: RFC 7644's request examples as HTTP/1.1 messages). Beast's parser reads it under the
// transport's limits, the head rules (Host, framing, codings, field count) judge the head, and a
// head they accept becomes the plain Request the session builds, served by the reference server's
// middleware chain. Same path as http/session.cpp, without the socket.
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>

#include "fuzz_support.hpp"
#include "response_check.hpp"
#include "scim/server/app/server.hpp"
#include "scim/server/http/beast_request.hpp"
#include "scim/server/http/head_rules.hpp"
#include "scim/server/http/options.hpp"

namespace {

namespace bhttp = boost::beast::http;

// Feeds every byte to the parser the way the session's reads do; true when a whole request came.
bool parse(std::string_view bytes, bhttp::request_parser<bhttp::string_body>& parser) {
  const scim::http::Limits limits;
  parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
  parser.body_limit(limits.max_bulk_body_bytes);
  parser.eager(true);
  boost::beast::error_code ec;
  while (!bytes.empty() && !parser.is_done()) {
    const auto used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
    if (ec == bhttp::error::need_more && used == 0) break;  // a truncated message
    if (ec && ec != bhttp::error::need_more) return false;
    bytes.remove_prefix(used);
  }
  if (parser.is_done()) return true;
  if (!parser.got_some()) return false;  // put_eof asserts that something was parsed
  parser.put_eof(ec);
  return !ec && parser.is_done();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace scim;
  bhttp::request_parser<bhttp::string_body> parser;
  if (!parse(fuzz::as_text(data, size), parser)) return 0;
  auto request = parser.release();
  const http::Limits limits;
  auto fields = http::detail::head_fields(request, limits.max_header_fields);
  if (http::check_request_head(fields, request.version(), limits.max_header_fields)) return 0;
  auto plain = http::detail::to_request(std::move(request), {false, "127.0.0.1", 8080});
  fuzz::check_response(fuzz::reference_server().handler().handle(plain));
  return 0;
}
