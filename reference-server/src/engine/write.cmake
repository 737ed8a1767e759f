# Write half of scim::engine (owned by engine-write): PATCH (RFC 7644 §3.5.2) and resource
# validation for create/replace (RFC 7644 §3.3, §3.5.1; RFC 7643 §2, §7). Included from
# CMakeLists.txt, so paths are relative to this directory.
target_sources(scim_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/json_access.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lenient.cpp
  ${CMAKE_CURRENT_LIST_DIR}/value_types.cpp
  ${CMAKE_CURRENT_LIST_DIR}/value_shape.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validation_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/path.cpp
  ${CMAKE_CURRENT_LIST_DIR}/patch_target.cpp
  ${CMAKE_CURRENT_LIST_DIR}/patch_add.cpp
  ${CMAKE_CURRENT_LIST_DIR}/patch_remove.cpp
  ${CMAKE_CURRENT_LIST_DIR}/patch_replace.cpp
  ${CMAKE_CURRENT_LIST_DIR}/patch_valuepath.cpp
  ${CMAKE_CURRENT_LIST_DIR}/patch_expand.cpp
  ${CMAKE_CURRENT_LIST_DIR}/patch.cpp)
# Binary values are checked with OpenSSL's base64 decoder (RFC 7643 §2.3.6).
target_link_libraries(scim_engine PRIVATE OpenSSL::Crypto)

if(SCIM_BUILD_TESTS)
  add_executable(engine_write_tests
    ${CMAKE_CURRENT_LIST_DIR}/value_types_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/validation_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/path_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/patch_rfc_examples_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/patch_errors_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lenient_test.cpp)
  target_link_libraries(engine_write_tests PRIVATE scim::engine GTest::gtest_main)
  gtest_discover_tests(engine_write_tests PROPERTIES LABELS unit)
endif()
