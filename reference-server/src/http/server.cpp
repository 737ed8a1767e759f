// HttpServer: binds the acceptor, accepts connections (each on its own strand when several threads
// serve them), enforces the connection limit, runs the io_context on N threads and performs the
// graceful shutdown.
#include "scim/server/http/server.hpp"

#include "scim/server/http/server_state.hpp"
#include "scim/server/http/target.hpp"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <iostream>
#include <thread>
#include <vector>

namespace scim::http {
namespace detail {

std::uint64_t SessionTracker::add(std::weak_ptr<SessionBase> session) {
  std::lock_guard lock(mutex_);
  auto id = next_id_++;
  sessions_.emplace(id, std::move(session));
  return id;
}

void SessionTracker::remove(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(id);
}

void SessionTracker::shutdown_all() {
  std::vector<std::shared_ptr<SessionBase>> live;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, weak] : sessions_) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) s->request_shutdown();  // outside the lock: sessions remove themselves
}

ServerState::ServerState(HttpOptions opts, server::Handler& h, BodyLimitFor limit, MayWait waits)
    : options(std::move(opts)),
      handler(h),
      body_limit(std::move(limit)),
      may_wait(std::move(waits)),
      ioc(static_cast<int>(std::max(1u, options.threads))),
      waiters(options.limits.max_waiting_requests, [](std::string_view line) {
        std::cerr << "scim-reference-server: " << line << "\n";
      }) {}

std::size_t ServerState::body_limit_for(std::string_view method, std::string_view target) const {
  return body_limit ? body_limit(method, target) : options.limits.max_body_bytes;
}

}  // namespace detail

namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;
using Strand = net::strand<net::io_context::executor_type>;

struct HttpServer::Impl {
  Impl(HttpOptions o, server::Handler& h, BodyLimitFor limit, MayWait waits)
      : state(std::move(o), h, std::move(limit), std::move(waits)),
        strand(net::make_strand(state.ioc)),
        acceptor(strand),
        signals(strand),
        accept_timer(strand),
        drain_timer(strand) {}

  Status<std::string> load_tls();
  void do_accept();
  template <class Socket>
  void on_accept(boost::system::error_code ec, Socket socket);
  void begin_shutdown();
  void poll_drained(std::chrono::steady_clock::time_point deadline);

  detail::ServerState state;
  Strand strand;  // serialises the acceptor, signals and shutdown bookkeeping
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer accept_timer;
  net::steady_timer drain_timer;
  std::uint16_t port = 0;
  std::string host;
};

Status<std::string> HttpServer::Impl::load_tls() {
  const auto& tls = state.options.tls;
  if (tls.cert_file.empty() != tls.key_file.empty()) {
    return Unexpected{std::string("TLS needs both --tls-cert and --tls-key")};
  }
  if (!tls.enabled()) return Ok{};
  auto& ctx = state.tls.emplace(detail::ssl::context::tls_server);
  ctx.set_options(detail::ssl::context::default_workarounds | detail::ssl::context::no_sslv2 |
                  detail::ssl::context::no_sslv3 | detail::ssl::context::no_tlsv1 |
                  detail::ssl::context::no_tlsv1_1 |
                  (tls.tls13_only ? detail::ssl::context::no_tlsv1_2 : 0));
  boost::system::error_code ec;
  ctx.use_certificate_chain_file(tls.cert_file, ec);
  if (ec) return Unexpected{"cannot load TLS certificate " + tls.cert_file + ": " + ec.message()};
  ctx.use_private_key_file(tls.key_file, detail::ssl::context::pem, ec);
  if (ec) return Unexpected{"cannot load TLS key " + tls.key_file + ": " + ec.message()};
  return Ok{};
}

// Each connection gets a strand only when several threads run the io_context
// (server_state.hpp, IoSocket).
void HttpServer::Impl::do_accept() {
  if (state.options.threads == 1) {
    acceptor.async_accept(state.ioc.get_executor(),
                          [this](boost::system::error_code ec, detail::IoSocket socket) {
                            on_accept(ec, std::move(socket));
                          });
  } else {
    acceptor.async_accept(net::make_strand(state.ioc),
                          [this](boost::system::error_code ec, detail::StrandSocket socket) {
                            on_accept(ec, std::move(socket));
                          });
  }
}

