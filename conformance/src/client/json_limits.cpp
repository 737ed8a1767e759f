// Depth-checked JSON parsing: a SAX pass that only counts nesting runs first and aborts early, then
// the real parse builds the document.
#include "scim/conformance/json_limits.hpp"

#include "scim/protocol/json_sax.hpp"

namespace scim::conf {
namespace {

class DepthProbe final : public JsonSaxBase<> {
 public:
  explicit DepthProbe(std::size_t max_depth) : max_(max_depth) {}
  bool start_object(std::size_t) override { return ++depth_ <= max_; }
  bool end_object() override { return depth_-- > 0; }
  bool start_array(std::size_t) override { return ++depth_ <= max_; }
  bool end_array() override { return depth_-- > 0; }

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
