// ListResponse pages (RFC 7644 §3.4.2) written from the records' stored bytes: the default view
// of each resource is written as default_view_text writes a GET's (resource_view.hpp), and an
// indexed equality filter is decided on the member the record holds, read during the same walk,
// so neither the filter nor the answer needs a decoded tree. What the text writer declines
// falls back to the tree path for that resource, with the same answer.
#include <limits>

#include "scim/protocol/urns.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/endpoints/list.hpp"
#include "scim/server/endpoints/resource_view.hpp"

namespace scim::server {
namespace {

using nlohmann::json;

// At most this many index candidates are decided from their stored forms (a userName or id has
// one, bar hash collisions); more (an externalId many resources share) go to the tree path.
constexpr std::size_t kMaxTextCandidates = 64;

// The tree path's text of one resource: present(), the default projection, dump.
std::string tree_text(const Context& ctx, const ResourceType& type, json resource) {
  return engine::project(present(ctx, type, std::move(resource)), engine::Projection{},
                         ctx.registry, type)
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

// Appends to `out` the default view of a listed resource when it matches `filter` (null: no
// filter); false, with `out` as it was, when it does not. `attribute` is the one top-level
// attribute the filter reads.
bool append_listed_text(const Context& ctx, const ResourceType& type, const engine::Filter* filter,
                        std::string_view attribute, store::ListedRecord& entry, std::string& out) {
  if (entry.record) {
    const std::size_t mark = out.size();
    MemberCapture capture{attribute};
    const bool written =
        append_default_view_text(ctx, type, *entry.record, out, filter ? &capture : nullptr);
    if (written && !filter) return true;
    if (written && capture.scalar) {
      // The filter reads this member alone, so it decides the same on it as on the resource.
      json holder = json::object();
      if (capture.found) holder[std::string(attribute)] = std::move(capture.value);
      if (engine::matches(*filter, holder)) return true;
      out.resize(mark);
      return false;
    }
    out.resize(mark);
    entry.resource = decoded_record(*entry.record);  // declined: the tree path's answer
  }
  if (filter && !engine::matches(*filter, entry.resource)) return false;
  out += tree_text(ctx, type, std::move(entry.resource));
  return true;
}

// The attribute an index lookup alone decides the filter on (a single `eq` on id, externalId,
// userName or a group's displayName: engine::index_hint's exact hints); nullopt for any other.
std::optional<engine::IndexHint> decidable_hint(const engine::Filter& filter) {
  auto hint = engine::index_hint(filter);
  if (!hint || !hint->exact || hint->kind != engine::IndexHint::Kind::Equals) return std::nullopt;
  if (hint->attribute.find_first_of(".:") != std::string::npos) return std::nullopt;
  return hint;
}

// RFC 7644 §3.4.2 Figure 3's members after the resources' texts (the tree path's member order:
// "Resources" first). The ListResponse URN is plain ASCII: the serializer writes it as it is.
void close_list_envelope(std::string& out, std::size_t total, std::size_t start_index,
                         std::size_t shown) {
  out += "],\"itemsPerPage\":";
  out += std::to_string(shown);
  out += ",\"schemas\":[\"";
  out += urn::kListResponse;
  out += "\"],\"startIndex\":";
  out += std::to_string(start_index);
  out += ",\"totalResults\":";
  out += std::to_string(total);
  out += '}';
}

}  // namespace

std::optional<Response> list_page_text(const Context& ctx, const ResourceType& type,
                                       const engine::Filter* filter, std::size_t start_index,
                                       const engine::PageWindow& window) {
  store::RecordQuery q;
  std::optional<engine::IndexHint> hint;
  if (filter) {
    hint = decidable_hint(*filter);
    if (!hint) return std::nullopt;
    q.lookup = store::IndexLookup{store::IndexLookup::Kind::Equals, hint->attribute, hint->value};
    q.limit = kMaxTextCandidates;
  } else {
    q.offset = window.offset;  // unfiltered: every record matches, the store pages
    q.limit = window.length;
  }
  auto listing = ctx.store.list_records(type.id, q);
  if (!listing || (filter && listing->total > listing->page.size())) return std::nullopt;
  const std::string_view attribute = hint ? std::string_view(hint->attribute) : "";
  std::size_t total = filter ? 0 : listing->total;
  std::size_t shown = 0;
  std::string out = "{\"Resources\":[";
  for (auto& entry : listing->page) {
    const std::size_t mark = out.size();
    if (shown > 0) out += ',';
    if (!append_listed_text(ctx, type, filter, attribute, entry, out)) {
      out.resize(mark);
      continue;
    }
    if (filter) {
      // Every candidate is decided, so totalResults counts the matches; the page is taken from
      // them in creation order, as the store's query() takes it.
      const std::size_t n = total++;
      if (n < window.offset || n - window.offset >= window.length) {
        out.resize(mark);
        continue;
      }
    }
    ++shown;
  }
  close_list_envelope(out, total, start_index, shown);
  return json_text_response(200, std::move(out));
}

}  // namespace scim::server