template <class Socket>
void HttpServer::Impl::on_accept(boost::system::error_code ec, Socket socket) {
  if (state.stopping.load() || ec == net::error::operation_aborted) return;
  if (ec) {
    // Usually EMFILE: back off briefly instead of spinning on a failing accept.
    std::cerr << "accept failed: " << ec.message() << "\n";
    accept_timer.expires_after(std::chrono::milliseconds(50));
    accept_timer.async_wait([this](boost::system::error_code) { do_accept(); });
    return;
  }
  const auto max = state.options.limits.max_connections;
  const auto open = state.connections.load();
  if (open >= max + max / 4 + 16) {
    socket.close(ec);  // far beyond the limit: not even a 503 is affordable
    state.rejected_connections.fetch_add(1);
  } else {
    detail::launch_session(state, std::move(socket), open >= max);
  }
  do_accept();
}

void HttpServer::Impl::begin_shutdown() {
  if (state.stopping.exchange(true)) return;
  boost::system::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  accept_timer.cancel();
  state.tracker.shutdown_all();
  poll_drained(std::chrono::steady_clock::now() + state.options.limits.shutdown_timeout);
}

// Polls until every connection is gone (in-flight requests answered) or the grace period is
// over, then lets run() return.
void HttpServer::Impl::poll_drained(std::chrono::steady_clock::time_point deadline) {
  if (state.connections.load() == 0 || std::chrono::steady_clock::now() >= deadline) {
    state.ioc.stop();
    return;
  }
  state.tracker.shutdown_all();  // sessions that finished a request since the last round
  drain_timer.expires_after(std::chrono::milliseconds(20));
  drain_timer.async_wait([this, deadline](boost::system::error_code ec) {
    if (!ec) poll_drained(deadline);
  });
}

HttpServer::HttpServer(HttpOptions options, server::Handler& handler, BodyLimitFor body_limit,
                       MayWait may_wait) {
  if (options.threads == 0) options.threads = std::max(1u, std::thread::hardware_concurrency());
  impl_ = std::make_unique<Impl>(std::move(options), handler, std::move(body_limit),
                                 std::move(may_wait));
}

HttpServer::~HttpServer() = default;

Status<std::string> HttpServer::start() {
  if (auto tls = impl_->load_tls(); !tls) return tls;
  const auto& o = impl_->state.options;
  boost::system::error_code ec;
  auto address = net::ip::make_address(o.bind, ec);
  if (ec) return Unexpected{"invalid bind address '" + o.bind + "': " + ec.message()};
  tcp::endpoint endpoint(address, o.port);
  auto& acc = impl_->acceptor;
  acc.open(endpoint.protocol(), ec);
  if (!ec) acc.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(endpoint, ec);
  if (!ec) acc.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Unexpected{"cannot listen on " + o.bind + ":" + std::to_string(o.port) + ": " +
                      ec.message()};
  }
  impl_->port = acc.local_endpoint().port();
  impl_->host = address.is_v6() ? "[" + o.bind + "]" : o.bind;
  impl_->do_accept();
  impl_->state.listening.store(true);
  if (o.handle_signals) {
    impl_->signals.add(SIGINT);
    impl_->signals.add(SIGTERM);
    impl_->signals.async_wait([this](boost::system::error_code ec, int) {
      if (!ec) impl_->begin_shutdown();
    });
  }
  return Ok{};
}

std::string HttpServer::url() const {
  const auto& o = impl_->state.options;
  return std::string(o.tls.enabled() ? "https://" : "http://") + impl_->host + ":" +
         std::to_string(impl_->port) + normalise_base_path(o.base_path);
}

std::uint16_t HttpServer::port() const {
  return impl_->port;
}

std::size_t HttpServer::open_connections() const {
  return impl_->state.connections.load();
}

std::uint64_t HttpServer::rejected_connections() const {
  return impl_->state.rejected_connections.load();
}

bool HttpServer::accepting() const {
  return impl_->state.listening.load() && !impl_->state.stopping.load();
}

bool HttpServer::stopping() const {
  return impl_->state.stopping.load();
}

WaitPoolStats HttpServer::waiting() const {
  return impl_->state.waiters.stats();
}

void HttpServer::run() {
  auto work = [this] {
    while (true) {
      try {
        impl_->state.ioc.run();
        return;
      } catch (const std::exception& e) {
        // A bug escaped a handler: report it and keep the server alive.
        std::cerr << "unexpected exception in I/O thread: " << e.what() << "\n";
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < impl_->state.options.threads; ++i) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
}

void HttpServer::stop() {
  net::post(impl_->strand, [this] { impl_->begin_shutdown(); });
}

}  // namespace scim::http
