// Request JSON under the server's rules (see json_text.hpp): one SAX pass that checks each event
// and hands it on to nlohmann's own DOM builder. The pass stops at the first broken rule, so a
// hostile body (10,000-deep nesting, a duplicate member) costs no more than the bytes before it,
// and a good body is lexed once instead of twice (once to validate, once to build).
#include "scim/server/api/json_text.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "member_names.hpp"
#include "scim/protocol/json_sax.hpp"
#include "scim/server/api/json_parsers.hpp"

namespace scim::server {
namespace {

using json = nlohmann::json;

// nlohmann::json's out_of_range.406: a number literal that does not fit a double or an integer.
constexpr int kNumberOverflow = 406;

ScimError too_deep(std::size_t max_depth) {
  return invalid_syntax("the request body nests deeper than " + std::to_string(max_depth) +
                        " levels");
}

// Whether a container at `depth` (the outermost is 1), or one inside it, is deeper than allowed.
bool nests_deeper(const json& value, std::size_t max_depth, std::size_t depth) {
  if (!value.is_structured()) return false;
  if (depth > max_depth) return true;
  for (const auto& child : value) {
    if (nests_deeper(child, max_depth, depth + 1)) return true;
  }
  return false;
}

// Tracks nesting and the member names of every open object, and builds the value (nlohmann's
// DOM builder, fed only the events that passed). Returning false stops the parse.
class Validator final : public JsonSaxBase<json> {
 public:
  Validator(std::size_t max_depth, json& result) : max_depth_(max_depth), dom_(result, false) {}

  std::optional<ScimError> error;

  bool null() override { return dom_.null(); }
  bool boolean(bool v) override { return dom_.boolean(v); }
  bool number_integer(number_integer_t v) override { return dom_.number_integer(v); }
  bool number_unsigned(number_unsigned_t v) override { return dom_.number_unsigned(v); }
  bool number_float(number_float_t v, const string_t& s) override {
    return dom_.number_float(v, s);
  }
  bool string(string_t& v) override { return dom_.string(v); }
  bool binary(binary_t& v) override { return dom_.binary(v); }
  bool start_object(std::size_t n) override {
    if (!enter()) return false;
    if (open_ == levels_.size()) levels_.emplace_back();
    levels_[open_++].clear();
    return dom_.start_object(n);
  }
  bool key(string_t& name) override {
    if (levels_[open_ - 1].add(name)) return dom_.key(name);
    return fail(invalid_syntax("the request body names the member \"" + name.substr(0, 128) +
                               "\" twice in one object (member names are compared without case, "
                               "RFC 7643 §2.1)"));
  }
  bool end_object() override {
    --open_;
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t n) override { return enter() && dom_.start_array(n); }
  bool end_array() override {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& e) override {
    const std::string what = e.what();
    if (e.id == kNumberOverflow) {
      // RFC 8259 §9 lets a parser limit the range of numbers; the text is JSON, the value is not
      // one this server can hold (RFC 7644 Table 9: "not compatible with the ... attribute type").
      return fail(invalid_value("a number in the request body is out of range near byte " +
                                std::to_string(position) + " (RFC 8259 §9)"));
    }
    if (what.find("UTF-8") != std::string::npos) {
      return fail(invalid_syntax("the request body is not valid UTF-8 near byte " +
                                 std::to_string(position) + " (RFC 8259 §8.1)"));
    }
    return fail(invalid_syntax("the request body is not valid JSON: " + what));
  }

 private:
  bool enter() {
    if (++depth_ <= max_depth_) return true;
    return fail(too_deep(max_depth_));
  }
  bool fail(ScimError e) {
    if (!error) error = std::move(e);
    return false;
  }

  std::size_t max_depth_;
  std::size_t depth_ = 0;
  // One entry per open object, kept for reuse by the next object at that depth (each is
  // cleared when its object starts); open_ of them are in use. Bounded by max_depth_.
  std::vector<detail::MemberNames<std::string>> levels_;
  std::size_t open_ = 0;
  nlohmann::detail::json_sax_dom_parser<json> dom_;
};

}  // namespace

Result<json> parse_json_text(std::string_view text, std::size_t max_depth,
                             const JsonParsers* parsers, std::size_t readable) {
  if (parsers != nullptr) {
    if (auto fast = parsers->try_parse(text, std::max(readable, text.size()), max_depth)) {
      return std::move(*fast);
    }
  }
  json value;
  Validator validator(max_depth, value);
  const bool ok = json::sax_parse(text, &validator, json::input_format_t::json, /*strict=*/true);
  if (!ok || validator.error) {
    return validator.error.value_or(invalid_syntax("the request body is not valid JSON"));
  }
  return value;
}

std::optional<ScimError> check_nesting(const json& value, std::size_t max_depth) {
  if (nests_deeper(value, max_depth, 1)) return too_deep(max_depth);
  return std::nullopt;
}

}  // namespace scim::server
