// The session's I/O paths over real sockets, with one I/O thread (the sockets on the io_context's
// own executor) and with two (a strand per connection): requests parsed from what is already
// buffered (pipelined or whole) and read further when they arrive in pieces; answers written at
// once or, when the socket does not take them, continued asynchronously under the write
// timeout; the read and idle timeouts on the session's lazily armed deadline (RFC 9112 §9.3
// persistence, §9.3.2 pipelining; RFC 9110 §15.5.9 408).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "scim/server/http/server.hpp"
#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/running_server.hpp"

namespace scim::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kBigAnswer = 8 * 1024 * 1024;  // far more than a socket takes at once

// Answers "<target> <body size>", or kBigAnswer bytes for /big. No authentication layer: the
// transport is what is tested.
class EchoTarget : public server::Handler {
 public:
  server::Response handle(const server::Request& request) override {
    server::Response r;
    r.headers.emplace_back("Content-Type", "text/plain");
    r.body = request.target == "/big" ? std::string(kBigAnswer, 'x')
                                      : request.target + " " + std::to_string(request.body.size());
    return r;
  }
};

class Session : public ::testing::TestWithParam<unsigned> {
 protected:
  void start(http::Limits limits = {}) {
    http::HttpOptions options;
    options.threads = GetParam();
    options.limits = limits;
    options.limits.shutdown_timeout = 5s;
    server_ = std::make_unique<RunningServer>(options, handler_);
    const std::string error = server_->start();
    ASSERT_TRUE(error.empty()) << error;
  }
  std::string root() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }
  // Waits up to `limit` for the server to have `count` open connections.
  bool open_within(std::size_t count, std::chrono::milliseconds limit) {
    const auto end = Clock::now() + limit;
    while (Clock::now() < end) {
      if (server_->open_connections() == count) return true;
      std::this_thread::sleep_for(5ms);
    }
    return server_->open_connections() == count;
  }

  EchoTarget handler_;
  std::unique_ptr<RunningServer> server_;  // after the handler: stopped before it goes
};

