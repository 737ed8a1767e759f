// RFC 7644 §3.7 Bulk Operations with §3.7.1 circular references, §3.7.2 bulkId, §3.7.3 response
// and error handling and §3.7.4 maximum operations (413).
#include "bulk_support.hpp"
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_7_bulk_local {

const Tags kTags = {tag::kBulk};
const Needs kCaps = {cap::kBulk, cap::kUsers};

json post_user(conf::Context& ctx, const std::string& bulk_id, const std::string& user_name) {
  return {{"method", "POST"},
          {"path", "/Users"},
          {"bulkId", bulk_id},
          {"data", ctx.with_required(
                       "User", {{"schemas", {std::string(urn::kUser)}}, {"userName", user_name}})}};
}

// A bulk POST of a group whose one member is `member_ref` ("bulkId:u1").
json post_group(conf::Context& ctx, const std::string& member_ref) {
  return {{"method", "POST"},
          {"path", "/Groups"},
          {"bulkId", "g1"},
          {"data",
           ctx.with_required("Group", {{"schemas", {std::string(urn::kGroup)}},
                                       {"displayName", ctx.unique_name("bulkgrp")},
                                       {"members", {{{"type", "User"}, {"value", member_ref}}}}})}};
}

void success_200(conf::Context& ctx) {
  auto ops = bulk_operations(
      ctx,
      send_bulk(ctx, bulk_request(json::array({post_user(ctx, "u1", ctx.unique_name("bulk"))}))));
  ctx.expect(ops.size() == 1 && op_status(ops[0]) == 201, "the POST operation reports 201",
             "status 201", brief(ops));
}

void bulk_id_echoed(conf::Context& ctx) {
  auto ops = bulk_operations(ctx, send_bulk(ctx, bulk_request(json::array({post_user(
                                                     ctx, "qwerty", ctx.unique_name("bulk"))}))));
  ctx.expect(ops.size() == 1 && ops[0].value("bulkId", "") == "qwerty",
             "the bulkId is returned with the created resource", "qwerty", brief(ops));
  ctx.expect(!ops[0].value("location", "").empty(), "a location is returned", "location",
             brief(ops));
}

void bulk_id_reference(conf::Context& ctx) {
  if (ctx.caps().attribute("Group", "members") == nullptr)
    ctx.skip("target does not define Group.members");
  json group = post_group(ctx, "bulkId:u1");
  auto ops = bulk_operations(
      ctx, send_bulk(ctx, bulk_request({post_user(ctx, "u1", ctx.unique_name("bulk")), group})));
  ctx.expect(ops.size() == 2 && op_status(ops[0]) == 201 && op_status(ops[1]) == 201,
             "both operations succeed", "201, 201", brief(ops));
  std::string user_location = ops[0].value("location", "");
  json created = expect_json(ctx, ctx.get(ops[1].value("location", "")), 200, "GET group");
  std::string user_id = user_location.substr(user_location.rfind('/') + 1);
  ctx.expect(created.value("members", json::array()).size() == 1 &&
                 created["members"][0].value("value", "") == user_id,
             "bulkId:u1 was replaced by the new user's id", user_id,
             brief(created.value("members", json())));
}

// "MUST try to resolve ... but MAY stop after a failed attempt and instead return HTTP status code
// 409 (Conflict)": the group operation may answer 201 (resolved) or 409; the user is created.
void forward_reference(conf::Context& ctx) {
  if (ctx.caps().attribute("Group", "members") == nullptr)
    ctx.skip("target does not define Group.members");
  json group = post_group(ctx, "bulkId:u9");
  auto ops = bulk_operations(
      ctx, send_bulk(ctx, bulk_request({group, post_user(ctx, "u9", ctx.unique_name("bulk"))})));
  ctx.expect(ops.size() == 2 && (op_status(ops[0]) == 201 || op_status(ops[0]) == 409) &&
                 op_status(ops[1]) == 201,
             "a reference to a later operation is resolved (201) or refused with 409",
             "201 or 409, then 201", brief(ops));
}

void failed_op_has_response(conf::Context& ctx) {
  json dup = ctx.create_user();
  auto ops = bulk_operations(
      ctx,
      send_bulk(ctx, bulk_request(json::array({post_user(ctx, "d1", dup.value("userName", ""))}))));
  ctx.expect(ops.size() == 1 && op_status(ops[0]) == 409, "the duplicate POST reports 409", "409",
             brief(ops));
  const json* response = member(ops[0], "response");
  ctx.expect(response && has_schema(*response, urn::kError),
             "a failed operation carries the error response", "Error body",
             response ? brief(*response) : "absent");
}

void continues_after_failure(conf::Context& ctx) {
  json dup = ctx.create_user();
  auto ops = bulk_operations(
      ctx, send_bulk(ctx, bulk_request({post_user(ctx, "d1", dup["userName"]),
                                        post_user(ctx, "ok", ctx.unique_name("bulk"))})));
  ctx.expect(ops.size() == 2 && op_status(ops[1]) == 201,
             "the operation after a failure is still performed", "second 201", brief(ops));
}

void fail_on_errors(conf::Context& ctx) {
  json dup = ctx.create_user();
  std::string later = ctx.unique_name("bulk");
  auto ops = bulk_operations(
      ctx,
      send_bulk(ctx, bulk_request(
                         {post_user(ctx, "d1", dup["userName"]), post_user(ctx, "x", later)}, 1)));
  ctx.expect(ops.size() == 1, "processing stops after failOnErrors=1 errors", "1 result",
             brief(ops));
  json list = query(ctx, "/Users", "userName eq " + literal(later));
  ctx.expect(resources_of(list).empty(), "the later operation was not performed", "not created",
             brief(list));
}

void payload_too_large(conf::Context& ctx) {
  int max = ctx.caps().bulk_max_operations;
  if (max <= 0 || max > 1000) ctx.skip("maxOperations not advertised or too large to exceed");
  json ops = json::array();
  for (int i = 0; i <= max; ++i)
    ops.push_back({{"method", "DELETE"}, {"path", "/Users/scimconf-none-" + std::to_string(i)}});
  auto r = send_bulk(ctx, bulk_request(ops));
  ctx.expect_scim_error(r, 413);
}

}  // namespace s3_7_bulk_local

