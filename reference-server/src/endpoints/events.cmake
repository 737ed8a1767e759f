# Included by this directory's CMakeLists.txt (hook for the events engineer): the bulk, async,
# feed and poll endpoint files globbed into scim_endpoints build on scim::events.
if(TARGET scim::events OR EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/../events/CMakeLists.txt)
  target_link_libraries(scim_endpoints PUBLIC scim::events)
endif()
