// The search column (see search_column.hpp).
#include "scim/server/store/search_column.hpp"

#include "scim/protocol/strings.hpp"

namespace scim::store {
namespace {

constexpr std::size_t kNotKept = 0xFFFF;

// Appends every string under `value` (recursively through objects and arrays), folded.
void append_strings(const nlohmann::json& value, std::string& out) {
  if (value.is_string()) {
    out += to_lower(value.get_ref<const std::string&>());
    out.push_back('\0');
  } else if (value.is_structured()) {
    for (const auto& item : value) append_strings(item, out);
  }
}

void put_length(std::string& column, std::size_t slot, std::size_t length) {
  column[2 * slot] = static_cast<char>(length & 0xFF);
  column[2 * slot + 1] = static_cast<char>((length >> 8) & 0xFF);
}

std::size_t length_at(std::string_view column, std::size_t slot) {
  return static_cast<unsigned char>(column[2 * slot]) |
         (static_cast<std::size_t>(static_cast<unsigned char>(column[2 * slot + 1])) << 8);
}

}  // namespace

std::string make_search_column(const TypeSpec& spec, const nlohmann::json& resource) {
  std::string column;
  make_search_column_into(spec, resource, column);
  column.shrink_to_fit();
  return column;
}

void make_search_column_into(const TypeSpec& spec, const nlohmann::json& resource,
                             std::string& column) {
  const std::size_t slots = std::min(spec.searched.size(), kMaxSearchedAttributes);
  column.clear();
  if (slots == 0) return;
  column.resize(2 * slots, '\0');
  for (std::size_t slot = 0; slot < slots; ++slot) {
    const std::size_t start = column.size();
    auto it = resource.find(spec.searched[slot]);
    if (it != resource.end()) append_strings(*it, column);
    std::size_t length = column.size() - start;
    if (length > kMaxSearchedBytes) {
      column.resize(start);
      length = kNotKept;
    }
    put_length(column, slot, length);
  }
}

std::optional<std::size_t> searched_slot(const TypeSpec& spec, std::string_view attribute) {
  const std::size_t slots = std::min(spec.searched.size(), kMaxSearchedAttributes);
  for (std::size_t slot = 0; slot < slots; ++slot) {
    if (iequals(spec.searched[slot], attribute)) return slot;
  }
  return std::nullopt;
}

std::optional<std::string_view> search_segment(std::string_view column, std::size_t slots,
                                               std::size_t slot) {
  if (slot >= slots || column.size() < 2 * slots) return std::nullopt;
  std::size_t at = 2 * slots;
  for (std::size_t s = 0; s < slot; ++s) {
    const std::size_t length = length_at(column, s);
    if (length != kNotKept) at += length;
  }
  const std::size_t length = length_at(column, slot);
  if (length == kNotKept || at + length > column.size()) return std::nullopt;
  return column.substr(at, length);
}

}  // namespace scim::store
