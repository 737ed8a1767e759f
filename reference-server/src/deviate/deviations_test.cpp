// DeviatingMiddleware (docs/server.md "Deviations"): each deviation breaks exactly its RFC rule on
// canned responses of a fake inner handler, and passes everything else through unchanged.
#include "scim/server/deviate/deviations.hpp"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

namespace scim::deviate {
namespace {

using nlohmann::json;
using server::Handler;
using server::Pipeline;
using server::Request;
using server::Response;

// Records every request and answers from a queue (or with the default response).
class FakeHandler : public Handler {
 public:
  Response handle(const Request& request) override {
    seen.push_back(request);
    if (queue.empty()) return fallback;
    Response r = queue.front();
    queue.erase(queue.begin());
    return r;
  }
  std::vector<Request> seen;
  std::vector<Response> queue;
  Response fallback;
};

Response json_body(int status, const json& body) {
  Response r;
  r.status = status;
  r.body = body.dump();
  return r;
}

Deviations only(std::string_view name) {
  Deviations d;
  EXPECT_TRUE(d.enable(name));
  return d;
}

// The middleware in a chain of its own in front of `inner`.
struct Deviated {
  Deviated(Handler& inner, const Registry& registry, Deviations deviations)
      : layer(registry, deviations), chain(inner) {
    chain.use(layer);
  }
  Response handle(const Request& request) { return chain.handle(request); }
  DeviatingMiddleware layer;
  Pipeline chain;
};

class DeviationsTest : public ::testing::Test {
 protected:
  Registry registry = Registry::with_builtin();
  FakeHandler inner;
};

TEST(DeviationsNames, KnownNamesEnableAndUnknownNamesAreRejected) {
  for (auto name : Deviations::names()) {
    Deviations d;
    EXPECT_TRUE(d.enable(name)) << name;
    EXPECT_TRUE(d.any());
  }
  Deviations d;
  EXPECT_FALSE(d.enable("No-Etag"));
  EXPECT_FALSE(d.enable(""));
  EXPECT_FALSE(d.any());
}

TEST_F(DeviationsTest, NoEtagDropsConditionalHeadersAndVersions) {
  Response r = json_body(200, {{"id", "1"}, {"meta", {{"version", "W/\"a\""}}}});
  r.set_header("ETag", "W/\"a\"");
  inner.fallback = r;
  Deviated h(inner, registry, only("no-etag"));
  Request req;
  req.method = "PUT";
  req.path = "/Users/1";
  req.headers = {{"if-match", "W/\"stale\""}, {"if-none-match", "*"}, {"accept", "*/*"}};
  Response out = h.handle(req);
  EXPECT_EQ(out.header("etag"), nullptr);
  EXPECT_FALSE(json::parse(out.body)["meta"].contains("version"));
  ASSERT_EQ(inner.seen.size(), 1u);
  EXPECT_EQ(inner.seen[0].header("if-match"), nullptr);
  EXPECT_EQ(inner.seen[0].header("if-none-match"), nullptr);
  EXPECT_NE(inner.seen[0].header("accept"), nullptr);
}

TEST_F(DeviationsTest, WrongErrorShapeMakesStatusANumberWithoutSchemas) {
  inner.fallback = json_body(404, {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:Error"}},
                                   {"status", "404"},
                                   {"detail", "no such user"}});
  Deviated h(inner, registry, only("wrong-error-shape"));
  Request req;
  req.method = "GET";
  req.path = "/Users/x";
  json body = json::parse(h.handle(req).body);
  EXPECT_FALSE(body.contains("schemas"));
  EXPECT_EQ(body["status"], 404);
  EXPECT_EQ(body["detail"], "no such user");
}

// A request through the deviated chain; the JSON body of its answer.
json answer_of(Deviated& h, const char* method, const char* path,
               std::map<std::string, std::string> query = {}) {
  Request r;
  r.method = method;
  r.path = path;
  r.query = std::move(query);
  return json::parse(h.handle(r).body);
}

TEST_F(DeviationsTest, PatchUnadvertisedSaysUnsupportedAndLeavesPatchWorking) {
  inner.fallback =
      json_body(200, {{"patch", {{"supported", true}}}, {"bulk", {{"supported", true}}}});
  Deviated h(inner, registry, only("patch-unadvertised"));
  const json spc = answer_of(h, "GET", "/ServiceProviderConfig");
  EXPECT_EQ(spc["patch"]["supported"], false);
  EXPECT_EQ(spc["bulk"]["supported"], true);
  inner.fallback = json_body(200, {{"id", "1"}, {"displayName", "patched"}});
  EXPECT_EQ(answer_of(h, "PATCH", "/Users/1")["displayName"], "patched");
}

TEST_F(DeviationsTest, FilterUnadvertisedSaysUnsupportedAndLeavesFiltersWorking) {
  inner.fallback = json_body(200, {{"patch", {{"supported", true}}},
                                   {"filter", {{"supported", true}, {"maxResults", 7}}}});
  Deviated h(inner, registry, only("filter-unadvertised"));
  const json spc = answer_of(h, "GET", "/ServiceProviderConfig");
  EXPECT_EQ(spc["filter"]["supported"], false);
  EXPECT_EQ(spc["filter"]["maxResults"], 7);
  EXPECT_EQ(spc["patch"]["supported"], true);
  inner.fallback = json_body(200, {{"totalResults", 1}});
  const json list = answer_of(h, "GET", "/Users", {{"filter", "userName eq \"a\""}});
  EXPECT_EQ(list["totalResults"], 1);
  EXPECT_EQ(inner.seen.back().query.at("filter"), "userName eq \"a\"");
}

TEST_F(DeviationsTest, WrongErrorShapeLeavesSuccessBodiesAlone) {
  json ok = {{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}}, {"id", "1"}};
  inner.fallback = json_body(200, ok);
  Deviated h(inner, registry, only("wrong-error-shape"));
  Request req;
  req.method = "GET";
  EXPECT_EQ(json::parse(h.handle(req).body), ok);
}

TEST_F(DeviationsTest, PatchNotAtomicReappliesOperationsUntilTheFailingOne) {
  inner.queue = {json_body(400, {{"status", "400"}}), json_body(200, json::object()),
                 json_body(400, {{"status", "400"}})};
  Deviated h(inner, registry, only("patch-not-atomic"));
  Request req;
  req.method = "PATCH";
  req.path = "/Users/1";
  json ops = json::array({{{"op", "replace"}, {"path", "title"}, {"value", "a"}},
                          {{"op", "remove"}, {"path", "bogus["}},
                          {{"op", "replace"}, {"path", "nickName"}, {"value", "c"}}});
  req.body = json{{"Operations", ops}}.dump();
  EXPECT_EQ(h.handle(req).status, 400);  // the client still sees the failure
  ASSERT_EQ(inner.seen.size(), 3u);      // original, op 1 (kept), op 2 (fails): op 3 not sent
  EXPECT_EQ(json::parse(inner.seen[1].body)["Operations"], json::array({ops[0]}));
  EXPECT_EQ(json::parse(inner.seen[2].body)["Operations"], json::array({ops[1]}));
}

TEST_F(DeviationsTest, FilterCaseSensitiveDropsMatchesThatNeedCaseFolding) {
  json page = {{"totalResults", 2},
               {"itemsPerPage", 2},
               {"Resources",
                {{{"userName", "Alice"}, {"name", {{"familyName", "Smith"}}}},
                 {{"userName", "ALICE"}, {"name", {{"familyName", "smith"}}}}}}};
  inner.fallback = json_body(200, page);
  Deviated h(inner, registry, only("filter-case-sensitive"));
  Request req;
  req.method = "GET";
  req.path = "/Users";
  req.query["filter"] = "userName eq \"Alice\"";
  json out = json::parse(h.handle(req).body);
  ASSERT_EQ(out["Resources"].size(), 1u);
  EXPECT_EQ(out["Resources"][0]["userName"], "Alice");
  EXPECT_EQ(out["totalResults"], 1);
  req.query["filter"] = "name.familyName co \"mit\" and userName sw \"AL\"";
  out = json::parse(h.handle(req).body);
  ASSERT_EQ(out["Resources"].size(), 1u);
  EXPECT_EQ(out["Resources"][0]["userName"], "ALICE");
}

// RFC 9865 §2 count: "When specified, the service provider MUST NOT return more". The deviation
// hides the count of cursor-paged queries from the service, GET and .search alike.
TEST_F(DeviationsTest, CursorIgnoresCountDropsTheCountOfCursorQueriesOnly) {
  Deviated h(inner, registry, only("cursor-ignores-count"));
  Request get;
  get.method = "GET";
  get.path = "/Users";
  get.query = {{"cursor", ""}, {"count", "2"}, {"filter", "userName pr"}};
  h.handle(get);
  Request indexed = get;
  indexed.query = {{"startIndex", "1"}, {"count", "2"}};
  h.handle(indexed);
  Request search;
  search.method = "POST";
  search.path = "/Users/.search";
  search.body = json{
      {"schemas", {"urn:ietf:params:scim:api:messages:2.0:SearchRequest"}},
      {"cursor", "abc"},
      {"count", 2}}.dump();
  h.handle(search);
  ASSERT_EQ(inner.seen.size(), 3u);
  EXPECT_EQ(inner.seen[0].query.count("count"), 0u);
  EXPECT_EQ(inner.seen[0].query.at("filter"), "userName pr");
  EXPECT_EQ(inner.seen[1].query.at("count"), "2");  // index paging is left alone
  const json sent = json::parse(inner.seen[2].body);
  EXPECT_FALSE(sent.contains("count"));
  EXPECT_EQ(sent["cursor"], "abc");
}

// RFC 9944 §7.1 deviceMacAddress is unique; the deviation drops the Device type's extension
// uniqueness indexes and nothing else.
TEST(DeviceUniquenessOff, DropsOnlyTheDeviceExtensionIndexes) {
  const std::string mac = "urn:ietf:params:scim:schemas:extension:ble:2.0:Device:deviceMacAddress";
  std::vector<store::TypeSpec> specs(2);
  specs[0].name = "User";
  specs[0].unique = {{"userName", false}};
  specs[1].name = "Device";
  specs[1].unique = {{mac, false}, {"serialNumber", false}};
  auto strict = deviate_store_specs(Deviations{}, specs);
  ASSERT_EQ(strict[1].unique.size(), 2u);
  auto off = deviate_store_specs(only("device-uniqueness-off"), specs);
  ASSERT_EQ(off[0].unique.size(), 1u);
  ASSERT_EQ(off[1].unique.size(), 1u);
  EXPECT_EQ(off[1].unique[0].name, "serialNumber");
}

TEST_F(DeviationsTest, WithoutDeviationsResponsesPassThrough) {
  Response r = json_body(200, {{"meta", {{"version", "W/\"a\""}}}});
  r.set_header("ETag", "W/\"a\"");
  inner.fallback = r;
  Deviated h(inner, registry, Deviations{});
  Request req;
  req.method = "GET";
  req.headers = {{"if-none-match", "W/\"a\""}};
  Response out = h.handle(req);
  EXPECT_EQ(out.body, r.body);
  ASSERT_NE(out.header("ETag"), nullptr);
  EXPECT_NE(inner.seen[0].header("if-none-match"), nullptr);
}

}  // namespace
}  // namespace scim::deviate
