// The scan pre-check of one query over one resource type (Query::must_contain): rules a record
// out without decoding it, from its search column (search_column.hpp) when the needle's
// attribute has one there, otherwise from the record's stored bytes (folded_search.hpp). Only a
// necessary condition: the query's predicate still decides every record it lets through.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "scim/server/store/folded_search.hpp"
#include "scim/server/store/type_table.hpp"

namespace scim::store {

class ScanPreCheck {
 public:
  ScanPreCheck(const TypeSpec& spec, const Query& query);
  // False only when the record cannot match the query's predicate.
  bool may_match(const Record& record) const;
  // Whether any check is done at all (else may_match is always true).
  bool active() const { return column_slot_.has_value() || bytes_.has_value(); }

 private:
  std::size_t slots_ = 0;                   // searched attributes of the type
  std::optional<std::size_t> column_slot_;  // the column needle's attribute
  std::string column_needle_;               // folded
  std::optional<FoldedSearcher> bytes_;     // the longest usable needle, over the record bytes
};

}  // namespace scim::store
