// Typed comparison of attribute values with filter literals (RFC 7644 §3.4.2.2, RFC 7643 §2.3).
#include "scim/server/engine/filter/compare.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

namespace scim::engine {
namespace {

constexpr char fold(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equal_at(std::string_view hay, std::size_t at, std::string_view needle, bool case_exact) {
  for (std::size_t i = 0; i < needle.size(); ++i) {
    const char a = hay[at + i];
    const char b = needle[i];
    if (case_exact ? a != b : fold(a) != fold(b)) return false;
  }
  return true;
}

// KMP search (linear in |hay| + |needle|); `table` is build_prefix_table(needle). Falls back to
// the short quadratic scan only when no table was prepared (tiny needles from callers in tests).
bool contains(std::string_view hay, std::string_view needle, bool case_exact,
              const std::vector<std::size_t>& table) {
  if (needle.empty()) return true;
  if (needle.size() > hay.size()) return false;
  if (table.size() != needle.size()) {
    for (std::size_t at = 0; at + needle.size() <= hay.size(); ++at)
      if (equal_at(hay, at, needle, case_exact)) return true;
    return false;
  }
  std::size_t matched = 0;
  for (const char raw : hay) {
    const char c = case_exact ? raw : fold(raw);
    while (matched > 0 && needle[matched] != c) matched = table[matched - 1];
    if (needle[matched] == c) ++matched;
    if (matched == needle.size()) return true;
  }
  return false;
}

bool ordering_matches(CompareOp op, std::partial_ordering c) {
  switch (op) {
    case CompareOp::Eq:
      return c == 0;
    case CompareOp::Ne:
      return c != 0;
    case CompareOp::Gt:
      return c > 0;
    case CompareOp::Ge:
      return c >= 0;
    case CompareOp::Lt:
      return c < 0;
    case CompareOp::Le:
      return c <= 0;
    default:
      return false;
  }
}

// Strings, references and binaries. The literal's folded copy is used when not caseExact.
bool compare_string(std::string_view v, CompareOp op, const Literal& lit, bool case_exact) {
  const std::string_view l =
      case_exact ? std::string_view(lit.json.get_ref<const std::string&>()) : lit.folded;
  switch (op) {
    case CompareOp::Co:
      return contains(v, l, case_exact, lit.prefix_table);
    case CompareOp::Sw:
      return v.size() >= l.size() && equal_at(v, 0, l, case_exact);
    case CompareOp::Ew:
      return v.size() >= l.size() && equal_at(v, v.size() - l.size(), l, case_exact);
    default:
      return ordering_matches(op, compare_text(v, l, case_exact));
  }
}

bool compare_datetime(const nlohmann::json& v, CompareOp op, const Literal& lit) {
  const auto& text = v.get_ref<const std::string&>();
  if (op == CompareOp::Co || op == CompareOp::Sw || op == CompareOp::Ew) {
    return compare_string(text, op, lit, false);
  }
  const auto instant = parse_datetime(text);
  if (!instant || !lit.instant) return false;
  return ordering_matches(op, *instant <=> *lit.instant);
}

}  // namespace

std::vector<std::size_t> build_prefix_table(std::string_view needle) {
  std::vector<std::size_t> table(needle.size(), 0);
  std::size_t k = 0;
  for (std::size_t i = 1; i < needle.size(); ++i) {
    while (k > 0 && needle[i] != needle[k]) k = table[k - 1];
    if (needle[i] == needle[k]) ++k;
    table[i] = k;
  }
  return table;
}

std::weak_ordering compare_text(std::string_view a, std::string_view b, bool case_exact) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(case_exact ? a[i] : fold(a[i]));
    const auto y = static_cast<unsigned char>(case_exact ? b[i] : fold(b[i]));
    if (x != y) return x < y ? std::weak_ordering::less : std::weak_ordering::greater;
  }
  return a.size() <=> b.size();
}

std::optional<std::partial_ordering> compare_numbers(const nlohmann::json& a,
                                                     const nlohmann::json& b) {
  if (!a.is_number() || !b.is_number()) return std::nullopt;
  if (a.is_number_integer() && b.is_number_integer()) {
    // Mixed signed/unsigned: an unsigned value above INT64_MAX is larger than any signed one.
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    const bool a_big = a.is_number_unsigned() && a.get<std::uint64_t>() > kMax;
    const bool b_big = b.is_number_unsigned() && b.get<std::uint64_t>() > kMax;
    if (a_big || b_big) {
      if (a_big && b_big) return a.get<std::uint64_t>() <=> b.get<std::uint64_t>();
      return a_big ? std::partial_ordering::greater : std::partial_ordering::less;
    }
    return a.get<std::int64_t>() <=> b.get<std::int64_t>();
  }
  const auto c = a.get<double>() <=> b.get<double>();
  if (c == std::partial_ordering::unordered) return std::nullopt;
  return c;
}

bool compare_value(const nlohmann::json& v, CompareOp op, const Literal& lit,
                   const Attribute& target) {
  switch (target.type) {
    case AttributeType::String:
    case AttributeType::Reference:
    case AttributeType::Binary:
      if (!v.is_string() || !lit.json.is_string()) return false;
      return compare_string(v.get_ref<const std::string&>(), op, lit,
                            target.case_exact || target.type == AttributeType::Binary);
    case AttributeType::Boolean:
      if (!v.is_boolean() || !lit.json.is_boolean()) return false;
      return op == CompareOp::Eq ? v == lit.json : op == CompareOp::Ne && v != lit.json;
    case AttributeType::Integer:
    case AttributeType::Decimal: {
      const auto c = compare_numbers(v, lit.json);
      return c && ordering_matches(op, *c);
    }
    case AttributeType::DateTime:
      if (!v.is_string() || !lit.json.is_string()) return false;
      return compare_datetime(v, op, lit);
    case AttributeType::Complex:
      return false;
  }
  return false;
}

}  // namespace scim::engine
