// to_request against the way it lower-cased header names and upper-cased the method before
// (std::tolower / std::toupper per character, in the "C" locale the server runs in): the
// middleware chain's contract (RFC 9110 §5.1: field names are case-insensitive, stored lower
// case; §5.3: repeated fields joined with ", "; §9.1: the method) stays byte for byte the same.
#include "scim/server/http/beast_request.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace scim::http::detail {
namespace {

// The conversion as it was written before: a lower-cased copy of each name into the map.
server::Request old_to_request(const BeastRequest& request, const server::Connection& connection) {
  server::Request out;
  out.method = std::string(request.method_string());
  std::transform(out.method.begin(), out.method.end(), out.method.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  out.target = std::string(request.target());
  for (const auto& field : request) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string value(field.value());
    auto [slot, inserted] = out.headers.try_emplace(std::move(name), value);
    if (!inserted && slot->second.empty()) {
      slot->second = value;
    } else if (!inserted) {
      slot->second.append(", ").append(value);
    }
  }
  out.body = request.body();
  out.connection = connection;
  return out;
}

void expect_same(const server::Request& a, const server::Request& b) {
  EXPECT_EQ(a.method, b.method);
  EXPECT_EQ(a.target, b.target);
  EXPECT_EQ(a.headers, b.headers);
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(a.connection.local_address, b.connection.local_address);
  EXPECT_EQ(a.connection.local_port, b.connection.local_port);
  EXPECT_EQ(a.connection.tls, b.connection.tls);
}

// Every byte a field name can hold as Beast stores it (RFC 9110 §5.6.2 tchar, and the bytes
// above 0x7F too), in names of one to three characters, in both cases where it has two.
std::vector<std::string> names() {
  std::vector<std::string> out;
  for (int c = 0x21; c <= 0xFF; ++c) {
    if (c == ':' || c == 0x7F) continue;
    const char ch = static_cast<char>(c);
    out.push_back(std::string(1, ch));
    out.push_back(std::string("X-") + ch + "y");
  }
  for (const char* name : {"Host", "AUTHORIZATION", "authorization", "Content-Type", "aCCEPT",
                           "If-None-Match", "X-Request-Id", "x-REQUEST-id", "Accept"}) {
    out.emplace_back(name);
  }
  return out;
}

TEST(BeastRequest, HeaderNamesAndMethodAreFoldedAsBefore) {
  const server::Connection connection{true, "::1", 8443};
  for (const char* method : {"GET", "get", "Post", "pAtCh", "DELETE", "m-search", "X_Y.z~1"}) {
    BeastRequest request;
    request.method_string(method);
    request.target("/scim/v2/Users/%41b?x=1");
    request.version(11);
    int i = 0;
    for (const auto& name : names()) request.insert(name, "v" + std::to_string(i++));
    request.insert("X-Empty", "");  // an empty first value is replaced, not joined
    request.insert("x-EMPTY", "later");
    request.insert("Accept", "application/json");  // repeated: joined with ", "
    request.body() = "{\"a\":1}";
    const server::Request expected = old_to_request(request, connection);
    const server::Request got = to_request(BeastRequest(request), connection);
    expect_same(got, expected);
    EXPECT_EQ(got.headers.at("x-empty"), "later");
  }
}

TEST(BeastRequest, NamesAreLowerCaseAndMethodUpperCase) {
  BeastRequest request;
  request.method_string("gEt");
  request.target("/health");
  request.insert("X-Request-ID", "abc");
  request.insert("AUTHORIZATION", "Bearer T0K3N");
  const auto got = to_request(std::move(request), {});
  EXPECT_EQ(got.method, "GET");
  ASSERT_EQ(got.headers.size(), 2u);
  EXPECT_EQ(got.headers.at("x-request-id"), "abc");
  EXPECT_EQ(got.headers.at("authorization"), "Bearer T0K3N");  // values keep their case
}

}  // namespace
}  // namespace scim::http::detail
