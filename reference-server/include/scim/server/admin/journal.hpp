// The request journal (the mock's memory): per tenant, a bounded ring of what clients sent and
// what they got back — method, target, headers with credentials redacted, bodies (bounded),
// status, duration, the leniencies the request needed, the behaviour variant or fault that
// shaped the answer — plus audit entries for every change made through the admin API.
//
// This is the C++ interface later layers read (metrics, client grading): append() from the
// request path, query() and stats() from anywhere; every method is thread-safe. The ring evicts
// its oldest entries first and never holds more than `max_entries` entries or about `max_bytes`
// bytes, whichever bound is hit first.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scim::admin {

struct JournalLimits {
  std::size_t max_entries = 1000;           // the ring's size (--journal-size)
  std::size_t max_bytes = 8 * 1024 * 1024;  // all captured text of one ring, about
  std::size_t max_body_bytes = 16 * 1024;   // each captured body; the rest is cut off
};

// A body as captured: its first max_body_bytes, and how long it really was.
struct CapturedBody {
  std::string text;
  std::size_t size = 0;
  bool truncated = false;
};
CapturedBody capture_body(const std::string& body, std::size_t max_bytes);
// The same, into `out`: its text keeps its capacity, so a reused entry captures without
// allocating.
void capture_body(const std::string& body, std::size_t max_bytes, CapturedBody& out);

// The paging members of a ListResponse body ({"totalResults", "startIndex"?, "itemsPerPage"?,
// "nextCursor"?}); null for any other body (list_page.cpp).
nlohmann::json list_page(const std::string& body);

using Headers = std::vector<std::pair<std::string, std::string>>;

struct JournalEntry {
  enum class Kind { Request, Audit };
  Kind kind = Kind::Request;
  std::uint64_t seq = 0;  // set by append(): increasing within one ring
  std::chrono::system_clock::time_point time;
  std::string tenant;      // "" for requests that reached no tenant (unauthenticated)
  std::string request_id;  // X-Request-Id (the client's, or one the journal made)
  std::string credential;  // the credential's label ("token#1", "admin#1"); never the secret

  // Requests: as received and as answered.
  std::string method;
  std::string target;       // request-target as sent: "/scim/v2/Users?filter=..."
  std::string path;         // relative to the SCIM base ("/Users/2819c223"), absolute outside it
  Headers request_headers;  // lower-case names; Authorization/Cookie values redacted
  CapturedBody request_body;
  int status = 0;
  Headers response_headers;
  CapturedBody response_body;
  // A ListResponse whose captured body was cut short: its totalResults, startIndex,
  // itemsPerPage and nextCursor (list_page()), which a large page's cut copy has lost; null
  // otherwise. The client grading reads it (client-rfc7644/3.4.2.4/paging).
  nlohmann::json page;
  // From the request's arrival in the middleware chain to this layer's answer (the span the access
  // log and the metrics time too), without an injected delay.
  std::chrono::microseconds duration{0};
  std::vector<std::string> leniencies;  // engine/lenient names (docs/lenient.md)
  std::vector<std::string> variants;    // behaviour variants that changed the answer
  std::string fault;                    // the injected fault; "" when none
  std::chrono::milliseconds delay{0};   // injected latency

  // Audit entries: what the admin API changed.
  std::string action;  // "tenant.create", "tenant.reset", "settings.patch", ...
  nlohmann::json detail;

  std::size_t bytes() const;  // approximate memory held, for the ring's byte bound
};

// Which entries a query returns. Every set field must match.
struct JournalQuery {
  std::optional<std::string> method = {};     // case-insensitive
  std::optional<std::string> path_glob = {};  // glob.hpp, against JournalEntry::path
  std::optional<int> status = {};             // exact status (404) ...
  std::optional<int> status_class = {};       // ... or class: 4 for 4xx
  std::optional<std::chrono::system_clock::time_point> since = {};  // time >= since
  std::optional<std::chrono::system_clock::time_point> until = {};  // time < until
  std::optional<JournalEntry::Kind> kind = {};
  std::size_t limit = 100;  // the most recent `limit` matches
};

struct JournalStats {
  std::size_t size = 0;
  std::size_t max_entries = 0;
  std::size_t bytes = 0;
  std::uint64_t appended = 0;
  std::uint64_t evicted = 0;
};

struct JournalPage {
  std::vector<JournalEntry> entries;  // oldest first
  std::size_t matched = 0;            // matches in the ring, before `limit`
};

class Journal {
 public:
  explicit Journal(JournalLimits limits = {});

  // Stores the entry (its seq assigned) and evicts the oldest entries beyond the bounds. The
  // entry is swapped into its slot of the ring: afterwards `entry` holds what that slot held
  // (the entry the ring evicted for it, or null), whose strings a caller may fill again rather
  // than allocate new ones (JournalMiddleware does). A null entry is not stored.
  std::uint64_t append(std::unique_ptr<JournalEntry>& entry);
  // The same for an entry by value (moved into the ring).
  std::uint64_t append(JournalEntry&& entry);
  JournalPage query(const JournalQuery& query) const;
  void clear();  // the counters of appended and evicted entries are kept
  JournalStats stats() const;
  const JournalLimits& limits() const { return limits_; }

 private:
  JournalLimits limits_;
  // The slot the next entry goes into, evicting the oldest when the ring holds max_entries.
  std::size_t claim_slot();
  void evict_oldest();

  mutable std::mutex mu_;
  // A circular buffer of at most max_entries slots: the entries are slots_[head_], then the
  // next count_ - 1 slots, wrapping. The entry a slot held when the entry bound evicts it goes
  // back to the caller for reuse (steady state allocates no entry and frees none); one the
  // byte bound evicts is freed, so memory stays near that bound.
  std::vector<std::unique_ptr<JournalEntry>> slots_;
  // bytes() of the entry in each slot: computed once, when the entry comes in, and subtracted
  // as it was when the entry leaves (bytes() walks every header and string).
  std::vector<std::size_t> held_;
  std::size_t head_ = 0;
  std::size_t count_ = 0;
  std::size_t bytes_ = 0;
  std::uint64_t next_seq_ = 1;
  std::uint64_t evicted_ = 0;
};

bool matches(const JournalQuery& query, const JournalEntry& entry);

}  // namespace scim::admin
