// The hostile-input catalogue over real HTTP (docs/reliability.md): at least 150 distinct bad
// requests, each sent on its own connection to the scim-reference-server binary. Each must get
// its SCIM error (RFC 7644 §3.12: status, error schema, Table 9 scimType) within one second,
// the server must keep serving, and the stored data must be byte-for-byte the same afterwards
// (every resource exported before the first case and after the last).
#include <gtest/gtest.h>

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <map>
#include <set>

#include "hostile_case.hpp"
#include "scim/server/testing/http_client.hpp"
#include "scim/server/testing/server_process.hpp"

namespace scim::test::hostile {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
namespace bhttp = boost::beast::http;

struct Answer {
  int status = 0;
  std::string content_type;
  json body;
  long elapsed_ms = 0;
};

// Parses the raw answer with Beast's parser (the answer may be followed by nothing: the server
// closes after an error).
Answer parse_answer(const std::string& bytes) {
  Answer a;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.eager(true);
  parser.skip(false);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
  if (!parser.is_done()) parser.put_eof(ec);
  if (!parser.is_header_done()) return a;
  const auto& res = parser.get();
  a.status = static_cast<int>(res.result_int());
  a.content_type = std::string(res[bhttp::field::content_type]);
  a.body = json::parse(res.body(), nullptr, false);
  return a;
}

Answer send(const std::string& url, const std::string& bytes) {
  const auto start = Clock::now();
  RawConnection connection(url);
  if (!connection.connected()) return {};
  connection.send(bytes);  // may fail midway: the server refuses a body it will not read
  Answer a = parse_answer(connection.receive_until_close(5000));
  a.elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  return a;
}

class HostileCatalogue : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<ServerProcess>(
        SCIM_SERVER_BINARY,
        std::vector<std::string>{"--port", "0", "--token", "secret", "--token", "acme-token=acme"});
    ASSERT_FALSE(server_->url().empty()) << server_->first_line();
    client_.set_bearer("secret");
    seeded_ = seed();
  }

  Seeded seed() {
    Seeded s;
    auto create = [&](const std::string& endpoint, const json& body) {
      auto r = client_.post_json(server_->url() + endpoint, body);
      EXPECT_EQ(r.status, 201) << r.body;
      return r;
    };
    const json core = {"urn:ietf:params:scim:schemas:core:2.0:User"};
    auto bjensen = create("/Users", {{"schemas", core},
                                     {"userName", "bjensen"},
                                     {"name", {{"givenName", "Barbara"}, {"familyName", "Jensen"}}},
                                     {"emails", {{{"value", "b@example.com"}, {"type", "work"}}}}});
    s.user_id = bjensen.json().value("id", "");
    s.user_etag = bjensen.header("etag");
    s.other_id =
        create("/Users", {{"schemas", core}, {"userName", "jsmith"}}).json().value("id", "");
    s.group_id = create("/Groups", {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
                                    {"displayName", "Tour Guides"},
                                    {"members", {{{"value", s.user_id}}}}})
                     .json()
                     .value("id", "");
    return s;
  }

  // Every stored resource, as the server serializes it: lists and each resource by id.
  std::string export_all() {
    std::string out;
    const std::vector<std::string> targets = {
        "/Users?sortBy=id&count=1000", "/Groups?sortBy=id&count=1000", "/Users/" + seeded_.user_id,
        "/Users/" + seeded_.other_id, "/Groups/" + seeded_.group_id};
    for (const std::string& target : targets) {
      auto r = client_.get(server_->url() + target);
      EXPECT_EQ(r.status, 200) << target << " " << r.body;
      out += target + "\n" + r.header("etag") + "\n" + r.body + "\n";
    }
    return out;
  }

  std::unique_ptr<ServerProcess> server_;
  HttpClient client_;
  Seeded seeded_;
};

void expect_answer(const Case& c, const Answer& a) {
  const std::string id = c.klass + "/" + c.name;
  EXPECT_EQ(a.status, c.status) << id << " answered " << a.body.dump();
  EXPECT_LT(a.elapsed_ms, 1000) << id << " took " << a.elapsed_ms << " ms";
  EXPECT_EQ(a.content_type, "application/scim+json") << id;
  ASSERT_TRUE(a.body.is_object()) << id;
  EXPECT_EQ(a.body.value("schemas", json::array()),
            json::array({"urn:ietf:params:scim:api:messages:2.0:Error"}))
      << id;
  EXPECT_EQ(a.body.value("status", ""), std::to_string(c.status)) << id;
  if (c.scim_type.empty()) {
    EXPECT_FALSE(a.body.contains("scimType")) << id << " " << a.body.dump();
  } else {
    EXPECT_EQ(a.body.value("scimType", ""), c.scim_type) << id << " " << a.body.dump();
  }
}

TEST_F(HostileCatalogue, EveryBadRequestGetsItsErrorAndNothingChanges) {
  std::vector<Case> cases = json_cases(seeded_);
  for (auto* more : {&protocol_cases, &http_cases}) {
    auto extra = (*more)(seeded_);
    cases.insert(cases.end(), extra.begin(), extra.end());
  }
  std::set<std::string> ids;
  std::set<std::string> distinct_bytes;
  std::map<std::string, int> per_class;
  for (const auto& c : cases) {
    EXPECT_TRUE(ids.insert(c.klass + "/" + c.name).second) << "duplicate id " << c.name;
    EXPECT_TRUE(distinct_bytes.insert(c.bytes).second) << "same request twice: " << c.name;
    ++per_class[c.klass];
  }
  ASSERT_GE(cases.size(), 150u);

  const std::string before = export_all();
  long slowest = 0;
  for (const auto& c : cases) {
    const Answer a = send(server_->url(), c.bytes);
    expect_answer(c, a);
    slowest = std::max(slowest, a.elapsed_ms);
    // Still serving: an ordinary request right after each hostile one.
    ASSERT_EQ(client_.get(server_->url() + "/ServiceProviderConfig").status, 200)
        << "the server stopped serving after " << c.klass << "/" << c.name;
  }
  EXPECT_EQ(export_all(), before) << "a rejected request changed the stored data";

  std::cout << "hostile catalogue: " << cases.size() << " requests in " << per_class.size()
            << " classes, slowest answer " << slowest << " ms\n";
  for (const auto& [klass, n] : per_class) std::cout << "  " << klass << ": " << n << "\n";
}

}  // namespace
}  // namespace scim::test::hostile