void register_s3_7(conf::Catalog& catalog) {
  using namespace s3_7_bulk_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.7", "Bulk Operations");
  s.add({.slug = "bulk-success-200",
         .title = "a successful bulk job answers 200 with a BulkResponse",
         .level = kMust,
         .requirement = "If a bulk job is processed successfully, HTTP response code 200 OK MUST "
                        "be returned; otherwise, an appropriate HTTP error code MUST be returned.",
         .tags = kTags,
         .needs = kCaps,
         .run = success_200});
  s.add({.slug = "bulk-continues-after-failure",
         .title = "later operations run after a failure",
         .level = kMust,
         .requirement = "The service provider MUST continue performing as many changes as possible "
                        "and disregard partial failures.",
         .tags = kTags,
         .needs = kCaps,
         .run = continues_after_failure});
  s.add(
      {.slug = "bulk-fail-on-errors-stops",
       .title = "failOnErrors=1 stops after the first error",
       .level = kMust,
       .requirement =
           "The \"failOnErrors\" attribute defines the number of errors that the service provider "
           "should accept before failing the remaining operations returning the response.",
       .tags = kTags,
       .needs = kCaps,
       .run = fail_on_errors});
  s.add({.slug = "bulk-id-returned",
         .title = "the bulkId is echoed with a location",
         .level = kMust,
         .requirement = "The service provider MUST return the same \"bulkId\" together with the "
                        "newly created resource.",
         .tags = kTags,
         .needs = kCaps,
         .run = bulk_id_echoed});
  s.add({.slug = "failed-operation-carries-error",
         .title = "a failed operation has status and error response",
         .level = kMust,
         .requirement = "When indicating a response with an HTTP status other than a 200-series "
                        "response, the response body MUST be included.",
         .tags = kTags,
         .needs = kCaps,
         .run = failed_op_has_response});
  SectionBuilder c(catalog, rfc7644_spec(catalog), "3.7.1", "Circular Reference Processing");
  c.add({.slug = "forward-reference-resolved",
         .title = "a member referencing a later POST is resolved",
         .level = kMust,
         .requirement = "The service provider MUST try to resolve circular cross-references "
                        "between resources in a single bulk job but MAY stop after a failed "
                        "attempt and instead return HTTP status code 409 (Conflict).",
         .tags = kTags,
         .needs = {cap::kBulk, cap::kUsers, cap::kGroups},
         .run = forward_reference});
  SectionBuilder b(catalog, rfc7644_spec(catalog), "3.7.2", "\"bulkId\" Temporary Identifiers");
  b.add({.slug = "bulk-id-reference-resolved",
         .title = "bulkId:u1 in members becomes the new user's id",
         .level = kMust,
         .requirement = "The service provider MUST replace the string \"bulkId:qwerty\" with the "
                        "permanent resource id once created.",
         .tags = kTags,
         .needs = {cap::kBulk, cap::kUsers, cap::kGroups},
         .run = bulk_id_reference});
  SectionBuilder m(catalog, rfc7644_spec(catalog), "3.7.4", "Maximum Operations");
  m.add({.slug = "too-many-operations-413",
         .title = "maxOperations + 1 operations answer 413",
         .level = kMust,
         .requirement = "If either limit is exceeded, the service provider MUST return HTTP "
                        "response code 413 (Payload Too Large).",
         .tags = kTags,
         .needs = {cap::kBulk},
         .run = payload_too_large});
}

}  // namespace scim::suites::rfc7644
