# Settings every component applies to its targets, by explicit call (no deferred magic):
#   scim_target_defaults(<target>)   the shared precompiled header for a library or executable
#   scim_add_test(<name> LABEL unit|e2e|browser|slow SOURCES <files...> LINKS <targets...>)
#                                    a GoogleTest executable linked with gtest_main and gmock,
#                                    registered with CTest under its label
option(SCIM_PRECOMPILED_HEADERS "Precompile the heavy common headers" ON)
# nlohmann/json and GoogleTest dominate compile time on a 2-core machine. They are precompiled
# once for all libraries and executables (scim_pch) and once for all tests (scim_pch_tests), and
# every target reuses one of the two: a header per target would be compiled ~50 times.
set(SCIM_PCH_HEADERS <string> <vector> <map> <memory> <optional> <functional> <nlohmann/json.hpp>)

if(SCIM_PRECOMPILED_HEADERS)
  file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/scim_pch_anchor.cpp
       CONTENT "// The translation unit that carries the shared precompiled header.\n")
  add_library(scim_pch STATIC ${CMAKE_BINARY_DIR}/scim_pch_anchor.cpp)
  target_link_libraries(scim_pch PRIVATE nlohmann_json::nlohmann_json)
  target_precompile_headers(scim_pch PRIVATE ${SCIM_PCH_HEADERS})
  if(SCIM_BUILD_TESTS)
    add_library(scim_pch_tests STATIC ${CMAKE_BINARY_DIR}/scim_pch_anchor.cpp)
    target_link_libraries(scim_pch_tests PRIVATE nlohmann_json::nlohmann_json GTest::gmock
                                                 GTest::gtest)
    target_precompile_headers(scim_pch_tests PRIVATE ${SCIM_PCH_HEADERS} <gtest/gtest.h>)
  endif()
endif()

# With SCIM_FUZZ (the asan preset, clang), the libraries and programs carry libFuzzer's coverage
# instrumentation (-fsanitize=fuzzer-no-link), so that the fuzzers linking them see the edges they
# reach. The test executables do not: they run sanitized but are never fuzzed, and at -O0 the
# instrumentation costs a quarter of their compile time (measured in docs/reliability.md).
set(SCIM_FUZZ_COMPILE_OPTIONS "")
if(SCIM_FUZZ)
  set(SCIM_FUZZ_COMPILE_OPTIONS -fsanitize=fuzzer-no-link)
  if(SCIM_PRECOMPILED_HEADERS)
    target_compile_options(scim_pch PRIVATE ${SCIM_FUZZ_COMPILE_OPTIONS})
  endif()
endif()

function(scim_target_defaults target)
  target_compile_options(${target} PRIVATE ${SCIM_FUZZ_COMPILE_OPTIONS})
  if(SCIM_PRECOMPILED_HEADERS)
    target_precompile_headers(${target} REUSE_FROM scim_pch)
  endif()
endfunction()

function(scim_add_test name)
  cmake_parse_arguments(T "" "LABEL" "SOURCES;LINKS;PROPERTIES" ${ARGN})
  if(NOT T_LABEL)
    message(FATAL_ERROR "scim_add_test(${name}): LABEL is required (unit, e2e, browser or slow)")
  endif()
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LINKS} GTest::gmock GTest::gtest_main)
  if(SCIM_PRECOMPILED_HEADERS)
    target_precompile_headers(${name} REUSE_FROM scim_pch_tests)
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS ${T_LABEL} ${T_PROPERTIES})
endfunction()

# Sanitized binaries run several times slower (ASan about 2-3x, TSan 5-15x), so the sanitizer
# presets scale every test's TIMEOUT property; the bound still catches a hang.
set(SCIM_TEST_TIMEOUT_SCALE 1 CACHE STRING "Multiplier of every test's TIMEOUT (sanitizer presets)")

# scim_test_timeout(<out-var> <seconds>): <seconds> times SCIM_TEST_TIMEOUT_SCALE.
function(scim_test_timeout out seconds)
  math(EXPR scaled "${seconds} * ${SCIM_TEST_TIMEOUT_SCALE}")
  set(${out} ${scaled} PARENT_SCOPE)
endfunction()
