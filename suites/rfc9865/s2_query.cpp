// RFC 9865 §2 Query Parameters and Response Attributes: the first cursor page, count as an upper
// bound, nextCursor on every page but the last, previousCursor (optional, never on the first
// page), unreserved characters, and a walk that neither skips nor repeats while the collection
// changes between pages.
#include <algorithm>
#include <set>

#include "cursor_support.hpp"
#include "index.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc9865 {
namespace s2_query_local {

constexpr const char* kCountMax =
    "When specified, the service provider MUST NOT return more although it MAY return fewer "
    "results.";
constexpr const char* kCountZero =
    "A value of \"0\" indicates that no resource results are to be returned except for "
    "\"totalResults\".";
constexpr const char* kNextCursor =
    "Service providers supporting cursor-based pagination MUST include nextCursor in all paged "
    "query responses except when returning the last page.";
constexpr const char* kLastPage =
    "nextCursor MUST be omitted from a response only to indicate that there are no more result "
    "pages.";
constexpr const char* kNoPreviousOnFirst =
    "previousCursor MUST NOT be returned with the first page.";
constexpr const char* kPrevious =
    "A cursor value string that MAY be used in a subsequent request to obtain the previous page "
    "of results.";
constexpr const char* kNext =
    "A cursor value string that MAY be used in a subsequent request to obtain the next page of "
    "results.";
constexpr const char* kUnreserved =
    "This value may only contain characters from the unreserved characters set defined in "
    "section 2.3 of [RFC3986].";

std::size_t size_of(const json& list) {
  return resources_of(list).size();
}

void count_is_upper_bound(conf::Context& ctx) {
  const auto f = make_users(ctx, 3);
  const json page = scoped_page(ctx, f, cursor_params("", 2));
  ctx.expect(size_of(page) <= 2, "a cursor page holds at most count=2 of the 3 matches", "<= 2",
             std::to_string(size_of(page)));
}

void count_zero(conf::Context& ctx) {
  const auto f = make_users(ctx, 2);
  const json page = scoped_page(ctx, f, cursor_params("", 0));
  ctx.expect(size_of(page) == 0, "count=0 on a cursor query returns no resources", "0",
             std::to_string(size_of(page)));
}

void first_page_has_next(conf::Context& ctx) {
  const auto f = make_users(ctx, 3);
  const json page = scoped_page(ctx, f, cursor_params("", 2));
  if (size_of(page) >= 3) ctx.fail("count=2 not honoured", "<= 2 resources", brief(page));
  ctx.expect(cursor_of(page, "nextCursor").has_value(),
             "a first page of 3 matches with count=2 carries nextCursor", "nextCursor (string)",
             brief(page));
}

void walk_ends_without_next(conf::Context& ctx) {
  const auto f = make_users(ctx, 3);
  const Walk w = walk(ctx, f, 2, 5);
  ctx.expect(w.ended, "the walk ends with a page without nextCursor", "a last page within 5",
             std::to_string(w.pages) + " pages, still a nextCursor");
  std::vector<std::string> got = w.ids, want = f.ids;
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  ctx.expect(got == want, "pages of 2 return each of the 3 users exactly once", joined(want),
             joined(got));
}

void no_previous_on_first(conf::Context& ctx) {
  const auto f = make_users(ctx, 3);
  const json page = scoped_page(ctx, f, cursor_params("", 2));
  ctx.expect(!has_member(page, "previousCursor"), "the first page has no previousCursor",
             "no previousCursor", brief(page));
}

void previous_returns_first_page(conf::Context& ctx) {
  const auto f = make_users(ctx, 4);
  const json first = scoped_page(ctx, f, cursor_params("", 2));
  const auto next = cursor_of(first, "nextCursor");
  if (!next) ctx.fail("no nextCursor on the first page", "nextCursor", brief(first));
  const json second = scoped_page(ctx, f, cursor_params(*next, 2));
  const auto previous = cursor_of(second, "previousCursor");
  if (!previous) ctx.skip("the target does not return previousCursor (OPTIONAL, RFC 9865 §2)");
  const json back = scoped_page(ctx, f, cursor_params(*previous, 2));
  expect_ids(ctx, back, ids_of(first), "previousCursor of page 2 leads back to page 1");
}

bool unreserved(const std::string& text) {
  // RFC 3986 §2.3: ALPHA / DIGIT / "-" / "." / "_" / "~"
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
  });
}

