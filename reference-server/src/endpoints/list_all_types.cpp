// Root-level ".search" across every resource type (RFC 7644 §3.4.3): one ListResponse mixing
// types. Without sortBy, types are listed in registry order and paged as one sequence; with
// sortBy, all matches (bounded by max_sort_results) are merged and sorted with the first type's
// resolution of the sort attribute (missing values sort last, as for a single type). Cursor
// paging (RFC 9865 §3) places its anchor by sort value, then type (registry order), then the
// store's creation sequence.
#include <unordered_map>

#include "scim/protocol/urns.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/endpoints/cursor_paging.hpp"
#include "scim/server/endpoints/feature_rules.hpp"
#include "scim/server/endpoints/lenient_call.hpp"
#include "scim/server/endpoints/list.hpp"
#include "scim/server/endpoints/resource_view.hpp"
#include "scim/server/engine/filter/filter.hpp"
#include "scim/server/engine/lenient/lenient.hpp"
#include "scim/server/engine/query/query.hpp"

namespace scim::server {
namespace {

struct Typed {
  const ResourceType* type;
  nlohmann::json resource;
  std::uint32_t type_index = 0;  // registry order
  std::uint64_t seq = 0;         // the store's creation sequence
};

// Every type's matches in registry order, at most `cap` of them in total.
Result<std::vector<Typed>> collect(const Context& ctx, const ListParams& params, std::size_t cap,
                                   std::size_t& total) {
  std::vector<Typed> all;
  std::uint32_t type_index = 0;
  for (const ResourceType* type : ctx.registry.resource_types()) {
    ++type_index;
    std::optional<engine::Filter> filter;
    if (params.filter) {
      if (auto refused = refused_filter(ctx)) return *refused;
      engine::FilterOptions options{ctx.config.filter_limits, false};
      auto parsed = lenient_call(ctx.config, [&](engine::lenient::Mode mode) {
        return engine::lenient::parse_filter(*params.filter, ctx.registry, *type, mode, options);
      });
      if (!parsed) return parsed.error();
      if (auto refused =
              unsupported_filter_operator(parsed->filter, ctx.config.features.filter_operators))
        return *refused;
      ctx.used(parsed->leniencies_used);
      filter = std::move(parsed->filter);
    }
    store::Query q;
    if (filter) {
      q.predicate = [f = &*filter](const nlohmann::json& r) { return engine::matches(*f, r); };
      q.must_contain = scan_needles(*filter);
      set_index_lookups(*filter, q);
    }
    q.limit = cap > all.size() ? cap - all.size() : 0;
    auto result = ctx.store.query(type->id, q);
    if (!result) return result.error();
    total += result->total;
    for (std::size_t i = 0; i < result->page.size(); ++i) {
      all.push_back({type, std::move(result->page[i]), type_index, result->seqs[i]});
    }
  }
  return all;
}

Result<std::optional<engine::SortSpec>> root_sort(const Context& ctx, const ListParams& params) {
  std::optional<ScimError> first_error;
  for (const ResourceType* type : ctx.registry.resource_types()) {
    auto sort = engine::parse_sort(params.sort_by, params.sort_order, ctx.registry, *type);
    if (sort) return sort;
    if (!first_error) first_error = sort.error();
  }
  if (first_error) return *first_error;
  return std::optional<engine::SortSpec>{};
}

nlohmann::json project_one(const Context& ctx, const ListParams& params, const Typed& t) {
  auto projection = engine::parse_projection(params.attributes, params.excluded_attributes,
                                             ctx.registry, *t.type);
  if (!projection) return nullptr;  // checked for every type before any page is built
  return engine::project(present(ctx, *t.type, t.resource), *projection, ctx.registry, *t.type);
}

Status<> check_projection(const Context& ctx, const ListParams& params) {
  for (const ResourceType* type : ctx.registry.resource_types()) {
    auto p = engine::parse_projection(params.attributes, params.excluded_attributes, ctx.registry,
                                      *type);
    if (!p) return p.error();
  }
  return Ok{};
}

Response page_by_cursor(const Context& ctx, const ListParams& params, const CursorPlan& plan,
                        const std::vector<const Typed*>& order, const engine::SortSpec* sort,
                        std::size_t total) {
  std::vector<engine::CursorAnchor> anchors;
  anchors.reserve(order.size());
  for (const Typed* t : order) {
    anchors.push_back(
        {sort ? engine::sort_value(t->resource, *sort) : nlohmann::json(), t->type_index, t->seq});
  }
  const CursorWindow window = cursor_window(anchors, plan, sort);
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = window.begin; i < window.end; ++i) {
    out.push_back(project_one(ctx, params, *order[i]));
  }
  const std::vector<engine::CursorAnchor> shown(anchors.begin() + static_cast<long>(window.begin),
                                                anchors.begin() + static_cast<long>(window.end));
  return json_response(200, cursor_list_body(ctx, plan, window, shown, total, std::move(out)));
}

}  // namespace

Response list_all_types(const Context& ctx, const ListParams& params) {
  auto cursor = plan_cursor(ctx, "/", params);
  if (!cursor) return error_response(cursor.error());
  auto page = engine::parse_page(*cursor ? std::nullopt : params.start_index,
                                 *cursor ? std::nullopt : params.count, ctx.config.max_results);
  if (!page) return error_response(page.error());
  auto sort = root_sort(ctx, params);
  if (!sort) return error_response(sort.error());
  if (auto st = check_projection(ctx, params); !st) return error_response(st.error());
  std::size_t total = 0;
  const std::size_t cap = ctx.config.max_sort_results;
  auto all = collect(ctx, params, cap, total);
  if (!all) return error_response(all.error());
  if (total > cap) {
    return error_response(too_many("the search matches more than " + std::to_string(cap) +
                                   " resources across types; narrow the filter"));
  }
  std::vector<const Typed*> order;
  for (const auto& t : *all) order.push_back(&t);
  if (*sort) {
    std::vector<const nlohmann::json*> resources;
    std::unordered_map<const nlohmann::json*, const Typed*> owner;
    for (const auto* t : order) {
      resources.push_back(&t->resource);
      owner.emplace(&t->resource, t);
    }
    engine::sort_resources(resources, **sort);
    for (std::size_t i = 0; i < resources.size(); ++i) order[i] = owner.at(resources[i]);
  }
  if (*cursor) {
    return page_by_cursor(ctx, params, **cursor, order, *sort ? &**sort : nullptr, total);
  }
  const auto window = engine::page_window(order.size(), *page, ctx.config.max_results);
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = window.offset; i < window.offset + window.length; ++i) {
    out.push_back(project_one(ctx, params, *order[i]));
  }
  return json_response(200, {{"schemas", {urn::kListResponse}},
                             {"totalResults", total},
                             {"itemsPerPage", out.size()},
                             {"startIndex", page->start_index},
                             {"Resources", std::move(out)}});
}

}  // namespace scim::server
