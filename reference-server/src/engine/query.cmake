# Query half of scim::engine (RFC 7644 §3.4.2): filter lexer/parser/evaluator, index hints,
# sorting, paging and projection. Included by engine/CMakeLists.txt.
target_sources(scim_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/filter_compare.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_datetime.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_eval.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_lexer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_print.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filter_resolve.cpp
  ${CMAKE_CURRENT_LIST_DIR}/index_hint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sort.cpp
  ${CMAKE_CURRENT_LIST_DIR}/paginate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/projection_parse.cpp
  ${CMAKE_CURRENT_LIST_DIR}/projection.cpp)

if(SCIM_BUILD_TESTS)
  add_executable(engine_query_tests
    ${CMAKE_CURRENT_LIST_DIR}/filter_datetime_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/filter_parser_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/filter_eval_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/filter_rfc_examples_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/filter_limits_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/filter_lenient_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/index_hint_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sort_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/paginate_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/projection_test.cpp)
  target_link_libraries(engine_query_tests PRIVATE scim::engine GTest::gmock GTest::gtest_main)
  gtest_discover_tests(engine_query_tests PROPERTIES LABELS unit)
endif()

# Micro-benchmark: an executable, deliberately not registered with ctest.
add_executable(engine_query_bench ${CMAKE_CURRENT_LIST_DIR}/filter_bench.cpp)
target_link_libraries(engine_query_bench PRIVATE scim::engine CLI11::CLI11)
