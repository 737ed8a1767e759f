// RFC 7643 §5 advertised versus actual (rfc7643/s5_advertised_features.cpp): a feature reported as
// unsupported but served warns; refused as advertised passes; advertised is judged elsewhere.
#include <gtest/gtest.h>

#include "fake_target.hpp"
#include "scim/protocol/urns.hpp"

namespace scim::suites::testing {
namespace {

using conf::Outcome;
using nlohmann::json;

// One user "u1" whose displayName PATCH changes when `serve_patch`; filters answer exactly it
// when `serve_filter`; the second GET of it answers 304 when `serve_etag`; /Bulk creates "u2"
// when `serve_bulk`. Everything else is refused with 501.
struct AdvertisedTarget {
  bool serve_patch = false, serve_filter = false, serve_etag = false, serve_bulk = false;
  json user = {{"schemas", {std::string(urn::kUser)}}, {"id", "u1"}};
  int gets = 0;

  conf::HttpResponse operator()(const std::string& method, const std::string& path,
                                const json& body) {
    if (method == "POST" && path == "/Users") {
      user["userName"] = body["userName"];
      return answer(201, user);
    }
    if (method == "PATCH" && path == "/Users/u1" && serve_patch) {
      user["displayName"] = body["Operations"][0]["value"];
      return answer(200, user);
    }
    if (method == "GET" && path == "/Users/u1") {
      auto r = answer(++gets > 1 && serve_etag ? 304 : 200, user);
      r.headers.emplace_back("ETag", "W/\"1\"");
      return r;
    }
    if (method == "GET" && path.starts_with("/Users?filter=") && serve_filter)
      return answer(200, {{"schemas", {std::string(urn::kListResponse)}},
                          {"totalResults", 1},
                          {"Resources", {user}}});
    if (method == "POST" && path == "/Bulk" && serve_bulk)
      return answer(200, {{"schemas", {std::string(urn::kBulkResponse)}},
                          {"Operations",
                           {{{"method", "POST"}, {"status", "201"}, {"location", "/Users/u2"}}}}});
    return scim_error(501);
  }
};

Ending advertised_case(const std::string& feature, bool served, bool advertised) {
  AdvertisedTarget store;
  store.serve_patch = store.serve_filter = store.serve_etag = store.serve_bulk = served;
  FakeTarget target(std::ref(store), json::object());
  auto& caps = target.mutable_caps();
  caps.patch = caps.filter = caps.etag = caps.bulk = false;
  if (feature == "patch") caps.patch = advertised;
  if (feature == "filter") caps.filter = advertised;
  if (feature == "etag") caps.etag = advertised;
  if (feature == "bulk") caps.bulk = advertised;
  return run_check("rfc7643/5/" + feature + "-advertised-as-served", target);
}

TEST(AdvertisedVersusActual, AFeatureServedButReportedUnsupportedIsAMisreport) {
  for (const char* feature : {"patch", "filter", "etag", "bulk"}) {
    const auto ending = advertised_case(feature, true, false);
    EXPECT_EQ(ending.outcome, Outcome::Failed) << feature;  // graded warning: the check is SHOULD
    EXPECT_NE(ending.message.find("discovery misreports " + std::string(feature)),
              std::string::npos)
        << ending.message;
  }
}

TEST(AdvertisedVersusActual, AFeatureRefusedAsAdvertisedPasses) {
  for (const char* feature : {"patch", "filter", "etag", "bulk"})
    EXPECT_EQ(advertised_case(feature, false, false).outcome, Outcome::Passed) << feature;
}

TEST(AdvertisedVersusActual, AnAdvertisedFeatureIsLeftToItsOwnChecks) {
  for (const char* feature : {"patch", "filter", "etag", "bulk"}) {
    const auto ending = advertised_case(feature, true, true);
    EXPECT_EQ(ending.outcome, Outcome::Skipped) << feature;
    EXPECT_NE(ending.message.find(".supported is true"), std::string::npos) << ending.message;
  }
}

}  // namespace
}  // namespace scim::suites::testing
