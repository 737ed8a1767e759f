# Settings every component applies to its targets, by explicit call (no deferred magic):
#   scim_target_defaults(<target>)   precompiled headers for a library or executable
#   scim_add_test(<name> LABEL unit|e2e|browser|slow SOURCES <files...> LINKS <targets...>)
#                                    a GoogleTest executable linked with gtest_main and gmock,
#                                    registered with CTest under its label
option(SCIM_PRECOMPILED_HEADERS "Precompile the heavy common headers" ON)
# nlohmann/json and GoogleTest dominate compile time on a 2-core machine.
set(SCIM_PCH_HEADERS <string> <vector> <map> <memory> <optional> <functional> <nlohmann/json.hpp>)

function(scim_target_defaults target)
  if(SCIM_PRECOMPILED_HEADERS)
    target_precompile_headers(${target} PRIVATE ${SCIM_PCH_HEADERS})
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
    target_precompile_headers(${name} PRIVATE ${SCIM_PCH_HEADERS} <gtest/gtest.h>)
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS ${T_LABEL} ${T_PROPERTIES})
endfunction()