void cursors_unreserved(conf::Context& ctx) {
  const auto f = make_users(ctx, 3);
  const json first = scoped_page(ctx, f, cursor_params("", 1));
  const auto next = cursor_of(first, "nextCursor");
  if (!next) ctx.fail("no nextCursor on the first page", "nextCursor", brief(first));
  ctx.expect(!next->empty() && unreserved(*next), "nextCursor uses unreserved characters only",
             "[A-Za-z0-9-._~]+", *next);
  const json second = scoped_page(ctx, f, cursor_params(*next, 1));
  if (const auto previous = cursor_of(second, "previousCursor"))
    ctx.expect(!previous->empty() && unreserved(*previous),
               "previousCursor uses unreserved characters only", "[A-Za-z0-9-._~]+", *previous);
}

// Users created and deleted between pages must not make the walk skip or repeat a user that
// existed throughout: the cursor names a place, not an offset.
void stable_under_change(conf::Context& ctx) {
  const auto f = make_users(ctx, 6);
  const std::set<std::string> stable(f.ids.begin() + 1, f.ids.end());
  const Walk w = walk(ctx, f, 2, 12, [&](int page) {
    if (page == 1) {
      ctx.expect_status(ctx.del(user_path(ctx, {{"id", f.ids[0]}})), 204, "delete a seen user");
      ctx.untrack("/Users/" + f.ids[0]);
    }
    if (page == 2) ctx.create_user({{"userName", f.prefix + "new"}});
  });
  ctx.expect(w.ended, "the walk ends", "a last page within 12", std::to_string(w.pages));
  std::multiset<std::string> seen(w.ids.begin(), w.ids.end());
  std::vector<std::string> problems;
  for (const auto& id : stable) {
    if (seen.count(id) != 1) problems.push_back(id + " x" + std::to_string(seen.count(id)));
  }
  ctx.expect(problems.empty(), "every user that existed throughout is returned exactly once",
             "each of 5 users once", joined(problems));
}

}  // namespace s2_query_local

void register_s2(conf::Catalog& catalog) {
  using namespace s2_query_local;
  SectionBuilder s(catalog, rfc9865_spec(catalog), "2", "Query Parameters and Response Attributes");
  const Tags tags = {tag::kPaging, tag::kUsers};
  const Needs caps = {cap::kUsers, cap::kFilter, cap::kCursor};
  const conf::DependsOn deps = {kScopedBy};
  auto add = [&](const char* slug, const char* title, conf::Level level, const char* requirement,
                 void (*run)(conf::Context&)) {
    s.add({.slug = slug,
           .title = title,
           .level = level,
           .requirement = requirement,
           .tags = tags,
           .needs = caps,
           .depends_on = deps,
           .run = run});
  };
  add("count-is-upper-bound", "count bounds a cursor page", kMust, kCountMax, count_is_upper_bound);
  add("count-zero-returns-no-resources", "count=0 on a cursor query returns no resources", kMust,
      kCountZero, count_zero);
  add("next-cursor-on-first-page", "a first page that is not the last carries nextCursor", kMust,
      kNextCursor, first_page_has_next);
  add("last-page-omits-next-cursor",
      "following nextCursor reaches a last page without it, every user once", kMust, kLastPage,
      walk_ends_without_next);
  add("no-previous-cursor-on-first-page", "the first page carries no previousCursor", kMust,
      kNoPreviousOnFirst, no_previous_on_first);
  add("previous-cursor-returns-previous-page", "previousCursor leads back to the previous page",
      kMay, kPrevious, previous_returns_first_page);
  add("cursor-unreserved-characters", "cursors use only RFC 3986 unreserved characters", kShould,
      kUnreserved, cursors_unreserved);
  add("stable-under-concurrent-change", "changes between pages neither skip nor repeat a resource",
      kMay, kNext, stable_under_change);
}

}  // namespace scim::suites::rfc9865
