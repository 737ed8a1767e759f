// The scan pre-check (see scan_pre_check.hpp).
#include "scim/server/store/scan_pre_check.hpp"

#include <algorithm>

#include "scim/protocol/strings.hpp"
#include "scim/server/store/search_column.hpp"

namespace scim::store {

ScanPreCheck::ScanPreCheck(const TypeSpec& spec, const Query& query)
    : slots_(std::min(spec.searched.size(), kMaxSearchedAttributes)) {
  if (!query.predicate) return;
  for (const auto& n : query.must_contain) {
    // A type's computed "groups" (RFC 7643 §4.1.2) is not in its stored bytes, nor are a
    // group's "members" (kept beside the record, member_list.hpp), and the "schemas" URNs are
    // stored as codes (record_codec.cpp), so a needle on any of them cannot be checked there.
    if (n.needle.empty() || (spec.exposes_groups && iequals(n.attribute, "groups")) ||
        (spec.holds_members && iequals(n.attribute, "members")) ||
        iequals(n.attribute, "schemas")) {
      continue;
    }
    if (!bytes_) bytes_.emplace(n.needle);
    // The needles come longest first, but any needle with a column beats a longer one without:
    // the column is a few dozen bytes, the record about a kilobyte.
    if (!column_slot_) {
      column_slot_ = searched_slot(spec, n.attribute);
      if (column_slot_) column_needle_ = to_lower(n.needle);
    }
  }
}

bool ScanPreCheck::may_match(const Record& record) const {
  if (column_slot_) {
    if (auto text = search_segment(record.search(), slots_, *column_slot_)) {
      return text->find(column_needle_) != std::string_view::npos;
    }
  }
  return !bytes_ || bytes_->found_in(record.bytes());
}

}  // namespace scim::store
