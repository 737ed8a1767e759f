// Anchor translation unit of scim::engine (the halves add their sources via query.cmake and
// write.cmake), so the library exists even before either half has sources.
namespace scim::engine {
const char* engine_name() {
  return "scim-engine";
}
}  // namespace scim::engine
