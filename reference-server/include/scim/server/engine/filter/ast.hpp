// The filter AST of RFC 7644 §3.4.2.2 (Figure 1): logical nodes (and, or, not), attribute
// expressions (compare, pr) and value paths (attr[valFilter]). Every attribute reference is
// resolved against the schema at parse time, so evaluation never looks at a schema again.
#pragma once

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scim/protocol/schema.hpp"
#include "scim/server/engine/filter/datetime.hpp"

namespace scim::engine {

// RFC 7644 §3.4.2.2 Table 3 (attribute operators).
enum class CompareOp { Eq, Ne, Co, Sw, Ew, Gt, Ge, Lt, Le };

std::string_view to_string(CompareOp op);

// Where a value lives in the resource JSON, and what the schema says about it. For a top-level
// filter `extension_urn` names the extension object that holds the attribute (empty for core and
// common attributes). Inside a value path (`emails[type eq "work"]`) the node is one element of
// the parent, so only `name` is used.
struct AttrRef {
  std::string schema_urn;     // the defining schema; empty for common attributes and "schemas"
  std::string extension_urn;  // the JSON key holding the attribute; empty for core and common
  std::string name;           // canonical attribute name (as written when unknown)
  std::string sub_name;       // canonical sub-attribute name; empty when none
  // Definition of the attribute whose values are compared: the sub-attribute when present,
  // else the attribute. nullptr when the attribute is unknown (it then has no value).
  const Attribute* target = nullptr;
  // True when `sub_name` was implied: `emails co "x"` compares `emails.value` (§3.4.2.2).
  bool implicit_value = false;
  // The text the client wrote (for messages).
  std::string written;
  // Canonical dotted path for to_string() and index hints: "urn:...:User:department",
  // "name.givenName".
  std::string canonical;
};

// The literal of a comparison, pre-digested at parse time so evaluation does no parsing.
struct Literal {
  nlohmann::json json;             // as parsed (string, number, boolean or null)
  std::string folded;              // strings: lower-cased copy when the target is not caseExact
  std::optional<Instant> instant;  // dateTime targets: the parsed instant
  // "co" on strings: the KMP prefix table of the compared form (folded or exact), so that
  // substring search is linear in the value, whatever a hostile literal looks like.
  std::vector<std::size_t> prefix_table;
};

struct FilterNode {
  enum class Kind { And, Or, Not, Compare, Present, ValuePath };
  Kind kind = Kind::Present;
  // And / Or: two or more operands (chains are flattened); Not and ValuePath: exactly one.
  std::vector<std::unique_ptr<FilterNode>> children;
  // Compare / Present / ValuePath (the parent attribute).
  AttrRef attr;
  CompareOp op = CompareOp::Eq;
  Literal literal;
  // Offset of the node's first token in the filter text (for diagnostics).
  std::size_t offset = 0;
};

}  // namespace scim::engine
