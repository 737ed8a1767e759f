// Request JSON under the server's rules (see json_text.hpp): a validating SAX pass that stops at
// the first broken rule, then nlohmann's own DOM parse of a text known to be acceptable.
#include "scim/server/api/json_text.hpp"

#include <string>
#include <unordered_set>
#include <vector>

#include "scim/protocol/json_sax.hpp"
#include "scim/protocol/strings.hpp"

namespace scim::server {
namespace {

using json = nlohmann::json;

// nlohmann::json's out_of_range.406: a number literal that does not fit a double or an integer.
constexpr int kNumberOverflow = 406;

// Tracks nesting and the member names of every open object. Returning false stops the parse.
class Validator final : public JsonSaxBase<json> {
 public:
  explicit Validator(std::size_t max_depth) : max_depth_(max_depth) {}

  std::optional<ScimError> error;

  bool start_object(std::size_t) override {
    names_.emplace_back();
    return enter();
  }
  bool key(string_t& name) override {
    if (names_.back().insert(to_lower(name)).second) return true;
    return fail(invalid_syntax("the request body names the member \"" + name.substr(0, 128) +
                               "\" twice in one object (member names are compared without case, "
                               "RFC 7643 §2.1)"));
  }
  bool end_object() override {
    names_.pop_back();
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override {
    --depth_;
    return true;
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
    return fail(invalid_syntax("the request body nests deeper than " + std::to_string(max_depth_) +
                               " levels"));
  }
  bool fail(ScimError e) {
    if (!error) error = std::move(e);
    return false;
  }

  std::size_t max_depth_;
  std::size_t depth_ = 0;
  std::vector<std::unordered_set<std::string>> names_;
};

}  // namespace

Result<json> parse_json_text(std::string_view text, std::size_t max_depth) {
  Validator validator(max_depth);
  const bool ok = json::sax_parse(text, &validator, json::input_format_t::json, /*strict=*/true);
  if (!ok || validator.error) {
    return validator.error.value_or(invalid_syntax("the request body is not valid JSON"));
  }
  auto value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return invalid_syntax("the request body is not valid JSON");
  return value;
}

}  // namespace scim::server
