// scim-bench-ceiling: the framework's ceiling for ci/bench.sh. A bare Boost.Beast HTTP/1.1
// server that answers every request with the same 500-byte JSON body, on the same number of
// I/O threads as the reference server under test. Whatever it sustains under the same load
// generator is what Beast, the kernel and the client allow on this machine at this moment; every
// benchmark figure is printed as a ratio to it, because absolute numbers drift on shared machines.
//
// The shape follows Beast's async server example: the listener only accepts, a session only
// reads a request and writes the fixed answer, keep-alive as the client asks.
#include <utility>  // GCC 12 + Boost 1.74 in C++20: must precede Asio headers

#include <CLI/CLI.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

constexpr std::size_t kBodyBytes = 500;

// A SCIM-looking JSON object padded to exactly kBodyBytes.
std::string fixed_body() {
  std::string body =
      R"({"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"2819c223-7f76-453a-919d-413861904646","userName":"bjensen@example.com","pad":")";
  const std::string tail = "\"}";
  body.append(kBodyBytes - body.size() - tail.size(), 'x');
  return body + tail;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const std::string& body) : stream_(std::move(socket)), body_(body) {}
  void start() { do_read(); }

 private:
  void do_read() {
    request_ = {};
    bhttp::async_read(stream_, buffer_, request_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return self->close();
                        self->do_write();
                      });
  }

  void do_write() {
    response_ = {};
    response_.result(bhttp::status::ok);
    response_.version(request_.version());
    response_.set(bhttp::field::server, "scim-bench-ceiling");
    response_.set(bhttp::field::content_type, "application/scim+json");
    response_.body() = body_;
    response_.keep_alive(request_.keep_alive());
    response_.prepare_payload();
    bhttp::async_write(stream_, response_,
                       [self = shared_from_this()](beast::error_code ec, std::size_t) {
                         if (ec || !self->response_.keep_alive()) return self->close();
                         self->do_read();
                       });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  const std::string& body_;
  bhttp::request<bhttp::string_body> request_;
  bhttp::response<bhttp::string_body> response_;
};

class Listener {
 public:
  Listener(net::io_context& ioc, tcp::endpoint at, const std::string& body)
      : ioc_(ioc), acceptor_(net::make_strand(ioc), at), body_(body) {}
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  void do_accept() {
    acceptor_.async_accept(net::make_strand(ioc_), [this](beast::error_code ec, tcp::socket s) {
      if (ec) return;  // the acceptor closed: shutting down
      std::make_shared<Session>(std::move(s), body_)->start();
      do_accept();
    });
  }

 private:
  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  const std::string& body_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Bare Boost.Beast server answering a fixed 500-byte JSON body (benchmark ceiling)");
  std::string bind = "127.0.0.1";
  unsigned short port = 0;
  unsigned threads = 1;
  app.add_option("--bind", bind, "Address to listen on");
  app.add_option("--port", port, "TCP port; 0 picks a free one (printed)");
  app.add_option("--threads", threads, "I/O threads (match the server under test)")
      ->check(CLI::Range(1u, 256u));
  CLI11_PARSE(app, argc, argv);

  const std::string body = fixed_body();
  net::io_context ioc(static_cast<int>(threads));
  beast::error_code ec;
  auto address = net::ip::make_address(bind, ec);
  if (ec) {
    std::cerr << "scim-bench-ceiling: bad --bind " << bind << "\n";
    return 2;
  }
  Listener listener(ioc, {address, port}, body);
  listener.do_accept();
  net::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) { ioc.stop(); });
  std::cout << "listening on http://" << bind << ":" << listener.port() << "/" << std::endl;
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  return 0;
}
