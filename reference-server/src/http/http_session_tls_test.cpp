// The session's answers over TLS (RFC 7644 §7.2), written as the head and the body of one write
// (answer_wire.hpp) through Beast's ssl_stream: bodies under and over a 16 KiB TLS record and
// over what a socket takes at once, HEAD, HTTP/1.0, "Connection: close" and pipelined requests
// (RFC 9112 §9.3 persistence, §9.3.2 pipelining), checked byte for byte as the client reads them.
#include <gtest/gtest.h>

#include <charconv>
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>

#include "scim/server/http/server.hpp"
#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/running_server.hpp"
#include "scim/server/testing/tls_cert.hpp"

namespace scim::test {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kOverOneRecord = 40'000;           // a TLS record holds 16 KiB
constexpr std::size_t kOverTheSocket = 8 * 1024 * 1024;  // far more than a socket takes at once

// `size` bytes of a counting pattern: a piece lost, repeated or moved shows in the comparison.
std::string patterned(std::size_t size) {
  std::string out;
  out.reserve(size + 16);
  for (std::size_t i = 0; out.size() < size; ++i) out += std::to_string(i) + ',';
  out.resize(size);
  return out;
}

// Answers /mid and /big with patterned bodies of kOverOneRecord and kOverTheSocket bytes,
// anything else with "<target> <request body size>". No authentication layer: the transport is
// what is tested.
class PatternTarget : public server::Handler {
 public:
  server::Response handle(const server::Request& request) override {
    server::Response r;
    r.headers.emplace_back("Content-Type", "text/plain");
    if (request.target == "/mid") {
      r.body = patterned(kOverOneRecord);
    } else if (request.target == "/big") {
      r.body = patterned(kOverTheSocket);
    } else {
      r.body = request.target + " " + std::to_string(request.body.size());
    }
    return r;
  }
};

// One answer cut from the front of `wire`: the head up to its empty line and Content-Length
// bytes of body (none for a HEAD answer). Empty head when no whole answer is there.
struct WireAnswer {
  std::string head;
  std::string body;
};

WireAnswer take_answer(std::string_view& wire, bool head_request) {
  const auto end = wire.find("\r\n\r\n");
  if (end == std::string_view::npos) return {};
  const std::string_view head = wire.substr(0, end + 4);
  constexpr std::string_view kLength = "Content-Length: ";
  const auto at = head.find(kLength);
  if (at == std::string_view::npos) return {};
  std::size_t length = 0;
  const char* digits = head.data() + at + kLength.size();
  std::from_chars(digits, head.data() + head.size(), length);
  const std::size_t body = head_request ? 0 : length;
  if (wire.size() < head.size() + body) return {};
  WireAnswer out{std::string(head), std::string(wire.substr(head.size(), body))};
  wire.remove_prefix(head.size() + body);
  return out;
}

class TlsSession : public ::testing::TestWithParam<unsigned> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto dir = std::filesystem::temp_directory_path() /
               ("scim_tls_session_" + std::to_string(GetParam()) + "_" + info->name());
    std::filesystem::create_directories(dir);
    files_ = make_self_signed_cert(dir.string());
    ASSERT_FALSE(files_.cert_file.empty());
    http::HttpOptions options;
    options.threads = GetParam();
    options.tls = {files_.cert_file, files_.key_file};
    options.limits.shutdown_timeout = 5s;
    server_ = std::make_unique<RunningServer>(options, handler_);
    const std::string error = server_->start();
    ASSERT_TRUE(error.empty()) << error;
  }
  std::string root() const { return "https://127.0.0.1:" + std::to_string(server_->port()); }

  TlsFiles files_;
  PatternTarget handler_;
  std::unique_ptr<RunningServer> server_;  // after the handler: stopped before it goes
};

