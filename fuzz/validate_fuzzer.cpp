// Fuzz target: RFC 7643 §2, §3, §7 resource validation of arbitrary JSON. A JSON input is
// validated as a new User, as a replacement of the RFC 7643 §8.2-shaped User (immutable and
// readOnly rules against the stored one), and as a new Group.
#include "fuzz_support.hpp"
#include "scim/server/engine/validate/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace scim;
  auto input = nlohmann::json::parse(fuzz::as_text(data, size), nullptr, false);
  if (input.is_discarded()) return 0;
  const auto& reg = fuzz::registry();
  auto created =
      engine::validate_resource(input, reg, fuzz::user_type(), engine::WriteMode::Create, nullptr);
  if (created) (void)created->resource.dump();
  (void)engine::validate_resource(input, reg, fuzz::user_type(), engine::WriteMode::Replace,
                                  &fuzz::sample_user());
  engine::ValueOptions lenient;
  lenient.accept_non_canonical_values = true;
  (void)engine::validate_resource(input, reg, fuzz::group_type(), engine::WriteMode::Create,
                                  nullptr, lenient);
  return 0;
}
