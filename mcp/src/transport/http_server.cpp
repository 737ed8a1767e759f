// Boost.Beast listener and connections for the MCP endpoint. A connection reads one request
// (header limit, body limit rpc::kMaxFrameBytes, read timeout), asks the HttpEndpoint, and writes
// the answer; an SSE answer is written as HTTP/1.1 chunks as the worker produces messages, then
// the connection reads its next request. Everything runs on one io_context thread; workers reach
// a connection only by posting to it.
#include "scim/mcp/http_server.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <sstream>

namespace scim::mcp {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

struct HttpServer::Impl {
  HttpEndpoint& endpoint;
  net::io_context io{1};
  tcp::acceptor acceptor{io};
  std::atomic<std::size_t> connections{0};
  std::string url;

  explicit Impl(HttpEndpoint& e) : endpoint(e) {}
  void accept();
};

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, HttpServer::Impl& server)
      : stream_(std::move(socket)), server_(server) {}
  ~Connection() { server_.connections.fetch_sub(1); }

  void start() { read(); }

 private:
  const HttpOptions& options() const { return server_.endpoint.options(); }

  void read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options().max_header_bytes));
    parser_->body_limit(rpc::kMaxFrameBytes);
    stream_.expires_after(options().read_timeout);
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    stream_.expires_never();
    if (ec == bhttp::error::body_limit) return reply_error(413, "request body too large");
    if (ec == bhttp::error::header_limit) return reply_error(431, "request header too large");
    if (ec == beast::error::timeout && parser_->got_some()) {
      return reply_error(408, "request not received within the read timeout");
    }
    if (ec) return close();
    auto request = parser_->release();
    keep_alive_ = request.keep_alive();
    HttpIn in;
    in.method = std::string(request.method_string());
    in.target = std::string(request.target());
    for (const auto& field : request) {
      std::string name(field.name_string());
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      in.headers[name] = std::string(field.value());
    }
    in.body = std::move(request.body());
    HttpOut out;
    try {
      out = server_.endpoint.handle(in);
    } catch (const std::exception& e) {
      return reply_error(500, std::string("internal error: ") + e.what());
    }
    if (out.stream) return start_stream(out);
    write_response(std::move(out));
  }

  void reply_error(int status, const std::string& message) {
    keep_alive_ = false;
    HttpOut out;
    out.status = status;
    out.headers.emplace_back("Content-Type", "application/json");
    out.body = rpc::make_error(nullptr, -32000, message).dump();
    write_response(std::move(out));
  }

  void write_response(HttpOut out) {
    auto response = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(out.status), 11);
    for (auto& [name, value] : out.headers) response->set(name, value);
    response->body() = std::move(out.body);
    response->keep_alive(keep_alive_);
    response->prepare_payload();
    bhttp::async_write(stream_, *response,
                       [self = shared_from_this(), response](beast::error_code ec, std::size_t) {
                         if (ec || !self->keep_alive_) return self->close();
                         self->read();
                       });
  }

  // SSE over chunked transfer coding (RFC 9112 §7.1), written by hand so each event leaves as
  // soon as the worker produces it.
  void start_stream(const HttpOut& out) {
    stream_source_ = out.stream;
    std::ostringstream head;
    head << "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
         << "Transfer-Encoding: chunked\r\n";
    for (const auto& [name, value] : out.headers) head << name << ": " << value << "\r\n";
    if (!keep_alive_) head << "Connection: close\r\n";
    head << "\r\n";
    pending_ = head.str();
    // The wake keeps the connection alive while the call runs (nothing else may be pending on
    // it); the cycle is broken when the stream ends or the connection closes.
    auto self = shared_from_this();
    auto* io = &server_.io;
    stream_source_->set_wake([self, io] { net::post(*io, [self] { self->pump(); }); });
    pump();
  }

  void pump() {
    if (writing_ || !stream_source_) return;
    bool done = false;
    for (const auto& message : stream_source_->take(done)) {
      const auto event = sse_event(message);
      std::ostringstream chunk;
      chunk << std::hex << event.size() << "\r\n" << event << "\r\n";
      pending_ += chunk.str();
    }
    if (done) {
      pending_ += "0\r\n\r\n";
      stream_source_->set_wake({});
      stream_source_.reset();
    }
    if (pending_.empty()) return;
    writing_ = true;
    auto data = std::make_shared<std::string>(std::exchange(pending_, {}));
    const bool last = done;
    net::async_write(stream_.socket(), net::buffer(*data),
                     [self = shared_from_this(), data, last](beast::error_code ec, std::size_t) {
                       self->writing_ = false;
                       if (ec) return self->close();  // the call goes on; its output is dropped
                       if (!last) return self->pump();
                       if (!self->keep_alive_) return self->close();
                       self->read();
                     });
  }

  void close() {
    if (stream_source_) stream_source_->set_wake({});
    stream_source_.reset();
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  HttpServer::Impl& server_;
  beast::flat_buffer buffer_{8192};
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bool keep_alive_ = true;
  std::shared_ptr<SseStream> stream_source_;
  std::string pending_;
  bool writing_ = false;
};

}  // namespace

void HttpServer::Impl::accept() {
  acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted) return;
    if (!ec) {
      if (connections.fetch_add(1) >= endpoint.options().max_connections) {
        connections.fetch_sub(1);
        beast::error_code ignored;
        socket.close(ignored);  // over the limit: refuse at once rather than queue
      } else {
        std::make_shared<Connection>(std::move(socket), *this)->start();
      }
    }
    accept();
  });
}

HttpServer::HttpServer(HttpEndpoint& endpoint) : impl_(std::make_unique<Impl>(endpoint)) {}
HttpServer::~HttpServer() = default;

Status<std::string> HttpServer::listen() {
  const auto& o = impl_->endpoint.options();
  beast::error_code ec;
  auto address = net::ip::make_address(o.address == "localhost" ? "127.0.0.1" : o.address, ec);
  if (ec) return std::string("invalid listen address '" + o.address + "'");
  tcp::endpoint where(address, o.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(where.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(where, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    return "cannot listen on " + o.address + ":" + std::to_string(o.port) + ": " + ec.message();
  const auto bound = acceptor.local_endpoint();
  const auto host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]"
                                            : bound.address().to_string();
  impl_->url = "http://" + host + ":" + std::to_string(bound.port()) + o.path;
  impl_->accept();
  return Ok{};
}

std::string HttpServer::url() const {
  return impl_->url;
}

void HttpServer::run() {
  impl_->io.run();
}

void HttpServer::stop() {
  net::post(impl_->io, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->io.stop();
  });
}

}  // namespace scim::mcp