// RFC 9112 §9.3.2: the answers of pipelined requests come in the order of the requests. 300
// requests in one send: most are parsed from the buffer, and the session must not nest one
// request's calls in the previous one's.
TEST_P(Session, PipelinedRequestsAreAnsweredInOrder) {
  start();
  RawConnection raw(root());
  ASSERT_TRUE(raw.connected());
  std::string pipelined;
  constexpr int kRequests = 300;
  for (int i = 0; i < kRequests; ++i) {
    pipelined += "GET /r" + std::to_string(i) + " HTTP/1.1\r\nHost: h\r\n";
    pipelined += i + 1 == kRequests ? "Connection: close\r\n\r\n" : "\r\n";
  }
  ASSERT_TRUE(raw.send(pipelined));
  const std::string answers = raw.receive_until_close(20'000);
  std::size_t at = 0;
  for (int i = 0; i < kRequests; ++i) {
    const std::string status = "HTTP/1.1 200 OK\r\n";
    const std::string body = "\r\n\r\n/r" + std::to_string(i) + " 0";
    at = answers.find(status, at);
    ASSERT_NE(at, std::string::npos) << "no answer " << i;
    at = answers.find(body, at);
    ASSERT_NE(at, std::string::npos) << "answer " << i << " out of order or missing";
  }
  EXPECT_EQ(answers.find("HTTP/1.1", at), std::string::npos) << "more answers than requests";
}

// A request whose head, then body, arrive in pieces is read on from where the buffered bytes
// ended, under the read timeout counted from its first byte.
TEST_P(Session, RequestInPiecesIsReadWhole) {
  start();
  RawConnection raw(root());
  ASSERT_TRUE(raw.connected());
  ASSERT_TRUE(raw.send("POST /pieces HTTP/1.1\r\nHo"));
  std::this_thread::sleep_for(100ms);
  ASSERT_TRUE(raw.send("st: h\r\nContent-Length: 10\r\nConnection: close\r\n\r\n12345"));
  std::this_thread::sleep_for(100ms);
  ASSERT_TRUE(raw.send("67890"));
  const std::string answer = raw.receive_until_close(10'000);
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
  EXPECT_NE(answer.find("\r\n\r\n/pieces 10"), std::string::npos) << answer;
}

// An answer larger than the socket takes at once goes on asynchronously and arrives whole, and
// the connection is kept for the next request.
TEST_P(Session, LargeAnswerArrivesWholeOnAKeptConnection) {
  start();
  HttpClient client;
  client.set_timeout_ms(20'000);
  auto big = client.get(root() + "/big");
  ASSERT_EQ(big.status, 200) << big.error;
  EXPECT_EQ(big.body.size(), kBigAnswer);
  EXPECT_EQ(big.body.find_first_not_of('x'), std::string::npos);
  auto small = client.get(root() + "/after");
  EXPECT_EQ(small.status, 200) << small.error;
  EXPECT_EQ(small.body, "/after 0");
  EXPECT_EQ(small.new_connections, 0);
}

// A client that stops reading is dropped once the write timeout passes, and not before.
TEST_P(Session, ReaderThatStopsIsDroppedAtTheWriteTimeout) {
  http::Limits limits;
  limits.write_timeout = 500ms;
  start(limits);
  RawConnection reader(root(), 8 * 1024);  // a small window: the server's writes block
  ASSERT_TRUE(reader.connected());
  ASSERT_TRUE(open_within(1, 10s)) << "the connection was not accepted";
  const auto sent = Clock::now();
  ASSERT_TRUE(reader.send("GET /big HTTP/1.1\r\nHost: h\r\n\r\n"));  // never read
  EXPECT_TRUE(open_within(0, 10s)) << "the stalled write was not cut off";
  EXPECT_GE(Clock::now() - sent, 500ms);
}

// RFC 9110 §15.5.9: a head that never ends gets 408 at the read timeout, counted from its first
// byte, and not before.
TEST_P(Session, UnfinishedHeadGets408AtTheReadTimeout) {
  http::Limits limits;
  limits.read_timeout = 300ms;
  start(limits);
  RawConnection slow(root());
  ASSERT_TRUE(slow.connected());
  const auto sent = Clock::now();
  ASSERT_TRUE(slow.send("GET /slow HTTP/1.1\r\nHost: h\r\n"));
  const std::string answer = slow.receive_until_close(10'000);
  EXPECT_GE(Clock::now() - sent, 300ms);
  EXPECT_EQ(answer.rfind("HTTP/1.1 408", 0), 0u) << answer;
}

// A keep-alive connection is closed once it has been idle for the idle timeout, however long
// the read and write timeouts (the deadline's check interval is the shortest of the three).
TEST_P(Session, IdleConnectionIsClosedAtTheIdleTimeout) {
  http::Limits limits;
  limits.idle_timeout = 300ms;
  limits.read_timeout = 5s;
  limits.write_timeout = 6s;
  start(limits);
  RawConnection raw(root());
  ASSERT_TRUE(raw.connected());
  ASSERT_TRUE(raw.send("GET /once HTTP/1.1\r\nHost: h\r\n\r\n"));
  const auto sent = Clock::now();
  const std::string answer = raw.receive_until_close(10'000);
  const auto waited = Clock::now() - sent;
  EXPECT_NE(answer.find("\r\n\r\n/once 0"), std::string::npos) << answer;
  EXPECT_GE(waited, 300ms);
  EXPECT_LT(waited, 4500ms) << "closed by the read timeout, not the idle one";
}

// Answers "<target>". "/hold" keeps the server's one I/O thread until the test lets it go; of
// the two requests served after it, the second notes whether the first one's answer has already
// reached its client.
class BatchTarget : public server::Handler {
 public:
  server::Response handle(const server::Request& request) override {
    if (request.target == "/hold") {
      held.set_value();
      let_go.wait();
    } else if (++served == 2) {
      RawConnection* earlier = request.target == "/first" ? second : first;
      earlier_answered = earlier->open_and_silent() ? 0 : 1;
    }
    server::Response r;
    r.headers.emplace_back("Content-Type", "text/plain");
    r.body = request.target;
    return r;
  }

  RawConnection* first = nullptr;
  RawConnection* second = nullptr;
  std::promise<void> held;
  std::shared_future<void> let_go;
  std::atomic<int> served{0};
  std::atomic<int> earlier_answered{-1};  // -1: not known yet, 0: no, 1: yes
};

// docs/performance.md, item 26: an answer is written once the requests that arrived with it
// have been served. Two connections' requests that arrive while the server's only thread is
// busy are read in one batch: when the second is served, the first one's answer has not been
// written yet. Both answers then arrive whole.
TEST(SessionBatch, AnswersOfOneBatchAreWrittenAfterItsRequestsAreServed) {
  BatchTarget target;
  std::promise<void> go;
  target.let_go = go.get_future().share();
  http::HttpOptions options;
  options.threads = 1;
  options.limits.shutdown_timeout = 5s;
  RunningServer server(options, target);
  const std::string error = server.start();
  ASSERT_TRUE(error.empty()) << error;
  bool let_go = false;
  struct LetGo {  // before the server stops, on every way out, a failed assertion included
    std::promise<void>& go;
    bool& done;
    ~LetGo() {
      if (!done) go.set_value();
    }
  } let_go_on_exit{go, let_go};
  const std::string root = "http://127.0.0.1:" + std::to_string(server.port());
  {
    RawConnection hold(root), first(root), second(root);
    target.first = &first;
    target.second = &second;
    ASSERT_TRUE(hold.connected() && first.connected() && second.connected());
    const auto accepted_by = Clock::now() + 10s;
    while (server.open_connections() < 3 && Clock::now() < accepted_by) {
      std::this_thread::sleep_for(5ms);
    }
    ASSERT_EQ(server.open_connections(), 3u);
    ASSERT_TRUE(hold.send("GET /hold HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"));
    ASSERT_EQ(target.held.get_future().wait_for(10s), std::future_status::ready);
    ASSERT_TRUE(first.send("GET /first HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"));
    ASSERT_TRUE(second.send("GET /second HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"));
    go.set_value();
    let_go = true;
    const auto served_by = Clock::now() + 10s;
    while (target.earlier_answered.load() < 0 && Clock::now() < served_by) {
      std::this_thread::sleep_for(5ms);
    }
    EXPECT_EQ(target.earlier_answered.load(), 0)
        << "the first answer was written before the second request of its batch was served";
    EXPECT_NE(hold.receive_until_close(10'000).find("\r\n\r\n/hold"), std::string::npos);
    EXPECT_NE(first.receive_until_close(10'000).find("\r\n\r\n/first"), std::string::npos);
    EXPECT_NE(second.receive_until_close(10'000).find("\r\n\r\n/second"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(IoThreads, Session, ::testing::Values(1u, 2u),
                         [](const ::testing::TestParamInfo<unsigned>& info) {
                           return info.param == 1 ? "OneThread" : "TwoThreads";
                         });

}  // namespace
}  // namespace scim::test
