// Fuzz target: RFC 7644 §3.5.2 PATCH. The input is tried two ways: as a PATCH "path" (parsed and
// resolved against User), and, when it is JSON, as a PatchOp request body applied atomically to
// an RFC 7643 §8.2-shaped User, with the strict options and with every leniency flag on.
#include "fuzz_support.hpp"
#include "scim/server/engine/patch/patch.hpp"
#include "scim/server/engine/patch/path.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace scim;
  const auto text = fuzz::as_text(data, size);
  (void)engine::parse_patch_path(text, fuzz::registry(), fuzz::user_type(), 4096);
  auto body = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return 0;
  engine::PatchOptions strict;
  auto applied =
      engine::apply_patch(fuzz::sample_user(), body, fuzz::registry(), fuzz::user_type(), strict);
  if (applied) (void)applied->resource.dump();
  engine::PatchOptions lenient;
  lenient.accept_non_canonical_values = true;
  lenient.create_unmatched_values = true;
  lenient.ignore_unmatched_removes = true;
  (void)engine::apply_patch(fuzz::sample_user(), body, fuzz::registry(), fuzz::user_type(),
                            lenient);
  return 0;
}
