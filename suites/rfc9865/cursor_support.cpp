// RFC 9865 §2 paging helpers of the cursor checks.
#include "cursor_support.hpp"

namespace scim::suites::rfc9865 {

Fixture make_users(conf::Context& ctx, int n) {
  Fixture f;
  f.prefix = ctx.unique_name("cursor") + "-";
  for (int i = 1; i <= n; ++i)
    f.ids.push_back(id_string(ctx.create_user({{"userName", f.prefix + std::to_string(i)}})));
  return f;
}

conf::HttpResponse scoped_get(conf::Context& ctx, const Fixture& f, std::string_view params) {
  const std::string filter = "userName sw " + literal(f.prefix);
  return ctx.get("/Users?filter=" + conf::Context::encode(filter) + std::string(params));
}

json scoped_page(conf::Context& ctx, const Fixture& f, std::string_view params) {
  return list_by_prefix(ctx, f.prefix, params);
}

std::string cursor_params(std::string_view cursor, int count) {
  return "&cursor=" + std::string(cursor) + "&count=" + std::to_string(count);
}

std::optional<std::string> cursor_of(const json& list, std::string_view name) {
  const json* value = member(list, name);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

Walk walk(conf::Context& ctx, const Fixture& f, int count, int max_pages,
          const std::function<void(int page)>& between) {
  Walk w;
  std::string cursor;
  while (w.pages < max_pages) {
    const json page = scoped_page(ctx, f, cursor_params(cursor, count));
    ++w.pages;
    for (const auto& r : resources_of(page)) w.ids.push_back(id_string(r));
    const auto next = cursor_of(page, "nextCursor");
    if (!next) {
      w.ended = true;
      break;
    }
    if (between) between(w.pages);
    cursor = *next;
  }
  return w;
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out.empty() ? "(none)" : out;
}

}  // namespace scim::suites::rfc9865
