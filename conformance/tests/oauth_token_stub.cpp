// A minimal OAuth 2.0 token endpoint for conformance/tests/gate_e2e.sh, so the runner's token
// exchange (RFC 6749 §4.4, client credentials) is tested end to end against the reference server,
// which has no token endpoint of its own. Test code only: it is never installed or packaged.
//   oauth_token_stub CLIENT_ID CLIENT_SECRET ACCESS_TOKEN
// binds 127.0.0.1 port 0, prints "listening on http://127.0.0.1:PORT/token" and answers until it
// is killed: POST /token with the client authenticated by HTTP Basic (RFC 6749 §2.3.1: id and
// secret form-encoded first) and grant_type=client_credentials gets ACCESS_TOKEN (§5.1); wrong
// credentials get 401 invalid_client, anything else 400 (§5.2). One connection at a time.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "scim/conformance/http.hpp"
#include "scim/protocol/encoding.hpp"

namespace {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

struct Client {
  std::string id, secret, token;
};

bhttp::response<bhttp::string_body> token_answer(const bhttp::request<bhttp::string_body>& req,
                                                 const Client& client) {
  auto answer = [&req](bhttp::status status, nlohmann::json body) {
    bhttp::response<bhttp::string_body> res{status, req.version()};
    res.set(bhttp::field::content_type, "application/json");
    res.set(bhttp::field::cache_control, "no-store");  // RFC 6749 §5.1
    res.keep_alive(req.keep_alive());
    res.body() = body.dump();
    res.prepare_payload();
    return res;
  };
  if (req.method() != bhttp::verb::post || req.target() != "/token") {
    return answer(bhttp::status::bad_request, {{"error", "invalid_request"}});
  }
  const auto expected = "Basic " + scim::base64_encode(scim::conf::percent_encode(client.id) + ":" +
                                                       scim::conf::percent_encode(client.secret));
  if (req[bhttp::field::authorization] != expected) {
    return answer(bhttp::status::unauthorized, {{"error", "invalid_client"}});
  }
  const std::string body = req.body();
  if (body != "grant_type=client_credentials" &&
      !body.starts_with("grant_type=client_credentials&")) {
    return answer(bhttp::status::bad_request, {{"error", "unsupported_grant_type"}});
  }
  return answer(bhttp::status::ok,
                {{"access_token", client.token}, {"token_type", "Bearer"}, {"expires_in", 3600}});
}

void serve(tcp::socket& socket, const Client& client) {
  boost::beast::flat_buffer buffer;
  for (;;) {
    bhttp::request<bhttp::string_body> req;
    boost::system::error_code ec;
    bhttp::read(socket, buffer, req, ec);
    if (ec) return;
    const auto res = token_answer(req, client);
    bhttp::write(socket, res, ec);
    if (ec || !res.keep_alive()) return;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: oauth_token_stub CLIENT_ID CLIENT_SECRET ACCESS_TOKEN\n";
    return 2;
  }
  const Client client{argv[1], argv[2], argv[3]};
  net::io_context ioc;
  tcp::acceptor acceptor(ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
  std::cout << "listening on http://127.0.0.1:" << acceptor.local_endpoint().port() << "/token"
            << std::endl;
  for (;;) {
    tcp::socket socket(ioc);
    boost::system::error_code ec;
    acceptor.accept(socket, ec);
    if (ec) return 1;
    serve(socket, client);
  }
}
