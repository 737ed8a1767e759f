// One HTTP/1.1 connection (plain or TLS): wait for a request, read it within the limits, hand it
// to the handler (the middleware chain), write the answer, repeat while keep-alive holds. The
// session only reads and writes; every decision about the request is the chain's.
//
// Limits (RFC 9110 / RFC 6585 statuses, bodies per RFC 7644 §3.12): header too large -> 431,
// body too large -> 413, request not complete within read_timeout -> 408, malformed -> 400;
// each of those closes the connection because the rest of the stream cannot be trusted.
//
// A response may ask for another delivery (api Delivery, set by the mock's fault injection):
// written after a delay (a timer, so no thread waits), the connection reset or closed instead of
// answering, or the body cut off after some bytes and the connection closed.
//
// Per request the session does as little as a bare Beast server (bench/src/ceiling_server.cpp):
// the socket's executor is a concrete type (the io_context's own with one I/O thread, where no
// two handlers of a session can run at once; a strand with more), a request that arrived whole
// is parsed from the buffer without another read, an answer the socket takes at once is written
// without a round through the executor, and the timeouts share one lazily armed timer. Less than
// it, an answer's head is written into one reused string (answer_wire.hpp, the bytes Beast's
// serializer would write) instead of a Beast message with a heap block per field.
#include "scim/server/http/server_state.hpp"

#include "scim/server/http/answer_wire.hpp"
#include "scim/server/http/beast_request.hpp"
#include "scim/server/http/deadline.hpp"
#include "scim/server/http/head_rules.hpp"

#include <algorithm>
#include <array>
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

#include "scim/server/api/responses.hpp"

namespace scim::http::detail {
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

using Clock = LazyDeadline::Clock;
constexpr std::size_t kReadChunk = 4096;
constexpr auto kRejectTimeout = std::chrono::milliseconds(5000);
constexpr auto kTlsShutdownTimeout = std::chrono::milliseconds(2000);
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

// What the session's one deadline currently bounds, and so what its expiry does.
enum class Phase {
  None,       // nothing: the handler runs, or the session is done
  Wait,       // the first bytes of the next request (read or idle timeout)
  Read,       // the rest of the request, from its first byte (read timeout)
  Write,      // the answer (write timeout)
  Handshake,  // the TLS handshake (read timeout)
  Shutdown,   // the TLS close_notify exchange
  Linger,     // the lingering close's drain
};

template <class Socket, bool Tls>
class Session : public SessionBase {
  using Stream = std::conditional_t<Tls, beast::ssl_stream<Socket>, Socket>;
  using Executor = typename Socket::executor_type;
  using Timer = net::basic_waitable_timer<Clock, net::wait_traits<Clock>, Executor>;

