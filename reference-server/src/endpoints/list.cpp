// ListResponse queries (RFC 7644 §3.4.2, §3.4.3): the filter is parsed by the engine, narrowed by
// an index when the engine finds a hint, evaluated in the store, then sorted, paged (by index, or
// by cursor as RFC 9865 adds) and projected. Unsorted offset pages of the default view are
// written from the stored bytes where list_text.cpp can (list_page_text).
#include "scim/server/endpoints/list.hpp"

#include <limits>

#include "scim/protocol/urns.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/endpoints/cursor_paging.hpp"
#include "scim/server/endpoints/feature_rules.hpp"
#include "scim/server/endpoints/lenient_call.hpp"
#include "scim/server/endpoints/resource_view.hpp"
#include "scim/server/engine/filter/filter.hpp"
#include "scim/server/engine/lenient/lenient.hpp"
#include "scim/server/engine/query/query.hpp"

namespace scim::server {
namespace {

struct Prepared {
  std::optional<engine::Filter> filter;
  std::optional<engine::SortSpec> sort;
  engine::Projection projection;
};

Result<Prepared> prepare(const Context& ctx, const ResourceType& type, const ListParams& p,
                         bool with_sort) {
  Prepared out;
  if (p.filter) {
    if (auto refused = refused_filter(ctx)) return *refused;
    engine::FilterOptions options{ctx.config.filter_limits,
                                  ctx.config.reject_unknown_filter_attributes};
    // Entra's emails[...].value eq "x" in lenient mode (docs/lenient.md).
    auto filter = lenient_call(ctx.config, [&](engine::lenient::Mode mode) {
      return engine::lenient::parse_filter(*p.filter, ctx.registry, type, mode, options);
    });
    if (!filter) return filter.error();
    if (auto refused =
            unsupported_filter_operator(filter->filter, ctx.config.features.filter_operators))
      return *refused;
    ctx.used(filter->leniencies_used);
    out.filter = std::move(filter->filter);
  }
  // RFC 7644 §3.4.2.3 "Sort is OPTIONAL": without it, sortBy/sortOrder are ignored
  // (docs/server.md).
  if (with_sort && ctx.config.features.sort) {
    auto sort = engine::parse_sort(p.sort_by, p.sort_order, ctx.registry, type);
    if (!sort) return sort.error();
    out.sort = std::move(*sort);
  }
  auto projection =
      engine::parse_projection(p.attributes, p.excluded_attributes, ctx.registry, type);
  if (!projection) return projection.error();
  out.projection = std::move(*projection);
  return out;
}

store::IndexLookup to_lookup(engine::IndexHint hint) {
  using E = engine::IndexHint::Kind;
  using S = store::IndexLookup::Kind;
  S kind = S::Equals;
  switch (hint.kind) {
    case E::Equals:
      kind = S::Equals;
      break;
    case E::GreaterThan:
      kind = S::GreaterThan;
      break;
    case E::GreaterOrEqual:
      kind = S::GreaterOrEqual;
      break;
    case E::LessThan:
      kind = S::LessThan;
      break;
    case E::LessOrEqual:
      kind = S::LessOrEqual;
      break;
  }
  return store::IndexLookup{kind, std::move(hint.attribute), std::move(hint.value)};
}

store::Query make_query(const Context& ctx, const Prepared& prepared) {
  store::Query q;
  q.max_sorted = ctx.config.max_sort_results;
  if (prepared.filter) {
    set_index_lookups(*prepared.filter, q);
    q.must_contain = scan_needles(*prepared.filter);
    q.predicate = [f = &*prepared.filter](const nlohmann::json& r) {
      return engine::matches(*f, r);
    };
  }
  if (prepared.sort) {
    q.sort = [s = &*prepared.sort](std::vector<const nlohmann::json*>& v) {
      engine::sort_resources(v, *s);
    };
  }
  return q;
}

nlohmann::json list_body(std::size_t total, std::size_t start_index, nlohmann::json resources) {
  return {{"schemas", {urn::kListResponse}},
          {"totalResults", total},
          {"itemsPerPage", resources.size()},
          {"startIndex", start_index},
          {"Resources", std::move(resources)}};
}

Result<engine::PageRequest> page_of(const Context& ctx, const ListParams& p) {
  return engine::parse_page(p.start_index, p.count, ctx.config.max_results);
}

engine::PageWindow window_of(const Context& ctx, const engine::PageRequest& page) {
  // The window before knowing the total: offset and length as if every match existed.
  return engine::page_window(std::numeric_limits<std::size_t>::max() / 2, page,
                             ctx.config.max_results);
}

nlohmann::json project_page(const Context& ctx, const ResourceType& type, const Prepared& prepared,
                            std::vector<nlohmann::json>::iterator first,
                            std::vector<nlohmann::json>::iterator last) {
  nlohmann::json resources = nlohmann::json::array();
  for (auto it = first; it != last; ++it) {
    resources.push_back(engine::project(present(ctx, type, std::move(*it)), prepared.projection,
                                        ctx.registry, type));
  }
  return resources;
}

// RFC 9865: unsorted pages come from the store's keyset on the creation order (constant memory
// per request); sorted ones from the sorted matches (bounded by max_sort_results), placed by the
// anchor's sort value and creation sequence.
Response list_by_cursor(const Context& ctx, const ResourceType& type, const Prepared& prepared,
                        const CursorPlan& plan) {
  store::Query q = make_query(ctx, prepared);
  if (!prepared.sort) {
    q.keyset = keyset_of(plan);
    q.limit = plan.page_size;
  }
  auto result = ctx.store.query(type.id, q);
  if (!result) return error_response(result.error());
  std::vector<engine::CursorAnchor> anchors;
  CursorWindow window{0, result->page.size(), result->more_ahead, result->more_behind};
  if (prepared.sort) {
    for (std::size_t i = 0; i < result->page.size(); ++i) {
      anchors.push_back({engine::sort_value(result->page[i], *prepared.sort), 0, result->seqs[i]});
    }
    window = cursor_window(anchors, plan, &*prepared.sort);
    anchors = {anchors.begin() + static_cast<long>(window.begin),
               anchors.begin() + static_cast<long>(window.end)};
  } else {
    for (auto seq : result->seqs) anchors.push_back({nullptr, 0, seq});
  }
  auto first = result->page.begin() + static_cast<long>(window.begin);
  auto resources =
      project_page(ctx, type, prepared, first, first + static_cast<long>(anchors.size()));
  return json_response(
      200, cursor_list_body(ctx, plan, window, anchors, result->total, std::move(resources)));
}

}  // namespace

void set_index_lookups(const engine::Filter& filter, store::Query& q) {
  if (auto hint = engine::index_hint(filter)) {
    q.lookup = to_lookup(std::move(*hint));
    return;
  }
  auto any = engine::index_hints_any(filter);
  if (!any) return;
  q.lookup_any.emplace();
  for (auto& hint : *any) q.lookup_any->push_back(to_lookup(std::move(hint)));
}

std::vector<store::ScanNeedle> scan_needles(const engine::Filter& filter) {
  std::vector<store::ScanNeedle> out;
  for (auto& hint : engine::scan_hints(filter)) {
    out.push_back({std::move(hint.attribute), std::move(hint.needle)});
  }
  return out;
}

Response list_resources(const Context& ctx, const ResourceType& type, const ListParams& params) {
  auto prepared = prepare(ctx, type, params, true);
  if (!prepared) return error_response(prepared.error());
  auto cursor = plan_cursor(ctx, type.id, params);
  if (!cursor) return error_response(cursor.error());
  if (*cursor) return list_by_cursor(ctx, type, *prepared, **cursor);
  auto page = page_of(ctx, params);
  if (!page) return error_response(page.error());
  const auto window = window_of(ctx, *page);
  if (!prepared->sort && engine::is_default_view(prepared->projection)) {
    const engine::Filter* filter = prepared->filter ? &*prepared->filter : nullptr;
    if (auto r = list_page_text(ctx, type, filter, page->start_index, window)) return std::move(*r);
  }
  store::Query q = make_query(ctx, *prepared);
  q.offset = window.offset;
  q.limit = window.length;
  auto result = ctx.store.query(type.id, q);
  if (!result) return error_response(result.error());
  auto resources = project_page(ctx, type, *prepared, result->page.begin(), result->page.end());
  return json_response(200, list_body(result->total, page->start_index, std::move(resources)));
}

}  // namespace scim::server
