// One HTTP/1.1 connection (plain or TLS) on its own strand: wait for a request, read it within
// the limits, hand it to the handler (the middleware chain), write the answer, repeat while
// keep-alive holds. The session only reads and writes; every decision about the request is the
// chain's.
//
// Limits (RFC 9110 / RFC 6585 statuses, bodies per RFC 7644 §3.12): header too large -> 431,
// body too large -> 413, request not complete within read_timeout -> 408, malformed -> 400;
// each of those closes the connection because the rest of the stream cannot be trusted.
//
// A response may ask for another delivery (api Delivery, set by the mock's fault injection):
// written after a delay (a timer, so no thread waits), the connection reset or closed instead of
// answering, or the body cut off after some bytes and the connection closed.
#include "scim/server/http/server_state.hpp"

#include "scim/server/http/beast_request.hpp"
#include "scim/server/http/head_rules.hpp"

#include <algorithm>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cctype>
#include <exception>
#include <optional>
#include <sstream>

#include "scim/protocol/urns.hpp"
#include "scim/server/api/responses.hpp"

namespace scim::http::detail {
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
constexpr std::size_t kReadChunk = 4096;
constexpr auto kRejectTimeout = std::chrono::seconds(5);
// RFC 9112 §9.6 lingering close: after the last response, how long and how much of what the
// client still sends is read and discarded before the socket closes.
constexpr auto kLingerTime = std::chrono::milliseconds(1000);
constexpr std::size_t kLingerBytes = 8 * 1024 * 1024;

// Releases the connection slot when the session object goes away, whatever the path.
struct SlotGuard {
  ServerState& state;
  std::uint64_t tracker_id = 0;
  ~SlotGuard() {
    if (tracker_id != 0) state.tracker.remove(tracker_id);
    state.connections.fetch_sub(1);
  }
};

template <class Stream>
class Session : public SessionBase {
 public:
  Session(ServerState& state, Stream stream, bool reject)
      : state_(state),
        limits_(state.options.limits),
        stream_(std::move(stream)),
        buffer_(limits_.max_header_bytes + 64 * 1024),
        timer_(stream_.get_executor()),
        delay_timer_(stream_.get_executor()),
        slot_{state},
        reject_(reject) {
    beast::error_code ec;
    auto local = beast::get_lowest_layer(stream_).socket().local_endpoint(ec);
    connection_.tls = std::is_same_v<Stream, TlsStream>;
    if (!ec) connection_.local_address = local.address().to_string();
    if (!ec) connection_.local_port = local.port();
  }

  void start() {
    slot_.tracker_id = state_.tracker.add(weak_from_this());
    net::dispatch(stream_.get_executor(), [self = self()] { self->do_handshake(); });
  }

  void request_shutdown() override {
    net::post(stream_.get_executor(), [self = self()] {
      self->stopping_ = true;
      // Only a connection waiting for its next request is closed now; one in the middle of a
      // request finishes it first (graceful shutdown).
      if (self->idle_) beast::get_lowest_layer(self->stream_).cancel();
    });
  }

 private:
  std::shared_ptr<Session> self() { return std::static_pointer_cast<Session>(shared_from_this()); }

  void do_handshake() {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      beast::get_lowest_layer(stream_).expires_after(limits_.read_timeout);
      stream_.async_handshake(ssl::stream_base::server, [self = self()](beast::error_code ec) {
        beast::get_lowest_layer(self->stream_).expires_never();
        if (!ec) self->do_wait_request();
      });
    } else {
      do_wait_request();
    }
  }

  // Waits for the first bytes of the next request under the idle (or, for the first request,
  // read) timeout; the read timeout then covers the whole request.
  void do_wait_request() {
    parser_.emplace();
    timed_out_ = false;
    parser_->header_limit(static_cast<std::uint32_t>(limits_.max_header_bytes));
    // The parser checks Content-Length against this while reading the header, before the route
    // (and so the applicable limit) is known: start with the larger one, narrow in on_header.
    parser_->body_limit(std::max(limits_.max_body_bytes, limits_.max_bulk_body_bytes));
    if (buffer_.size() > 0) return do_read_header();  // pipelined bytes already buffered
    if (stopping_) return do_close();
    idle_ = true;
    auto wait = served_ == 0 ? limits_.read_timeout : limits_.idle_timeout;
    if (reject_) wait = std::min<std::chrono::milliseconds>(wait, kRejectTimeout);
    arm(wait);
    stream_.async_read_some(
        buffer_.prepare(kReadChunk),
        [self = self()](beast::error_code ec, std::size_t n) { self->on_first_bytes(ec, n); });
  }

