// Public API of the filter engine (RFC 7644 §3.4.2.2): parse a filter expression into an AST
// resolved against a resource type's schemas, evaluate it on a resource (or on one value of a
// multi-valued complex attribute, for value paths), and derive index hints for the store.
// The PATCH engine uses parse_value_filter/matches for "emails[type eq \"work\"]" paths.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/error.hpp"
#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/engine/filter/datetime.hpp"

namespace scim::engine {

struct FilterNode;  // defined in filter/ast.hpp

// An immutable parsed filter. Cheap to move; evaluation is const and thread-safe.
class Filter {
 public:
  Filter();
  explicit Filter(std::shared_ptr<const FilterNode> root);
  const FilterNode& root() const { return *root_; }
  // Canonical text (normalised spacing, canonical attribute names), for logs and tests.
  std::string to_string() const;

 private:
  std::shared_ptr<const FilterNode> root_;
};

// Hard limits that keep hostile filters cheap (explicit, as the brief asks).
struct FilterLimits {
  std::size_t max_length = 64 * 1024;  // characters
  std::size_t max_depth = 64;          // nesting of (), not(), [] combined
  std::size_t max_terms = 1024;        // comparisons + presence tests
};

// Parses a full filter for resources of `type`. Attribute names resolve case-insensitively through
// `registry` (core schema, common attributes, URN-qualified extension attributes). Unknown
// attributes are accepted and simply have no value (RFC 7644 §3.4.2.2 leaves it to the server;
// this engine chooses "no match", strict mode can reject them with `reject_unknown_attributes`).
// Errors: 400 invalidFilter with a detail that names the position ("at offset 17: ...").
struct FilterOptions {
  FilterLimits limits;
  bool reject_unknown_attributes = false;
};
Result<Filter> parse_filter(std::string_view text, const Registry& registry,
                            const ResourceType& type, const FilterOptions& options = {});

// Parses the filter inside a value path bracket (`emails[type eq "work"]`): attribute names are
// sub-attributes of `parent` (a multi-valued or single complex attribute).
Result<Filter> parse_value_filter(std::string_view text, const Registry& registry,
                                  const ResourceType& type, const Attribute& parent,
                                  const FilterOptions& options = {});

// Evaluates a filter on a resource (parse_filter) or on one element of the parent attribute
// (parse_value_filter). Never throws on any JSON shape. Semantics chosen where RFC 7644 §3.4.2.2
// is silent (each is tested in evaluate_test.cpp / parser_test.cpp):
//  - multi-valued: a match when any value satisfies the operator, for "ne" too (so
//    `emails.type ne "work"` matches a user with a home and a work email);
//  - unknown and unassigned attributes have no value: every comparison, "ne" included, and "pr"
//    are false; `attr eq null` means "not pr" and `attr ne null` means "pr" (RFC 7643 §2.5);
//  - "pr" is false for null, "", [], {} and arrays/objects holding only such values;
//  - `emails co "x"` (multi-valued complex, no sub-attribute) compares emails.value; other
//    complex attributes need a sub-attribute (400 invalidFilter);
//  - literal types must suit the attribute: strings for string/reference/binary/dateTime,
//    numbers for integer/decimal, true/false for boolean (else 400 invalidFilter); gt/ge/lt/le on
//    boolean/binary and co/sw/ew on boolean/integer/decimal are 400 invalidFilter at parse time;
//  - dateTime eq/ne/gt/ge/lt/le compare instants (offsets and fractions honoured, a missing offset
//    is UTC); co/sw/ew compare the text; stored values that do not parse never match;
//  - caseExact=false strings compare with ASCII case folding (binary is always case-exact).
//  - a value path on a single complex attribute (`name[givenName eq "B"]`) is accepted.
bool matches(const Filter& filter, const nlohmann::json& node);

// What a filter pins, so the store can use an index instead of a scan. index_hint only gives one
// when the whole filter is (or is an `and` with) a single equality/range term on an indexed
// attribute; index_hints_any covers an `or` of such filters.
struct IndexHint {
  enum class Kind { Equals, GreaterThan, GreaterOrEqual, LessThan, LessOrEqual };
  Kind kind = Kind::Equals;
  std::string attribute;  // canonical path: "id", "userName", "externalId", "displayName",
                          // "meta.lastModified"
  nlohmann::json value;   // the literal compared with
  bool exact = false;     // true when the hint alone decides the filter (no residual terms)
  // How the index must compare for `exact` to hold: Equals on a caseExact=false attribute
  // (userName, Group displayName) needs a case-insensitive index (RFC 7643 §2.2 caseExact).
  bool case_exact = false;
  // Range hints on meta.lastModified: the literal as an instant, since dateTime order is
  // chronological, not textual ("2011-05-13T06:42:34+02:00" == "2011-05-13T04:42:34Z").
  std::optional<Instant> instant;
};
std::optional<IndexHint> index_hint(const Filter& filter);
// The hints of an `or` each of whose operands an index can narrow (an indexed term, or an `and`
// with one), for instance `userName eq "a" or externalId eq "b"`: every match is among the union
// of their candidates (RFC 7644 §3.4.2.2: "or" matches when either expression is true). Operands
// that no resource can match (a comparison on an attribute the schemas do not define) add none,
// and a filter that no resource can match gets an empty list: no candidates at all. nullopt when
// the filter is not such an `or` and can match, or when one operand needs a scan. No hint is
// exact: the store re-checks the whole filter on every candidate.
std::optional<std::vector<IndexHint>> index_hints_any(const Filter& filter);

// A substring every match must contain (scan_hints). A match of `co`, `sw`, `ew` on a string,
// reference, binary or dateTime value, or of `eq` on a string, reference or binary value, holds
// the literal inside that value's text (ASCII-folded when the attribute is not caseExact), so a
// resource whose stored text does not contain the ASCII-folded literal anywhere cannot match.
// The store uses this to skip records without decoding them; it still re-checks every
// remaining candidate with the whole filter, so a hint only speeds a scan up.
struct ScanHint {
  std::string attribute;  // the top-level attribute the term reads ("emails", or
                          // "<extension urn>:<name>"), so the store can tell computed ones
  std::string needle;     // the literal, ASCII lower-cased; never empty
};
// The hints of the terms that every match must satisfy: the filter itself, the operands of an
// `and`, and the filter inside a value path, recursively (`or` and `not` give none). Longest
// needle first: the longest is usually the most selective.
std::vector<ScanHint> scan_hints(const Filter& filter);

}  // namespace scim::engine
