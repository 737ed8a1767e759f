// The answer's head written by answer_head against the bytes Beast's serializer writes for the
// same answer (to_beast_response, then the message): the session writes the former, so clients
// must see the same bytes as before (RFC 9112 §4 status line, §5 fields; RFC 9110 §8.6
// Content-Length, §9.3.2 HEAD, §15.3.5 / §15.4.5 204 and 304).
#include "scim/server/http/answer_wire.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace scim::http::detail {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

// What the session puts on the wire with answer_head: the head, then the body (none for HEAD).
std::string session_bytes(server::Response response, bool keep_alive, unsigned version, bool head) {
  settle_answer(response);
  std::string out = "left over from the last answer";
  if (!answer_head(response, keep_alive, version, out)) return "declined";
  if (!head) out += response.body;
  return out;
}

TEST(AnswerWire, AGetAnswerIsTheseBytes) {
  server::Response r;
  r.status = 200;
  r.headers = {{"ETag", "W/\"3\""}, {"X-Request-Id", "abc"}};
  r.body = R"({"id":"1"})";
  EXPECT_EQ(session_bytes(r, true, 11, false),
            "HTTP/1.1 200 OK\r\nServer: scim-reference-server\r\nETag: W/\"3\"\r\n"
            "X-Request-Id: abc\r\nContent-Type: application/scim+json\r\n"
            "Content-Length: 10\r\n\r\n{\"id\":\"1\"}");
  EXPECT_EQ(session_bytes(r, true, 11, false), beast_answer_bytes(r, true, 11, false));
}

TEST(AnswerWire, EveryAnswerIsTheBytesBeastWrites) {
  const std::vector<int> statuses = {200, 201, 202, 204, 304, 307, 400, 401, 403, 404,
                                     405, 408, 409, 412, 413, 415, 422, 429, 431, 500,
                                     501, 503, 299, 599, 199, 600, 0,   -1};
  const std::vector<Headers> header_sets = {
      {},
      {{"Content-Type", "application/json"}},
      {{"content-type", "text/plain; charset=utf-8"}, {"ETag", "W/\"a\""}},
      {{"Location", "http://h/scim/v2/Users/1"}, {"ETag", "W/\"1\""}, {"X-Request-Id", "r-1"}},
      {{"WWW-Authenticate", "Bearer realm=\"scim\""}, {"WWW-Authenticate", "Basic realm=\"x\""}},
      {{"X-Padded", "  a b \t"}, {"X-Empty", ""}, {"X-Blank", " \t "}, {"Retry-After", "1"}},
      {{"Server", "another"}, {"server", "third"}, {"Cache-Control", "no-store"}},
  };
  const std::vector<std::string> bodies = {"", "{}", std::string(1700, 'x'),
                                           std::string(70000, 'y')};
  int compared = 0;
  for (int status : statuses) {
    for (const auto& headers : header_sets) {
      for (const auto& body : bodies) {
        for (unsigned version : {10u, 11u}) {
          for (bool keep_alive : {true, false}) {
            for (bool head : {false, true}) {
              server::Response r;
              r.status = status;
              r.headers = headers;
              r.body = body;
              ASSERT_EQ(session_bytes(r, keep_alive, version, head),
                        beast_answer_bytes(r, keep_alive, version, head))
                  << status << " v" << version << " keep-alive " << keep_alive << " head " << head
                  << " body " << body.size() << " headers " << headers.size();
              ++compared;
            }
          }
        }
      }
    }
  }
  EXPECT_EQ(compared, 28 * 7 * 4 * 8);
}

TEST(AnswerWire, FieldsBeastRewritesAndOtherVersionsAreLeftToBeast) {
  for (const char* name :
       {"Content-Length", "content-length", "Transfer-Encoding", "Connection", "CONNECTION"}) {
    server::Response r;
    r.headers = {{"ETag", "W/\"1\""}, {name, "close"}};
    r.body = "{}";
    std::string out = "x";
    EXPECT_FALSE(answer_head(r, true, 11, out)) << name;
    EXPECT_TRUE(out.empty()) << name;
  }
  for (unsigned version : {9u, 20u}) {
    server::Response r;
    std::string out;
    EXPECT_FALSE(answer_head(r, true, version, out)) << version;
  }
}

TEST(AnswerWire, SettlingMakesAnInvalidStatusA500AndEmpties204And304) {
  server::Response invalid;
  invalid.status = 99;
  settle_answer(invalid);
  EXPECT_EQ(invalid.status, 500);
  for (int status : {204, 304}) {
    server::Response r;
    r.status = status;
    r.body = "{}";
    settle_answer(r);
    EXPECT_TRUE(r.body.empty()) << status;
  }
}

}  // namespace
}  // namespace scim::http::detail
