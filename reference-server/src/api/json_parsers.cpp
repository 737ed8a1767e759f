// The request-body fast path (json_parsers.hpp): simdjson's DOM parser reads the text (checking
// its structure, its UTF-8 and its escapes, with SIMD, before anything is built) and the
// nlohmann tree is built from simdjson's tape bottom-up, strings copied once and children moved.
// The reference path (json_text.cpp) stays the source of truth: this one answers only when it
// gives the reference path's exact value, and says "ask the reference path" otherwise:
//   - on any simdjson error (bad syntax, bad UTF-8, an unescaped control character, a number
//     out of simdjson's range, trailing content, an empty body): the reference path's error
//     detail (and its number rules: an integer past 64 bits is a float there) is the answer;
//   - when a member name repeats without case (RFC 7643 §2.1) or nesting passes max_depth: the
//     reference path's error is the answer;
//   - when the text may hold "-0" (nlohmann: the integer 0; simdjson gives no sign to tell it
//     from the unsigned 0).
// simdjson refuses what nlohmann refuses in strings (lone or broken \u surrogates, unescaped
// control characters, invalid UTF-8) and in syntax; json_parsers_test.cpp pins each such case
// and the differential fuzzer (fuzz/json_fuzzer.cpp) holds the two paths to one answer.
// DOM rather than On-Demand: On-Demand validates lazily, while a value built here must stand for
// a document known to be whole and valid, and every value is visited anyway to build the tree.
#include "scim/server/api/json_parsers.hpp"

#include <simdjson.h>

#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "member_names.hpp"

namespace scim::server {
namespace {

using json = nlohmann::json;

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether the text may hold a literal whose nlohmann reading the fast path does not reproduce
// (see the top of the file). Conservative: a false "yes" only costs the reference path.
bool needs_reference_path(std::string_view text) {
  const std::size_t n = text.size();
  for (auto at = text.find("-0"); at != std::string_view::npos; at = text.find("-0", at + 1)) {
    // A number's own '-' follows a structural character or whitespace; after a digit or a
    // letter it is a date's or an exponent's ("2024-01", "1e-0").
    if (at > 0 && is_alnum(text[at - 1])) continue;
    const char next = at + 2 < n ? text[at + 2] : '\0';
    if (next != '.' && next != 'e' && next != 'E') return true;
  }
  return false;
}

using Levels = std::vector<detail::MemberNames<std::string_view>>;

// Builds the nlohmann value of one simdjson element; false when the reference path must answer.
class TreeBuilder {
 public:
  // `levels`: one set of names per open object depth, kept with the parser for reuse.
  TreeBuilder(std::size_t max_depth, Levels& levels) : max_depth_(max_depth), levels_(levels) {}

  bool build(simdjson::dom::element element, json& out) { return value(element, out, 0); }

 private:
  bool value(simdjson::dom::element element, json& out, std::size_t depth) {
    using Type = simdjson::dom::element_type;
    switch (element.type()) {
      case Type::OBJECT:
        return object(element.get_object().value_unsafe(), out, depth + 1);
      case Type::ARRAY:
        return array(element.get_array().value_unsafe(), out, depth + 1);
      case Type::STRING:
        out = std::string(element.get_string().value_unsafe());
        return true;
      case Type::INT64: {
        // nlohmann: a literal without fraction or exponent is unsigned when not negative.
        const std::int64_t v = element.get_int64().value_unsafe();
        if (v < 0) {
          out = v;
        } else {
          out = static_cast<std::uint64_t>(v);
        }
        return true;
      }
      case Type::UINT64:
        out = element.get_uint64().value_unsafe();
        return true;
      case Type::DOUBLE:
        out = element.get_double().value_unsafe();
        return true;
      case Type::BOOL:
        out = element.get_bool().value_unsafe();
        return true;
      case Type::NULL_VALUE:
        out = nullptr;
        return true;
    }
    return false;
  }

  bool object(simdjson::dom::object object, json& out, std::size_t depth) {
    if (depth > max_depth_) return false;
    if (levels_.size() < depth) levels_.resize(depth);
    // Indexed, not held by reference: a child object at depth + 1 may grow levels_.
    levels_[depth - 1].clear();
    out = json::object();
    auto& members = *out.get_ptr<json::object_t*>();
    for (const auto field : object) {
      if (!levels_[depth - 1].add(field.key)) return false;
      // Built in place; hinted at the end, as nlohmann and most clients write names sorted (an
      // unsorted name costs the ordinary insert). The name is new: add() above said so.
      auto at = members.emplace_hint(members.end(), std::string(field.key), nullptr);
      if (!value(field.value, at->second, depth)) return false;
    }
    return true;
  }

  bool array(simdjson::dom::array array, json& out, std::size_t depth) {
    if (depth > max_depth_) return false;
    out = json::array();
    auto& items = *out.get_ptr<json::array_t*>();
    items.reserve(array.size());
    for (const auto element : array) {
      items.emplace_back();
      if (!value(element, items.back(), depth)) return false;
    }
    return true;
  }

  std::size_t max_depth_;
  Levels& levels_;
};

}  // namespace

struct JsonParsers::Pool {
  struct Slot {
    simdjson::dom::parser parser;
    std::string padded;  // the text copied with SIMDJSON_PADDING bytes after it, when needed
    Levels levels;       // bounded by max_depth
  };

  std::size_t max_idle;
  std::mutex mu;
  std::vector<std::unique_ptr<Slot>> idle;  // at most max_idle

  std::unique_ptr<Slot> take() {
    {
      const std::lock_guard lock(mu);
      if (!idle.empty()) {
        auto slot = std::move(idle.back());
        idle.pop_back();
        return slot;
      }
    }
    return std::make_unique<Slot>();
  }

  void give(std::unique_ptr<Slot> slot) {
    if (slot->parser.capacity() + slot->padded.capacity() > kMaxKeptBytes) return;
    const std::lock_guard lock(mu);
    if (idle.size() < max_idle) idle.push_back(std::move(slot));
  }
};

JsonParsers::JsonParsers(std::size_t max_idle) : pool_(std::make_unique<Pool>()) {
  pool_->max_idle = max_idle;
}

JsonParsers::~JsonParsers() = default;

std::optional<nlohmann::json> JsonParsers::try_parse(std::string_view text, std::size_t readable,
                                                     std::size_t max_depth) const {
  if (needs_reference_path(text)) return std::nullopt;
  auto slot = pool_->take();
  const char* bytes = text.data();
  if (readable < text.size() + simdjson::SIMDJSON_PADDING) {
    slot->padded.assign(text);
    slot->padded.append(simdjson::SIMDJSON_PADDING, '\0');
    bytes = slot->padded.data();
  }
  std::optional<nlohmann::json> result;
  simdjson::dom::element root;
  if (slot->parser.parse(bytes, text.size(), /*realloc_if_needed=*/false).get(root) ==
      simdjson::SUCCESS) {
    json value;
    if (TreeBuilder(max_depth, slot->levels).build(root, value)) result = std::move(value);
  }
  pool_->give(std::move(slot));
  return result;
}

}  // namespace scim::server
