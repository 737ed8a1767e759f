// The Beast side of the loopback SET receiver: the listener only accepts, the session only reads
// and writes, and handle_push() (set_store.cpp) decides the answer. The one TU of the runner that
// includes Asio/Beast.
#include "scim/conformance/events/loopback_receiver.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <thread>

#include "scim/conformance/events/set_store.hpp"

namespace scim::conf {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// Member order matters: sessions still queued in `io` are destroyed with it and touch `options`
// and `connections`, so those are declared (and outlive) before it.
struct LoopbackReceiver::Impl {
  LoopbackOptions options;
  SetStore store;
  std::atomic<std::size_t> connections{0};
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  std::thread thread;
  unsigned short port = 0;

  explicit Impl(LoopbackOptions o) : options(std::move(o)), store(options.max_stored) {}
  void do_accept();
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, LoopbackReceiver::Impl& owner)
      : stream_(std::move(socket)), owner_(owner) {
    ++owner_.connections;
  }
  ~Session() { --owner_.connections; }

  void do_read() {
    parser_.emplace();
    parser_->body_limit(owner_.options.max_body_bytes);
    parser_->header_limit(16 * 1024);
    stream_.expires_after(owner_.options.idle_timeout);
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

 private:
  void on_read(beast::error_code ec) {
    if (ec == http::error::body_limit) return write_status(http::status::payload_too_large, false);
    if (ec) return;  // closed, timed out or unparseable: drop the connection
    auto request = parser_->release();
    Headers headers;
    for (const auto& field : request) {
      headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    const auto answer =
        handle_push(std::string(request.method_string()), std::string(request.target()),
                    owner_.options.path, headers, std::move(request.body()), owner_.store);
    response_ = {};
    response_.version(request.version());
    response_.result(static_cast<unsigned>(answer.status));
    if (!answer.content_type.empty()) response_.set(http::field::content_type, answer.content_type);
    if (!answer.allow.empty()) response_.set(http::field::allow, answer.allow);
    response_.body() = answer.body;
    response_.keep_alive(request.keep_alive());
    response_.prepare_payload();
    do_write();
  }

  void write_status(http::status status, bool keep_alive) {
    response_ = {};
    response_.result(status);
    response_.keep_alive(keep_alive);
    response_.prepare_payload();
    do_write();
  }

  void do_write() {
    http::async_write(
        stream_, response_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_write(ec); });
  }

  void on_write(beast::error_code ec) {
    if (ec || !response_.keep_alive()) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
      return;
    }
    do_read();
  }

  beast::tcp_stream stream_;
  LoopbackReceiver::Impl& owner_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
};

}  // namespace

void LoopbackReceiver::Impl::do_accept() {
  acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) {
      if (connections.load() < options.max_connections) {
        std::make_shared<Session>(std::move(socket), *this)->do_read();
      }  // else: the socket closes here, bounding concurrent connections
    }
    do_accept();
  });
}

Result<std::unique_ptr<LoopbackReceiver>, std::string> LoopbackReceiver::start(
    LoopbackOptions options) {
  auto impl = std::make_unique<Impl>(std::move(options));
  beast::error_code ec;
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), impl->options.port);
  impl->acceptor.open(endpoint.protocol(), ec);
  // A fixed --receiver-port must be reusable right after a previous run (TIME_WAIT).
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Unexpected{"SET receiver cannot listen on 127.0.0.1: " + ec.message()};
  impl->port = impl->acceptor.local_endpoint().port();
  impl->do_accept();
  impl->thread = std::thread([raw = impl.get()] { raw->io.run(); });
  return std::unique_ptr<LoopbackReceiver>(new LoopbackReceiver(std::move(impl)));
}

LoopbackReceiver::LoopbackReceiver(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

LoopbackReceiver::~LoopbackReceiver() {
  impl_->io.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::string LoopbackReceiver::url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + impl_->options.path;
}

std::vector<ReceivedSet> LoopbackReceiver::received() const {
  return impl_->store.all();
}

std::size_t LoopbackReceiver::total_received() const {
  return impl_->store.total();
}

std::optional<ReceivedSet> LoopbackReceiver::wait_for(
    const std::function<bool(const ReceivedSet&)>& match, std::chrono::milliseconds timeout) {
  return impl_->store.wait_for(match, timeout);
}

}  // namespace scim::conf
