// RFC 9865 §2.1 Pagination errors: a forged cursor, a cursor replayed with another query, a count
// changed between pages, and a cursor older than the advertised cursorTimeout each answer 400
// with the scimType the section's table names (invalidCursor, invalidCount, expiredCursor).
#include <chrono>
#include <thread>

#include "cursor_support.hpp"
#include "index.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc9865 {
namespace s2_1_errors_local {

constexpr const char* kErrors =
    "If a service provider encounters invalid pagination query parameters (invalid cursor value, "
    "count value, etc), or other error conditions, the service provider SHOULD return the "
    "appropriate HTTP response status code and detailed JSON error response as defined in "
    "Section 3.12 of [RFC7644].";

// The longest cursorTimeout (seconds) this run waits out; longer ones make the check skip.
constexpr int kLongestWait = 5;

std::string first_next(conf::Context& ctx, const Fixture& f, int count) {
  const json page = scoped_page(ctx, f, cursor_params("", count));
  const auto next = cursor_of(page, "nextCursor");
  if (!next)
    ctx.fail("no nextCursor on a first page that is not the last", "nextCursor", brief(page));
  return *next;
}

void forged_cursor(conf::Context& ctx) {
  const auto f = make_users(ctx, 2);
  // Unreserved characters, the shape of a cursor, but never issued by the target.
  ctx.expect_scim_error(scoped_get(ctx, f, cursor_params("Zm9yZ2VkLWN1cnNvci0xMjM0NTY3ODkw", 1)),
                        400, "invalidCursor");
}

void altered_cursor(conf::Context& ctx) {
  const auto f = make_users(ctx, 2);
  std::string next = first_next(ctx, f, 1);
  // Change one character in the middle (the last one of a base64url text may carry only padding
  // bits): an honest target detects the change.
  char& c = next[next.size() / 2];
  c = c == 'A' ? 'B' : 'A';
  ctx.expect_scim_error(scoped_get(ctx, f, cursor_params(next, 1)), 400, "invalidCursor");
}

void cursor_of_other_query(conf::Context& ctx) {
  const auto f = make_users(ctx, 2);
  const auto other = make_users(ctx, 2);
  const std::string next = first_next(ctx, f, 1);
  // The cursor of one filter replayed with another filter (RFC 9865 §2: all other parameters
  // must be identical to the initial query's).
  ctx.expect_scim_error(scoped_get(ctx, other, cursor_params(next, 1)), 400, "invalidCursor");
}

void count_changed(conf::Context& ctx) {
  const auto f = make_users(ctx, 3);
  const std::string next = first_next(ctx, f, 1);
  ctx.expect_scim_error(scoped_get(ctx, f, cursor_params(next, 2)), 400, "invalidCount");
}

int advertised_timeout(conf::Context& ctx) {
  const json& spc = ctx.caps().service_provider_config;
  const json* pagination = spc.is_object() ? member(spc, "pagination") : nullptr;
  const json* timeout = pagination ? member(*pagination, "cursorTimeout") : nullptr;
  if (timeout == nullptr || !timeout->is_number_integer())
    ctx.skip("the target advertises no cursorTimeout (RFC 9865 §4: OPTIONAL)");
  return timeout->get<int>();
}

void expired_cursor(conf::Context& ctx) {
  const int timeout = advertised_timeout(ctx);
  if (timeout > kLongestWait)
    ctx.skip("cursorTimeout is " + std::to_string(timeout) + " s; this run waits out at most " +
             std::to_string(kLongestWait) + " s");
  const auto f = make_users(ctx, 2);
  const std::string next = first_next(ctx, f, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(timeout * 1000 + 1500));
  ctx.expect_scim_error(scoped_get(ctx, f, cursor_params(next, 1)), 400, "expiredCursor");
}

}  // namespace s2_1_errors_local

void register_s2_1(conf::Catalog& catalog) {
  using namespace s2_1_errors_local;
  SectionBuilder s(catalog, rfc9865_spec(catalog), "2.1", "Pagination errors");
  const Tags tags = {tag::kPaging, tag::kErrors, tag::kUsers};
  const Needs caps = {cap::kUsers, cap::kFilter, cap::kCursor};
  const conf::DependsOn deps = {kScopedBy, "rfc9865/2/next-cursor-on-first-page"};
  auto add = [&](const char* slug, const char* title, void (*run)(conf::Context&)) {
    s.add({.slug = slug,
           .title = title,
           .level = kShould,
           .requirement = kErrors,
           .tags = tags,
           .needs = caps,
           .depends_on = deps,
           .run = run});
  };
  add("forged-cursor-invalid-cursor", "a cursor the target never issued: 400 invalidCursor",
      forged_cursor);
  add("altered-cursor-invalid-cursor", "an altered cursor: 400 invalidCursor", altered_cursor);
  add("other-query-cursor-invalid-cursor",
      "a cursor replayed with another filter: 400 invalidCursor", cursor_of_other_query);
  add("changed-count-invalid-count", "a count changed between pages: 400 invalidCount",
      count_changed);
  add("expired-cursor", "a cursor older than cursorTimeout: 400 expiredCursor", expired_cursor);
}

}  // namespace scim::suites::rfc9865
