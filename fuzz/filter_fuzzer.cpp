// Fuzz target: RFC 7644 §3.4.2.2 filters. The input is a filter expression; it is parsed for
// Users and Groups, and a filter that parses is evaluated on an RFC 7643 §8.2-shaped User,
// printed, and turned into an index hint. Also parsed as a value filter inside "emails[...]".
// Nothing may crash, hang or leak; errors are values.
#include "fuzz_support.hpp"
#include "scim/server/engine/filter/filter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace scim;
  const auto text = fuzz::as_text(data, size);
  for (const ResourceType* type : {&fuzz::user_type(), &fuzz::group_type()}) {
    engine::FilterOptions options;
    options.reject_unknown_attributes = type == &fuzz::group_type();
    auto filter = engine::parse_filter(text, fuzz::registry(), *type, options);
    if (!filter) continue;
    (void)engine::matches(*filter, fuzz::sample_user());
    (void)filter->to_string();
    (void)engine::index_hint(*filter);
  }
  auto emails_path = fuzz::registry().resolve(fuzz::user_type(), std::string_view("emails"));
  const Attribute* emails = emails_path ? emails_path->attribute : nullptr;
  if (emails != nullptr) {
    auto value_filter =
        engine::parse_value_filter(text, fuzz::registry(), fuzz::user_type(), *emails);
    if (value_filter) {
      for (const auto& email : fuzz::sample_user()["emails"]) {
        (void)engine::matches(*value_filter, email);
      }
    }
  }
  return 0;
}