 public:
  Session(ServerState& state, Stream stream, bool reject)
      : state_(state),
        limits_(state.options.limits),
        stream_(std::move(stream)),
        buffer_(limits_.max_header_bytes + 64 * 1024),
        timer_(stream_.get_executor()),
        delay_timer_(stream_.get_executor()),
        deadline_(std::min({limits_.read_timeout, limits_.idle_timeout, limits_.write_timeout})),
        slot_{state},
        reject_(reject) {
    beast::error_code ec;
    auto local = lowest().local_endpoint(ec);
    connection_.tls = Tls;
    if (!ec) connection_.local_address = local.address().to_string();
    if (!ec) connection_.local_port = local.port();
    if constexpr (!Tls) {
      // Synchronous writes then return would_block instead of waiting (write_now).
      lowest().non_blocking(true, ec);
      write_inline_ = !ec;
    }
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
      beast::error_code ignored;
      if (self->idle_) self->lowest().cancel(ignored);
    });
  }

 private:
  std::shared_ptr<Session> self() { return std::static_pointer_cast<Session>(shared_from_this()); }
  Socket& lowest() { return beast::get_lowest_layer(stream_); }

  void do_handshake() {
    if constexpr (Tls) {
      set_deadline(limits_.read_timeout, Phase::Handshake);
      stream_.async_handshake(ssl::stream_base::server, [self = self()](beast::error_code ec) {
        self->clear_deadline();
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
    set_deadline(wait, Phase::Wait);
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
    set_deadline(reject_ ? kRejectTimeout : limits_.read_timeout, Phase::Read);
    // Most requests arrive whole with their first bytes: parse what is buffered first.
    if (auto ec = parse_buffered(false)) return on_read_error(ec);
    if (parser_->is_header_done()) return on_header({});
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = self()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  // Feeds the buffered bytes to the parser as Beast's read operations do, until the header (or
  // the whole message) is done or the parser needs bytes that have not arrived yet. Returns
  // the parser's error (431, 413 and 400 in on_read_error), none when it only needs more.
  beast::error_code parse_buffered(bool whole_message) {
    beast::error_code ec;
    while (buffer_.size() > 0 &&
           !(whole_message ? parser_->is_done() : parser_->is_header_done())) {
      const std::size_t used = parser_->put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec == bhttp::error::need_more) return {};
      if (ec || used == 0) return ec;
    }
    return ec;
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

  // The deadline set when the request's first bytes arrived still holds: read_timeout bounds
  // header and body together.
  void do_read_body() {
    if (auto ec = parse_buffered(true)) return on_read_error(ec);
    if (parser_->is_done()) return dispatch();
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
    clear_deadline();
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
  // back on this session's executor. The I/O thread returns at once to serve other connections.
  void dispatch_waiting(server::Request&& request, bool keep_alive, unsigned version, bool head) {
    clear_deadline();
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
    clear_deadline();
    using Action = server::Delivery::Action;
    if (response.delivery.delay.count() > 0) {
      return delay_then_write(std::move(response), keep_alive, version, head);
    }
    if (response.delivery.action == Action::Reset) return do_reset();
    if (response.delivery.action == Action::Close) return do_close();
    if (response.delivery.action == Action::Write) {
      settle_answer(response);
      if (answer_head(response, keep_alive, version, head_)) {
        body_ = std::move(response.body);
        if (head) body_.clear();  // RFC 9110 §9.3.2: HEAD keeps Content-Length, no body
        return after_batch(&Session::write_answer, keep_alive);
      }
    }
    response_.emplace();
    to_beast_response(response, keep_alive, version, head, *response_);
    if (response.delivery.action == Action::Truncate) {
      set_deadline(limits_.write_timeout, Phase::Write);
      return write_truncated(response.delivery.truncate_at);
    }
    serializer_.emplace(*response_);
    after_batch(&Session::write_serialized, keep_alive);
  }

  // The answer is ready; it is written once the requests that arrived with this one (the
  // reactor's batch, already queued on the executor) have been served. A client such as a load
  // generator with many connections then wakes once for several answers instead of once per
  // answer, and waking a sleeping peer is the dearest part of a small write on loopback
  // (docs/performance.md, item 26). A lone request waits for nothing: the queue is empty.
  // Never nested: each answer's write, and so the next pipelined request, starts from the
  // executor (RFC 9112 §9.3.2: the answers still go out in the order of the requests).
  void after_batch(void (Session::*send)(bool), bool keep_alive) {
    net::post(stream_.get_executor(),
              [self = self(), send, keep_alive] { ((*self).*send)(keep_alive); });
  }

  // The Beast message through its serializer: at once when the socket takes it (write_now),
  // else asynchronously under the write timeout.
  void write_serialized(bool keep_alive) {
    if (write_now(keep_alive)) return;
    set_deadline(limits_.write_timeout, Phase::Write);
    bhttp::async_write(stream_, *serializer_,
                       [self = self(), keep_alive](beast::error_code ec, std::size_t) {
                         self->on_write(ec, keep_alive);
                       });
  }

  // The head and the body as two buffers of one write (answer_wire.hpp: the bytes Beast would
  // write). Over plain TCP written at once when the socket takes them, as write_now; what it
  // does not take (and, over TLS, everything) goes on asynchronously under the write timeout.
  //
  // The rest goes as a buffers_cat, not as a std::array of two: Asio's async_write hands a
  // two-array on as {rest of the head, rest of the body} at every step, the first one empty once
  // the head is out, and Beast's ssl_stream (flat_stream, Boost 1.74) writes a prefix of 0 bytes
  // when an empty buffer comes before one over its 16 KiB limit; async_write takes that 0 as the
  // end, and the client waited for a body that never came (a TLS answer over 16 KiB). The
  // general sequence path skips what is written, so the TLS stream always gets bytes to write.
  void write_answer(bool keep_alive) {
    std::size_t written = 0;
    if constexpr (!Tls) {
      if (write_inline_) {
        beast::error_code ec;
        const std::array<net::const_buffer, 2> whole{net::buffer(head_), net::buffer(body_)};
        written = net::write(stream_, whole, ec);
        if (ec != net::error::would_block && ec != net::error::try_again) {
          return on_write(ec, keep_alive);
        }
      }
    }
    const std::size_t head_written = std::min(written, head_.size());
    const auto rest = beast::buffers_cat(net::buffer(head_) + head_written,
                                         net::buffer(body_) + (written - head_written));
    set_deadline(limits_.write_timeout, Phase::Write);
    net::async_write(stream_, rest, [self = self(), keep_alive](beast::error_code ec, std::size_t) {
      self->on_write(ec, keep_alive);
    });
  }

  // Most answers fit the socket's send buffer: written at once, with no write deadline. What
  // the socket does not take at once (would_block) goes on asynchronously from where the
  // serializer stopped, under the write timeout.
  bool write_now(bool keep_alive) {
    if constexpr (Tls) {
      return false;
    } else {
      if (!write_inline_) return false;
      beast::error_code ec;
      bhttp::write(stream_, *serializer_, ec);
      if (ec == net::error::would_block || ec == net::error::try_again) return false;
      on_write(ec, keep_alive);
      return true;
    }
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
    clear_deadline();
    beast::error_code ec;
    lowest().set_option(net::socket_base::linger(true, 0), ec);
    lowest().close(ec);
  }

  void on_write(beast::error_code ec, bool keep_alive) {
    clear_deadline();
    ++served_;
    if (ec) return do_close();
    if (!keep_alive) return do_close(/*linger=*/true);
    serializer_.reset();
    response_.reset();
    head_.clear();              // its capacity serves the next answer
    std::string().swap(body_);  // a large body is not kept while the connection idles
    do_wait_request();  // a pipelined request is parsed from the buffer (after_batch: no nesting)
  }

  // One deadline at a time, on one lazily armed timer (deadline.hpp): setting it is usually a
  // store; on expiry the phase decides what happens.
  void set_deadline(std::chrono::milliseconds after, Phase phase) {
    phase_ = phase;
    if (auto at = deadline_.set(Clock::now(), after)) start_timer(*at);
  }

  void clear_deadline() {
    phase_ = Phase::None;
    deadline_.clear();
  }

  void start_timer(Clock::time_point at) {
    const auto generation = ++timer_generation_;
    timer_.expires_at(at);  // a pending wait is cancelled, and its generation is stale anyway
    timer_.async_wait([weak = weak_from_this(), generation](beast::error_code ec) {
      auto base = weak.lock();
      auto* session = static_cast<Session*>(base.get());
      if (ec || !session || session->timer_generation_ != generation) return;
      session->on_timer();
    });
  }

  void on_timer() {
    const auto fired = deadline_.fired(Clock::now());
    if (fired.rearm_at) return start_timer(*fired.rearm_at);
    if (!fired.expired) return;
    const Phase phase = std::exchange(phase_, Phase::None);
    timed_out_ = true;
    beast::error_code ignored;
    // A read is cancelled, so that the client still gets its 408 (or, idle, a plain close); a
    // write, handshake or TLS shutdown that overran closes the socket, as Beast's stream did.
    if (phase == Phase::Wait || phase == Phase::Read || phase == Phase::Linger) {
      lowest().cancel(ignored);
    } else {
      lowest().close(ignored);
    }
  }

  void do_close(bool linger = false) {
    clear_deadline();
    beast::error_code ec;
    if constexpr (Tls) {
      set_deadline(kTlsShutdownTimeout, Phase::Shutdown);
      stream_.async_shutdown([self = self()](beast::error_code) {
        self->clear_deadline();
        beast::error_code ignored;
        self->lowest().close(ignored);
      });
    } else {
      stream_.shutdown(tcp::socket::shutdown_send, ec);
      if (ec || !linger) {
        stream_.close(ec);
        return;
      }
      // RFC 9112 §9.6: closing with unread request bytes would reset the connection, and the
      // client could lose the response it has not read yet (a 413 for a body it is still
      // sending). Half-close, then read and discard for a bounded moment.
      timed_out_ = false;
      set_deadline(kLingerTime, Phase::Linger);
      do_drain(0);
    }
  }

  void do_drain(std::size_t drained) {
    if constexpr (!Tls) {
      buffer_.clear();
      stream_.async_read_some(buffer_.prepare(kReadChunk),
                              [self = self(), drained](beast::error_code ec, std::size_t n) {
                                if (ec || self->timed_out_ || drained + n > kLingerBytes) {
                                  self->clear_deadline();
                                  beast::error_code ignored;
                                  self->stream_.close(ignored);
                                  return;
                                }
                                self->do_drain(drained + n);
                              });
    }
  }

  ServerState& state_;
  const Limits limits_;
  Stream stream_;
  beast::flat_buffer buffer_;
  Timer timer_;        // the session's deadline (set_deadline)
  Timer delay_timer_;  // injected latency (Delivery::delay)
  LazyDeadline deadline_;
  Phase phase_ = Phase::None;
  std::uint64_t timer_generation_ = 0;
  bool timed_out_ = false;
  bool write_inline_ = false;
  std::string truncated_;  // the bytes of a truncated response while they are written
  SlotGuard slot_;
  server::Connection connection_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::empty_body>> continue_;
  std::optional<BeastResponse> response_;
  std::optional<bhttp::response_serializer<bhttp::string_body>> serializer_;
  std::string head_;  // the answer's status line and fields while they are written
  std::string body_;  // and its body
  std::size_t served_ = 0;
  bool reject_ = false;
  bool idle_ = false;
  bool stopping_ = false;
};

template <class Socket>
void launch(ServerState& state, Socket socket, bool reject) {
  state.connections.fetch_add(1);
  if (reject) state.rejected_connections.fetch_add(1);
  if (state.tls) {
    beast::ssl_stream<Socket> stream(std::move(socket), *state.tls);
    std::make_shared<Session<Socket, true>>(state, std::move(stream), reject)->start();
  } else {
    std::make_shared<Session<Socket, false>>(state, std::move(socket), reject)->start();
  }
}

}  // namespace

void launch_session(ServerState& state, IoSocket socket, bool reject) {
  launch(state, std::move(socket), reject);
}

void launch_session(ServerState& state, StrandSocket socket, bool reject) {
  launch(state, std::move(socket), reject);
}

}  // namespace scim::http::detail
