// InMemoryStore::query: index-narrowed or full scans under the shared lock, with the predicate
// re-checking every candidate, then either a creation-ordered page or a bounded sort; and
// InMemoryStore::list_records, the same candidates in their stored form, undecided.
#include <mutex>

#include "scim/server/store/memory_store.hpp"
#include "scim/server/store/record_codec.hpp"
#include "scim/server/store/scan_pre_check.hpp"

namespace scim::store {
namespace {

// Keeps the matches that fall into [offset, offset + limit) while counting all of them.
struct Pager {
  const Query& query;
  QueryResult& out;
  void add(nlohmann::json&& resource, std::uint64_t seq) {
    const std::size_t n = out.total++;
    if (n >= query.offset && n - query.offset < query.limit) {
      out.page.push_back(std::move(resource));
      out.seqs.push_back(seq);
    }
  }
};

// How many sequence numbers ahead a pre-checked scan prefetches: far enough to hide a memory
// load behind the checks of the records in between.
constexpr std::uint64_t kPrefetchAhead = 8;

}  // namespace

Result<QueryResult> InMemoryStore::query(std::string_view type, const Query& q) const {
  std::shared_lock lock(mu_);
  const auto* t = table(type);
  if (!t) return ScimError{404, ScimType::None, "unknown resource type " + std::string(type)};
  if (q.keyset && !q.sort) return keyset_query(*t, q);
  QueryResult out;
  const auto candidates = t->candidates(q.lookup, q.lookup_any);
  out.used_index = candidates.has_value();

  std::vector<nlohmann::json> kept;  // only when sorting
  std::vector<std::uint64_t> kept_seqs;
  Pager pager{q, out};
  bool too_many = false;
  const ScanPreCheck pre_check(t->spec(), q);
  auto visit = [&](std::uint64_t seq, const Record& record) {
    if (!pre_check.may_match(record)) return;  // cannot match: not decoded
    if (!q.predicate && !q.sort) {
      // Unfiltered listing: only the page is decoded, the rest is merely counted.
      const std::size_t n = out.total++;
      if (n >= q.offset && n - q.offset < q.limit) {
        out.page.push_back(materialize(*t, record));
        out.seqs.push_back(seq);
      }
      return;
    }
    nlohmann::json resource = materialize(*t, record);
    if (q.predicate && !q.predicate(resource)) return;
    if (!q.sort) return pager.add(std::move(resource), seq);
    if (kept.size() >= q.max_sorted) {
      too_many = true;
      return;
    }
    kept.push_back(std::move(resource));
    kept_seqs.push_back(seq);
  };
  if (candidates) {
    for (auto seq : *candidates) {
      if (const Record* r = t->by_seq(seq); r && !too_many) visit(seq, *r);
    }
  } else {
    const RecordTable& records = t->records();
    const bool checks = pre_check.active();
    for (auto it = records.begin(); it != records.end() && !too_many; ++it) {
      if (checks) records.prefetch(it.seq() + kPrefetchAhead);
      visit(it.seq(), it.record());
    }
  }
  if (too_many) {
    // RFC 7644 §3.12 tooMany: more results than the server is willing to sort.
    return ScimError{400, ScimType::TooMany,
                     "the query matches more than " + std::to_string(q.max_sorted) +
                         " resources, too many to sort; narrow the filter"};
  }
  if (q.sort) {
    std::vector<const nlohmann::json*> order;
    order.reserve(kept.size());
    for (const auto& r : kept) order.push_back(&r);
    q.sort(order);
    for (const auto* r : order) {
      pager.add(nlohmann::json(*r), kept_seqs[static_cast<std::size_t>(r - kept.data())]);
    }
  }
  return out;
}

std::optional<RecordListing> InMemoryStore::list_records(std::string_view type,
                                                         const RecordQuery& q) const {
  std::shared_lock lock(mu_);
  const auto* t = table(type);
  if (!t) return std::nullopt;
  RecordListing out;
  auto list = [&](const Record& record) {
    ListedRecord entry{stored_form(*t, record), nullptr};
    if (!entry.record) entry.resource = materialize(*t, record);
    out.page.push_back(std::move(entry));
  };
  if (q.lookup) {
    auto candidates = t->candidates(*q.lookup);
    if (!candidates) return std::nullopt;
    for (auto seq : *candidates) {
      const Record* r = t->by_seq(seq);
      if (!r) continue;
      const std::size_t n = out.total++;
      if (n >= q.offset && n - q.offset < q.limit) list(*r);
    }
    return out;
  }
  // Every record: counted, and only the page's copied (an unfiltered listing).
  const RecordTable& records = t->records();
  out.total = records.size();
  std::size_t n = 0;
  for (auto it = records.begin(); it != records.end(); ++it, ++n) {
    if (n < q.offset) continue;
    if (n - q.offset >= q.limit) break;
    list(it.record());
  }
  return out;
}

}  // namespace scim::store
