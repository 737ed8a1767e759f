// InMemoryStore::keyset_query: pages found from a creation sequence (RFC 9865 cursors) rather than
// an offset. Records are kept in creation order (TypeTable::records) and a sequence number is
// never reused, so a resource that exists throughout a paging session is seen exactly once,
// whatever is created or deleted between pages. Unfiltered pages seek in the record table; filtered
// ones scan once in creation order to count totalResults, keeping at most limit + 1 resources.
#include <algorithm>
#include <deque>

#include "scim/server/store/memory_store.hpp"
#include "scim/server/store/scan_pre_check.hpp"

namespace scim::store {
namespace {

struct Entry {
  std::uint64_t seq;
  nlohmann::json resource;
};

void emit(QueryResult& out, std::vector<Entry>&& entries) {
  out.page.reserve(entries.size());
  out.seqs.reserve(entries.size());
  for (auto& e : entries) {
    out.seqs.push_back(e.seq);
    out.page.push_back(std::move(e.resource));
  }
}

}  // namespace

QueryResult InMemoryStore::keyset_query(const TypeTable& t, const Query& q) const {
  const Keyset& k = *q.keyset;
  QueryResult out;
  std::vector<Entry> page;
  const auto& records = t.records();
  if (!q.lookup && !q.lookup_any && !q.predicate) {
    out.total = records.size();
    if (!k.backward) {
      auto it = records.upper_bound(k.bound);
      out.more_behind = it != records.begin();
      for (; it != records.end() && page.size() < q.limit; ++it) {
        page.push_back({it.seq(), materialize(t, it.record())});
      }
      out.more_ahead = it != records.end();
    } else {
      auto it = records.lower_bound(k.bound);
      out.more_behind = it != records.end();
      while (it != records.begin() && page.size() < q.limit) {
        --it;
        page.push_back({it.seq(), materialize(t, it.record())});
      }
      out.more_ahead = it != records.begin();
      std::reverse(page.begin(), page.end());
    }
    emit(out, std::move(page));
    return out;
  }
  const auto candidates = t.candidates(q.lookup, q.lookup_any);
  out.used_index = candidates.has_value();
  std::deque<Entry> window;  // backward: the last `limit` matches before the bound
  const ScanPreCheck pre_check(t.spec(), q);
  auto visit = [&](std::uint64_t seq, const Record& record) {
    if (!pre_check.may_match(record)) return;  // cannot match: not decoded
    nlohmann::json resource = materialize(t, record);
    if (q.predicate && !q.predicate(resource)) return;
    ++out.total;
    if (!k.backward) {
      if (seq <= k.bound) {
        out.more_behind = true;
      } else if (page.size() < q.limit) {
        page.push_back({seq, std::move(resource)});
      } else {
        out.more_ahead = true;
      }
    } else if (seq >= k.bound) {
      out.more_behind = true;
    } else {
      window.push_back({seq, std::move(resource)});
      if (window.size() > q.limit) {
        window.pop_front();
        out.more_ahead = true;
      }
    }
  };
  if (candidates) {
    for (auto seq : *candidates) {
      if (const Record* r = t.by_seq(seq)) visit(seq, *r);
    }
  } else {
    const bool checks = pre_check.active();
    for (auto it = records.begin(); it != records.end(); ++it) {
      if (checks) records.prefetch(it.seq() + 8);  // as in memory_store_query.cpp
      visit(it.seq(), it.record());
    }
  }
  if (k.backward)
    page.assign(std::make_move_iterator(window.begin()), std::make_move_iterator(window.end()));
  emit(out, std::move(page));
  return out;
}

}  // namespace scim::store
