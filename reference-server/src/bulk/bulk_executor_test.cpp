// Bulk jobs end to end against an in-memory Service (RFC 7644 §3.7): the RFC's examples, forward
// and circular bulkId references, failOnErrors, versions, and the §3.7.4 limits.
#include "scim/server/bulk/bulk_executor.hpp"

#include <gtest/gtest.h>

#include "scim/server/bulk/bulk_refs.hpp"
#include "scim/server/bulk/bulk_request.hpp"
#include "scim/server/testing/fake_service.hpp"

namespace scim::bulk {
namespace {

const char* kEnterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

server::Request bulk(const nlohmann::json& ops, std::optional<int> fail_on_errors = {}) {
  nlohmann::json body = {{"schemas", {"urn:ietf:params:scim:api:messages:2.0:BulkRequest"}},
                         {"Operations", ops}};
  if (fail_on_errors) body["failOnErrors"] = *fail_on_errors;
  server::Request r;
  r.method = "POST";
  r.path = "/Bulk";
  r.base_url = "http://h/scim/v2";
  r.body = body.dump();
  return r;
}

nlohmann::json post(const std::string& path, const std::string& bulk_id, nlohmann::json data) {
  return {{"method", "POST"}, {"path", path}, {"bulkId", bulk_id}, {"data", std::move(data)}};
}

struct BulkFixture : ::testing::Test {
  server::testing::FakeService service;
  BulkExecutor executor{service, BulkLimits{}};

  nlohmann::json run(const server::Request& req) {
    auto r = executor.handle(req);
    EXPECT_EQ(r.status, 200) << r.body;
    return nlohmann::json::parse(r.body);
  }
  const nlohmann::json& resource_at(const nlohmann::json& op) {
    const std::string loc = op["location"];
    return service.resources.at(loc.substr(std::string("http://h/scim/v2").size()));
  }
};

TEST_F(BulkFixture, Section3_7_2TourGuidesExampleResolvesBulkId) {
  auto resp = run(bulk({post("/Users", "qwerty", {{"userName", "Alice"}}),
                        post("/Groups", "ytrewq",
                             {{"displayName", "Tour Guides"},
                              {"members", {{{"type", "User"}, {"value", "bulkId:qwerty"}}}}})}));
  EXPECT_EQ(resp["schemas"],
            nlohmann::json({"urn:ietf:params:scim:api:messages:2.0:BulkResponse"}));
  const auto& ops = resp["Operations"];
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0]["status"], "201");  // string form, as chosen for emission
  EXPECT_EQ(ops[0]["bulkId"], "qwerty");
  EXPECT_EQ(ops[0]["method"], "POST");
  EXPECT_EQ(ops[0]["version"], "W/\"1\"");
  const std::string alice_id = resource_at(ops[0])["id"];
  EXPECT_EQ(resource_at(ops[1])["members"][0]["value"], alice_id);
}

TEST_F(BulkFixture, ForwardReferenceRunsReferencedPostFirstButAnswersInRequestOrder) {
  auto resp = run(
      bulk({post("/Groups", "g", {{"displayName", "G"}, {"members", {{{"value", "bulkId:u"}}}}}),
            post("/Users", "u", {{"userName", "later"}})}));
  const auto& ops = resp["Operations"];
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0]["bulkId"], "g");
  EXPECT_EQ(ops[1]["bulkId"], "u");
  EXPECT_EQ(service.calls, (std::vector<std::string>{"POST /Users", "POST /Groups"}));
  EXPECT_EQ(resource_at(ops[0])["members"][0]["value"], resource_at(ops[1])["id"]);
}

TEST_F(BulkFixture, Section3_7_2EnterpriseManagerReference) {
  auto resp = run(
      bulk({post("/Users", "qwerty", {{"userName", "Alice"}}),
            post("/Users", "ytrewq",
                 {{"userName", "Bob"},
                  {kEnterprise,
                   {{"employeeNumber", "11250"}, {"manager", {{"value", "bulkId:qwerty"}}}}}})}));
  const auto& ops = resp["Operations"];
  EXPECT_EQ(resource_at(ops[1])[kEnterprise]["manager"]["value"], resource_at(ops[0])["id"]);
}

TEST_F(BulkFixture, Section3_7_1CircularGroupsAreResolved) {
  auto resp = run(bulk({post("/Groups", "qwerty",
                             {{"displayName", "Group A"},
                              {"members", {{{"type", "Group"}, {"value", "bulkId:ytrewq"}}}}}),
                        post("/Groups", "ytrewq",
                             {{"displayName", "Group B"},
                              {"members", {{{"type", "Group"}, {"value", "bulkId:qwerty"}}}}})}));
  const auto& ops = resp["Operations"];
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0]["status"], "201");
  EXPECT_EQ(ops[1]["status"], "201");
  const auto& a = resource_at(ops[0]);
  const auto& b = resource_at(ops[1]);
  EXPECT_EQ(a["members"][0]["value"], b["id"]);
  EXPECT_EQ(b["members"][0]["value"], a["id"]);
  // Group A was created without its member, then patched: its reported version is the patched one.
  EXPECT_EQ(ops[0]["version"], "W/\"2\"");
}

