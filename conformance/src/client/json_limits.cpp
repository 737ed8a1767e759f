// Depth-checked JSON parsing: a SAX pass that only counts nesting runs first and aborts early, then
// the real parse builds the document.
#include "scim/conformance/json_limits.hpp"

namespace scim::conf {
namespace {

class DepthProbe final : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit DepthProbe(std::size_t max_depth) : max_(max_depth) {}
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return ++depth_ <= max_; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return depth_-- > 0; }
  bool start_array(std::size_t) override { return ++depth_ <= max_; }
  bool end_array() override { return depth_-- > 0; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  std::size_t max_;
  std::size_t depth_ = 0;
};

}  // namespace

std::optional<nlohmann::json> parse_json_limited(std::string_view text, std::size_t max_depth) {
  if (text.empty() || text.size() > kMaxJsonBytes) return std::nullopt;
  DepthProbe probe(max_depth);
  if (!nlohmann::json::sax_parse(text, &probe)) return std::nullopt;
  auto doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return std::nullopt;
  return doc;
}

}  // namespace scim::conf
