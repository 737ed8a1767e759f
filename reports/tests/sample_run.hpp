// A hand-built RunResult covering every outcome and level, several RFC sections (including the
// natural-order case 3.7 < 3.10), credentials that must be redacted, and a hostile server's
// response (markup, control bytes, invalid UTF-8). Golden files are rendered from it.
#pragma once

#include "scim/conformance/model.hpp"

namespace scim::reports::testing {

conf::RunResult sample_run();

// A run where every check passed (verdict PASS).
conf::RunResult passing_run();

// Markup a hostile server puts in its responses; reports must show it as text.
inline constexpr const char* kInjectedScript = "<script>alert(1)</script>";
inline constexpr const char* kInjectedImage = "<img src=x onerror=alert(2) id=pwned>";
inline constexpr const char* kSecretToken = "s3cr3t-t0ken";

}  // namespace scim::reports::testing