TEST_F(BulkFixture, CircularManagersAcrossExtensionAreResolved) {
  auto resp =
      run(bulk({post("/Users", "a",
                     {{"userName", "a"}, {kEnterprise, {{"manager", {{"value", "bulkId:b"}}}}}}),
                post("/Users", "b",
                     {{"userName", "b"}, {kEnterprise, {{"manager", {{"value", "bulkId:a"}}}}}})}));
  const auto& ops = resp["Operations"];
  EXPECT_EQ(resource_at(ops[0])[kEnterprise]["manager"]["value"], resource_at(ops[1])["id"]);
  EXPECT_EQ(resource_at(ops[1])[kEnterprise]["manager"]["value"], resource_at(ops[0])["id"]);
}

TEST_F(BulkFixture, CycleWhoseOtherHalfFailsAnswers409) {
  auto resp = run(
      bulk({post("/Users", "a",
                 {{"userName", "a"}, {kEnterprise, {{"manager", {{"value", "bulkId:b"}}}}}}),
            post("/Users", "b",
                 {{"userName", "fail"}, {kEnterprise, {{"manager", {{"value", "bulkId:a"}}}}}})}));
  const auto& ops = resp["Operations"];
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0]["status"], "409");
  EXPECT_EQ(ops[0]["response"]["status"], "409");
  EXPECT_EQ(ops[1]["status"], "400");
  EXPECT_EQ(ops[1]["response"]["scimType"], "invalidValue");
}

nlohmann::json three_with_failing_middle() {
  return {post("/Users", "1", {{"userName", "one"}}), post("/Users", "2", {{"userName", "fail"}}),
          post("/Users", "3", {{"userName", "three"}})};
}

TEST_F(BulkFixture, Section3_7_3FailingMiddleOperationContinuesWithoutFailOnErrors) {
  auto ops = run(bulk(three_with_failing_middle()))["Operations"];
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_EQ(ops[0]["status"], "201");
  EXPECT_EQ(ops[1]["status"], "400");
  EXPECT_FALSE(ops[1].contains("location"));  // failed POST: no location
  EXPECT_EQ(ops[1]["response"]["schemas"],
            nlohmann::json({"urn:ietf:params:scim:api:messages:2.0:Error"}));
  EXPECT_EQ(ops[2]["status"], "201");
}

TEST_F(BulkFixture, Section3_7_3FailOnErrorsStopsAfterTheLimit) {
  auto ops = run(bulk(three_with_failing_middle(), 1))["Operations"];
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[1]["status"], "400");
  EXPECT_EQ(service.resources.size(), 1u);  // the third POST never ran
}

TEST_F(BulkFixture, DependentOfFailedPostAnswers409) {
  auto ops = run(
      bulk({post("/Users", "x", {{"userName", "fail"}}),
            post("/Groups", "g",
                 {{"displayName", "G"}, {"members", {{{"value", "bulkId:x"}}}}})}))["Operations"];
  EXPECT_EQ(ops[1]["status"], "409");
  EXPECT_NE(ops[1]["response"]["detail"].get<std::string>().find("bulkId \"x\""),
            std::string::npos);
}

TEST_F(BulkFixture, VersionMismatchIs412AndMatchingVersionSucceeds) {
  auto created =
      run(bulk(nlohmann::json::array({post("/Users", "u", {{"userName", "u"}})})))["Operations"][0];
  const std::string path =
      created["location"].get<std::string>().substr(std::string("http://h/scim/v2").size());
  const nlohmann::json put = {
      {"method", "PUT"}, {"path", path}, {"version", "W/\"9\""}, {"data", {{"userName", "v"}}}};
  const nlohmann::json patch = {
      {"method", "PATCH"},
      {"path", path},
      {"version", "W/\"1\""},
      {"data", {{"Operations", {{{"op", "add"}, {"path", "nickName"}, {"value", "n"}}}}}}};
  const nlohmann::json del = {{"method", "DELETE"}, {"path", path}, {"version", "W/\"2\""}};
  auto ops = run(bulk(nlohmann::json::array({put, patch, del})))["Operations"];
  EXPECT_EQ(ops[0]["status"], "412");
  EXPECT_EQ(ops[0]["location"], "http://h/scim/v2" + path);  // non-POST failures keep location
  EXPECT_EQ(ops[1]["status"], "200");
  EXPECT_EQ(ops[1]["version"], "W/\"2\"");
  EXPECT_EQ(ops[2]["status"], "204");
  EXPECT_TRUE(service.resources.empty());
}

TEST_F(BulkFixture, PathBulkIdReferenceIsResolved) {
  auto ops = run(
      bulk({{{"method", "PATCH"},
             {"path", "/Users/bulkId:u"},
             {"data", {{"Operations", {{{"op", "add"}, {"path", "nickName"}, {"value", "n"}}}}}}},
            post("/Users", "u", {{"userName", "u"}})}))["Operations"];
  EXPECT_EQ(ops[0]["status"], "200");
  EXPECT_EQ(resource_at(ops[1])["nickName"], "n");
}