// Five pipelined requests on one TLS connection: a small answer, one over a TLS record, its
// HEAD (Content-Length kept, no body: RFC 9110 §9.3.2), one larger than the socket takes at
// once, and one over a record again that asks to close. Each answer arrives whole and in order,
// then the connection closes. A 0-byte step in the answer's write once ended it after the head.
TEST_P(TlsSession, PipelinedAnswersOfEverySizeArriveWholeInOrder) {
  RawConnection raw(root(), 0, files_.cert_file);
  ASSERT_TRUE(raw.connected());
  ASSERT_TRUE(
      raw.send("GET /small HTTP/1.1\r\nHost: h\r\n\r\n"
               "GET /mid HTTP/1.1\r\nHost: h\r\n\r\n"
               "HEAD /mid HTTP/1.1\r\nHost: h\r\n\r\n"
               "GET /big HTTP/1.1\r\nHost: h\r\n\r\n"
               "GET /mid HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"));
  const std::string received = raw.receive_until_close(30'000);
  std::string_view wire = received;

  const auto small = take_answer(wire, false);
  EXPECT_EQ(small.head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << small.head;
  EXPECT_EQ(small.body, "/small 0");
  const std::string mid_body = patterned(kOverOneRecord);
  const auto mid = take_answer(wire, false);
  EXPECT_NE(mid.head.find("Content-Length: 40000\r\n"), std::string::npos) << mid.head;
  EXPECT_TRUE(mid.body == mid_body) << "the answer over one TLS record differs";
  const auto head = take_answer(wire, true);
  EXPECT_EQ(head.head, mid.head);
  const auto big = take_answer(wire, false);
  EXPECT_NE(big.head.find("Content-Length: 8388608\r\n"), std::string::npos) << big.head;
  EXPECT_TRUE(big.body == patterned(kOverTheSocket)) << "the 8 MB answer differs";
  const auto last = take_answer(wire, false);
  EXPECT_NE(last.head.find("Connection: close\r\n"), std::string::npos) << last.head;
  EXPECT_TRUE(last.body == mid_body) << "the last answer differs";
  EXPECT_TRUE(wire.empty()) << wire.size() << " bytes after the last answer";
}

// HTTP/1.0 without keep-alive: the answer over one record arrives whole, then the close.
TEST_P(TlsSession, Http10AnswerOverOneRecordArrivesWholeThenCloses) {
  RawConnection raw(root(), 0, files_.cert_file);
  ASSERT_TRUE(raw.connected());
  ASSERT_TRUE(raw.send("GET /mid HTTP/1.0\r\nHost: h\r\n\r\n"));
  const std::string received = raw.receive_until_close(10'000);
  std::string_view wire = received;
  const auto answer = take_answer(wire, false);
  EXPECT_EQ(answer.head.rfind("HTTP/1.0 200 OK\r\n", 0), 0u) << answer.head;
  EXPECT_EQ(answer.head.find("Connection:"), std::string::npos) << answer.head;
  EXPECT_TRUE(answer.body == patterned(kOverOneRecord)) << "the answer differs";
  EXPECT_TRUE(wire.empty());
}

// A client that waits for each answer before the next request (curl, as the suites' runner):
// large answers and small ones on one kept TLS connection.
TEST_P(TlsSession, LargeAnswersArriveWholeOnAKeptConnection) {
  HttpClient client;
  client.set_ca_file(files_.cert_file);
  client.set_timeout_ms(20'000);
  int requests = 0;
  for (const char* target : {"/mid", "/big", "/after", "/mid"}) {
    const std::string_view name = target;
    auto r = client.get(root() + target);
    ASSERT_EQ(r.status, 200) << target << ": " << r.error;
    const std::string expected = name == "/mid"   ? patterned(kOverOneRecord)
                                 : name == "/big" ? patterned(kOverTheSocket)
                                                  : "/after 0";
    EXPECT_TRUE(r.body == expected) << target << ": the body differs";
    EXPECT_EQ(r.new_connections, requests++ == 0 ? 1 : 0) << target;
  }
}

INSTANTIATE_TEST_SUITE_P(IoThreads, TlsSession, ::testing::Values(1u, 2u),
                         [](const ::testing::TestParamInfo<unsigned>& info) {
                           return info.param == 1 ? "OneThread" : "TwoThreads";
                         });

}  // namespace
}  // namespace scim::test
