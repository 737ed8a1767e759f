// Display preparation of HTTP bodies for the HTML report (see html_parts.hpp).
#include <nlohmann/json.hpp>

#include "html_parts.hpp"
#include "scim/protocol/json_sax.hpp"
#include "scim/reports/text.hpp"

namespace scim::reports {
namespace {

// Pretty-printing recurses once per nesting level, so hostile bodies ("[[[[...") are shown as
// text beyond this depth instead of being re-serialised. SCIM documents nest a handful deep.
constexpr std::size_t kMaxJsonDepth = 64;

// SAX pass that only measures nesting and aborts (returns false) past kMaxJsonDepth, before
// any DOM is built.
class DepthProbe : public JsonSaxBase<nlohmann::ordered_json> {
 public:
  bool start_object(std::size_t) override { return ++depth_ <= kMaxJsonDepth; }
  bool end_object() override { return --depth_, true; }
  bool start_array(std::size_t) override { return ++depth_ <= kMaxJsonDepth; }
  bool end_array() override { return --depth_, true; }

 private:
  std::size_t depth_ = 0;
};

bool shallow_json(std::string_view body) {
  DepthProbe probe;
  return nlohmann::ordered_json::sax_parse(body, &probe);
}

}  // namespace

DisplayBody display_body(std::string_view body) {
  if (body.empty() || body.size() > kMaxBodyBytes || !shallow_json(body)) {
    return {clip(body, kMaxBodyBytes), "text"};
  }
  const auto doc = nlohmann::ordered_json::parse(body, nullptr, false);
  if (doc.is_discarded()) return {clip(body, kMaxBodyBytes), "text"};
  return {clip(doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
               kMaxBodyBytes),
          "json"};
}

}  // namespace scim::reports
