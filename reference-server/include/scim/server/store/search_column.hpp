// The search column: beside each record, an ASCII-folded copy of the text of the attributes that
// identity providers search by substring (TypeSpec::searched: userName, displayName, name,
// emails), so a `co`/`sw`/`ew` scan reads a few dozen bytes per resource instead of its whole
// encoded record (issue 19, scenario 4). It only rules records out: a record whose column lacks
// the needle cannot match, and the filter engine still decides every other one.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "scim/server/store/resource_store.hpp"

namespace scim::store {

// At most this many searched attributes per type, and this many folded bytes per attribute: a
// longer attribute is marked as not kept, and a scan falls back to the record's bytes for it.
inline constexpr std::size_t kMaxSearchedAttributes = 8;
inline constexpr std::size_t kMaxSearchedBytes = 0xFFFE;

// The column of `resource`: one 2-byte length per searched attribute, then each attribute's
// string values (every JSON string under it, sub-attributes included), ASCII-folded, each
// followed by a NUL. A needle spanning two values is a harmless false candidate.
std::string make_search_column(const TypeSpec& spec, const nlohmann::json& resource);
// The same column, written into `column` (replacing what it held) so that a writer can reuse one
// buffer.
void make_search_column_into(const TypeSpec& spec, const nlohmann::json& resource,
                             std::string& column);

// Which of spec.searched `attribute` (a ScanNeedle::attribute) is, case-insensitively.
std::optional<std::size_t> searched_slot(const TypeSpec& spec, std::string_view attribute);

// The folded text of searched attribute `slot` in `column`; nullopt when it was too long to
// keep (or the column predates the slot), i.e. the column cannot rule the record out.
std::optional<std::string_view> search_segment(std::string_view column, std::size_t slots,
                                               std::size_t slot);

}  // namespace scim::store