TEST_F(BulkFixture, OperationLevelErrorsAreReportedPerOperation) {
  auto ops = run(bulk(
      {{{"method", "POST"}, {"path", "/Users"}, {"data", {{"userName", "x"}}}},
       {{"method", "GET"}, {"path", "/Users/x"}},
       {{"method", "PUT"}, {"path", "/Users"}, {"data", nlohmann::json::object()}},
       {{"method", "POST"}, {"path", "/Bulk"}, {"bulkId", "b"}, {"data", nlohmann::json::object()}},
       {{"method", "DELETE"}, {"path", "/Users/bulkId:nope"}}}))["Operations"];
  ASSERT_EQ(ops.size(), 5u);
  for (const auto& op : ops) {
    EXPECT_EQ(op["status"], "400") << op.dump();
    EXPECT_EQ(op["response"]["scimType"], "invalidValue") << op.dump();
  }
  EXPECT_TRUE(service.calls.empty());
}

TEST(BulkRequest, Section3_7_4PayloadAndOperationLimitsAre413NamingTheLimit) {
  BulkLimits limits;
  limits.max_payload_bytes = 100;
  limits.max_operations = 1;
  auto big = parse_bulk_request(std::string(101, ' '), limits);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().status, 413);
  EXPECT_EQ(big.error().detail, "The size of the bulk operation exceeds the maxPayloadSize (100).");
  const std::string two_ops =
      R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{},{}]})";
  auto many = parse_bulk_request(two_ops, limits);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.error().status, 413);
  EXPECT_NE(many.error().detail.find("maxOperations (1)"), std::string::npos);
}

TEST(BulkRequest, RequestLevelShapeErrors) {
  const BulkLimits limits;
  EXPECT_EQ(parse_bulk_request("{", limits).error().scim_type, ScimType::InvalidSyntax);
  EXPECT_EQ(parse_bulk_request(R"({"Operations":[]})", limits).error().scim_type,
            ScimType::InvalidSyntax);
  const std::string schema = R"("schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"])";
  EXPECT_EQ(parse_bulk_request("{" + schema + "}", limits).error().scim_type,
            ScimType::InvalidSyntax);
  auto fail = parse_bulk_request("{" + schema + R"(,"failOnErrors":0,"Operations":[]})", limits);
  EXPECT_EQ(fail.error().scim_type, ScimType::InvalidValue);
  auto dup = parse_bulk_request(
      "{" + schema +
          R"(,"Operations":[{"method":"POST","path":"/Users","bulkId":"a","data":{}},)"
          R"({"method":"POST","path":"/Users","bulkId":"a","data":{}}]})",
      limits);
  EXPECT_EQ(dup.error().status, 400);
  EXPECT_EQ(dup.error().scim_type, ScimType::InvalidValue);
}

TEST(BulkRequest, DeepDataIsRejectedPerOperation) {
  std::string deep = "1";
  for (int i = 0; i < 100; ++i) deep = "[" + deep + "]";
  const std::string body =
      R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[)"
      R"({"method":"POST","path":"/Users","bulkId":"a","data":{"x":)" +
      deep + "}}]}";
  auto parsed = parse_bulk_request(body, BulkLimits{});
  ASSERT_TRUE(parsed.ok());
  ASSERT_TRUE(parsed->operations[0].invalid);
  EXPECT_EQ(parsed->operations[0].invalid->scim_type, ScimType::InvalidValue);
}

TEST(BulkRequest, StatusReaderAcceptsStringAndCodeObject) {
  EXPECT_EQ(bulk_status_code("201"), 201);
  EXPECT_EQ(bulk_status_code(nlohmann::json{{"code", "201"}}), 201);
  EXPECT_EQ(bulk_status_code(201), 201);
  EXPECT_EQ(bulk_status_code("2x1"), std::nullopt);
  EXPECT_EQ(bulk_status_code(nlohmann::json::object()), std::nullopt);
}

// RFC 7644 §3.7.2: "bulkId:<id>" values anywhere in the data become the created ids; in place as
// by copy, and unknown bulkIds and look-alikes stay as they are.
TEST(BulkRefs, SubstitutionInPlaceEqualsTheCopy) {
  const nlohmann::json data = {
      {"displayName", "bulkId:qwerty"},
      {"members", {{{"type", "User"}, {"value", "bulkId:qwerty"}}, {{"value", "bulkId:other"}}}},
      {kEnterprise, {{"manager", {{"value", "bulkId:ytrewq"}}}}},
      {"plain", {"bulkId:", "bulkid:qwerty", 7, nullptr}}};
  const std::map<std::string, std::string> ids = {{"qwerty", "id-1"}, {"ytrewq", "id-2"}};
  nlohmann::json in_place = data;
  substitute_in_place(in_place, ids);
  EXPECT_EQ(in_place, substitute(data, ids));
  EXPECT_EQ(in_place["members"][0]["value"], "id-1");
  EXPECT_EQ(in_place["members"][1]["value"], "bulkId:other");
  EXPECT_EQ(in_place[kEnterprise]["manager"]["value"], "id-2");
  EXPECT_EQ(in_place["plain"], data["plain"]);
}

}  // namespace
}  // namespace scim::bulk