  void on_first_bytes(beast::error_code ec, std::size_t n) {
    idle_ = false;
    buffer_.commit(n);
    if (timed_out_ && served_ == 0) {
      return write_error(http_error(408, "no request received within the read timeout"));
    }
    if (ec) return do_close();  // idle keep-alive timeout, peer closed, or shutdown
    do_read_header();
  }

  void do_read_header() {
    auto timeout = reject_ ? std::chrono::milliseconds(kRejectTimeout) : limits_.read_timeout;
    arm(timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = self()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    if (reject_) {
      return write_error(http_error(503, "too many open connections; retry later"), true);
    }
    auto& req = parser_->get();
    if (auto rejection = check_head(req)) return write_rejection(std::move(*rejection));
    const auto method = req.method_string();
    const auto target = req.target();
    std::size_t limit = state_.body_limit_for(std::string_view(method.data(), method.size()),
                                              std::string_view(target.data(), target.size()));
    auto length = parser_->content_length();
    if (length && *length > limit) return write_error(too_large(*length, limit));
    parser_->body_limit(limit);
    if (parser_->is_done()) return dispatch();
    if (beast::iequals(req[bhttp::field::expect], "100-continue")) return do_continue();
    do_read_body();
  }

  // RFC 9110 §10.1.1: a client that sent "Expect: 100-continue" waits for this interim answer.
  void do_continue() {
    continue_.emplace(bhttp::status::continue_, parser_->get().version());
    bhttp::async_write(stream_, *continue_, [self = self()](beast::error_code ec, std::size_t) {
      if (ec) return self->do_close();
      self->do_read_body();
    });
  }

  // The timer armed when the request's first bytes arrived keeps running: read_timeout bounds
  // header and body together.
  void do_read_body() {
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = self()](beast::error_code ec, std::size_t) {
                        if (ec) return self->on_read_error(ec);
                        self->dispatch();
                      });
  }

  // Host, framing, content codings, Expect and the field count (head_rules.hpp), checked before
  // any of the body is read.
  std::optional<HeadRejection> check_head(const BeastRequest& req) const {
    return check_request_head(head_fields(req, limits_.max_header_fields), req.version(),
                              limits_.max_header_fields);
  }

  void write_rejection(HeadRejection rejection) {
    auto response = server::error_response(rejection.error);
    for (auto& [name, value] : rejection.headers) response.headers.emplace_back(name, value);
    write(std::move(response), false, 11);
  }

  ScimError too_large(std::uint64_t length, std::size_t limit) const {
    return http_error(413, "request body of " + std::to_string(length) +
                               " bytes exceeds the limit of " + std::to_string(limit) + " bytes");
  }

  void on_read_error(beast::error_code ec) {
    disarm();
    if (timed_out_) {
      return write_error(http_error(408, "request not received within the read timeout"));
    }
    if (ec == bhttp::error::end_of_stream || ec == net::error::eof ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset) {
      return do_close();
    }
    if (ec == bhttp::error::header_limit) {
      return write_error(http_error(
          431, "request header exceeds " + std::to_string(limits_.max_header_bytes) + " bytes"));
    }
    if (ec == bhttp::error::body_limit) {
      return write_error(http_error(413, "request body exceeds the limit"));
    }
    write_error(invalid_syntax("malformed HTTP request: " + ec.message()));
  }

  void dispatch() {
    auto req = parser_->release();
    const bool head = req.method() == bhttp::verb::head;
    const unsigned version = req.version();
    bool keep_alive = req.keep_alive() && !stopping_ && !state_.stopping.load() &&
                      served_ + 1 < limits_.max_requests_per_connection;
    server::Request request = to_request(std::move(req), connection_);
    if (state_.may_wait && state_.may_wait(request)) {
      return dispatch_waiting(std::move(request), keep_alive, version, head);
    }
    write(serve(std::move(request)), keep_alive, version, head);
  }

  // A request that may wait (long poll, async wait) runs on the WaitPool; its answer is written
  // back on this session's strand. The I/O thread returns at once to serve other connections.
  void dispatch_waiting(server::Request&& request, bool keep_alive, unsigned version, bool head) {
    disarm();
    auto task = [self = self(), request = std::move(request), keep_alive, version, head]() mutable {
      auto response = self->serve(std::move(request));
      net::post(self->stream_.get_executor(),
                [self, response = std::move(response), keep_alive, version, head]() mutable {
                  self->write(std::move(response), keep_alive, version, head);
                });
    };
    if (state_.waiters.try_submit(std::move(task))) return;
    auto busy = server::error_response(http_error(
        503, "too many requests are waiting (" + std::to_string(limits_.max_waiting_requests) +
                 " at most); retry later"));
    busy.headers.emplace_back("Retry-After", "1");
    write(std::move(busy), keep_alive, version, head);
  }

  server::Response serve(server::Request&& request) {
    try {
      return state_.handler.take(std::move(request));
    } catch (const std::exception& e) {
      // Exceptions are bugs (docs/developing.md); RFC 7644 §3.12 asks 500s for debugging advice.
      return server::error_response(http_error(500, std::string("internal error: ") + e.what()));
    }
  }

  void write_error(const ScimError& error, bool retry_later = false) {
    HeadRejection rejection{error, {}};
    if (retry_later) rejection.headers.emplace_back("Retry-After", "1");
    write_rejection(std::move(rejection));
  }

  void write(server::Response response, bool keep_alive, unsigned version, bool head = false) {
    disarm();
    using Action = server::Delivery::Action;
    if (response.delivery.delay.count() > 0) {
      return delay_then_write(std::move(response), keep_alive, version, head);
    }
    if (response.delivery.action == Action::Reset) return do_reset();
    if (response.delivery.action == Action::Close) return do_close();
    if (response.status < 200 || response.status > 599) {
      response = server::error_response(http_error(500, "handler returned an invalid HTTP status"));
    }
    // RFC 9110 §15.3.5 / §15.4.5: 204 and 304 carry no content.
    if (response.status == 204 || response.status == 304) response.body.clear();
    response_.emplace();
    response_->version(version);
    response_->result(static_cast<unsigned>(response.status));
    response_->set(bhttp::field::server, "scim-reference-server");
    bool has_type = false;
    for (auto& [name, value] : response.headers) {
      has_type = has_type || beast::iequals(name, "content-type");
      response_->insert(name, value);
    }
    if (!has_type && !response.body.empty()) {
      response_->set(bhttp::field::content_type, std::string(urn::kScimMediaType));
    }
    response_->body() = std::move(response.body);
    response_->keep_alive(keep_alive);
    response_->prepare_payload();
    if (head) response_->body().clear();  // RFC 9110 §9.3.2: HEAD keeps Content-Length, no body
    beast::get_lowest_layer(stream_).expires_after(limits_.write_timeout);
    if (response.delivery.action == Action::Truncate) {
      return write_truncated(response.delivery.truncate_at);
    }
    bhttp::async_write(stream_, *response_,
                       [self = self(), keep_alive](beast::error_code ec, std::size_t) {
                         self->on_write(ec, keep_alive);
                       });
  }

  void delay_then_write(server::Response response, bool keep_alive, unsigned version, bool head) {
    const auto delay = response.delivery.delay;
    response.delivery.delay = std::chrono::milliseconds(0);
    delay_timer_.expires_after(delay);
    delay_timer_.async_wait([self = self(), r = std::move(response), keep_alive, version,
                             head](beast::error_code ec) mutable {
      if (ec) return self->do_close();
      self->write(std::move(r), keep_alive, version, head);
    });
  }

  // The status line, the headers (Content-Length still announcing the whole body) and the first
  // `keep` bytes of the body; then the connection closes, as a server that died mid-write would.
  void write_truncated(std::size_t keep) {
    std::ostringstream wire;
    wire << *response_;
    const std::string whole = wire.str();
    const auto header_end = whole.find("\r\n\r\n");
    const std::size_t cut = header_end == std::string::npos
                                ? whole.size()
                                : std::min(whole.size(), header_end + 4 + keep);
    truncated_ = whole.substr(0, cut);
    net::async_write(stream_, net::buffer(truncated_),
                     [self = self()](beast::error_code, std::size_t) { self->do_close(); });
  }

  // An abortive close: SO_LINGER with a zero timeout makes the kernel send RST instead of FIN.
  void do_reset() {
    disarm();
    auto& socket = beast::get_lowest_layer(stream_).socket();
    beast::error_code ec;
    socket.set_option(net::socket_base::linger(true, 0), ec);
    socket.close(ec);
  }

  void on_write(beast::error_code ec, bool keep_alive) {
    beast::get_lowest_layer(stream_).expires_never();
    ++served_;
    if (ec) return do_close();
    if (!keep_alive) return do_close(/*linger=*/true);
    response_.reset();
    do_wait_request();
  }

  // Read timeouts use a timer of their own rather than the stream's expiry, because the stream
  // closes the socket on expiry and the client would never see the 408.
  void arm(std::chrono::milliseconds duration) {
    auto generation = ++timer_generation_;
    timer_.expires_after(duration);
    timer_.async_wait([weak = weak_from_this(), generation](beast::error_code ec) {
      auto base = weak.lock();
      auto* session = static_cast<Session*>(base.get());
      if (ec || !session || session->timer_generation_ != generation) return;
      session->timed_out_ = true;
      beast::error_code ignored;
      beast::get_lowest_layer(session->stream_).socket().cancel(ignored);
    });
  }

  void disarm() {
    ++timer_generation_;
    timer_.cancel();
  }

  void do_close(bool linger = false) {
    disarm();
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(2));
      stream_.async_shutdown(
          [self = self()](beast::error_code) { beast::get_lowest_layer(self->stream_).close(); });
    } else {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
      if (ec || !linger) return stream_.close();
      // RFC 9112 §9.6: closing with unread request bytes would reset the connection, and the
      // client could lose the response it has not read yet (a 413 for a body it is still
      // sending). Half-close, then read and discard for a bounded moment.
      timed_out_ = false;
      arm(kLingerTime);
      do_drain(0);
    }
  }

  void do_drain(std::size_t drained) {
    if constexpr (!std::is_same_v<Stream, TlsStream>) {
      buffer_.clear();
      stream_.socket().async_read_some(
          buffer_.prepare(kReadChunk),
          [self = self(), drained](beast::error_code ec, std::size_t n) {
            if (ec || self->timed_out_ || drained + n > kLingerBytes) {
              self->disarm();
              return self->stream_.close();
            }
            self->do_drain(drained + n);
          });
    }
  }

  ServerState& state_;
  const Limits limits_;
  Stream stream_;
  beast::flat_buffer buffer_;
  net::steady_timer timer_;
  net::steady_timer delay_timer_;  // injected latency (Delivery::delay)
  std::string truncated_;          // the bytes of a truncated response while they are written
  std::uint64_t timer_generation_ = 0;
  bool timed_out_ = false;
  SlotGuard slot_;
  server::Connection connection_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::empty_body>> continue_;
  std::optional<bhttp::response<bhttp::string_body>> response_;
  std::size_t served_ = 0;
  bool reject_ = false;
  bool idle_ = false;
  bool stopping_ = false;
};

}  // namespace

void launch_session(ServerState& state, tcp::socket socket, bool reject) {
  state.connections.fetch_add(1);
  if (reject) state.rejected_connections.fetch_add(1);
  if (state.tls) {
    TlsStream stream(std::move(socket), *state.tls);
    std::make_shared<Session<TlsStream>>(state, std::move(stream), reject)->start();
  } else {
    PlainStream stream(std::move(socket));
    std::make_shared<Session<PlainStream>>(state, std::move(stream), reject)->start();
  }
}

}  // namespace scim::http::detail
