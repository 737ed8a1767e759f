# Installation and the Debian package (`cpack`, ci/package.sh): both binaries in bin/, man pages
# generated from their --help by help2man (Debian package help2man), the user docs and the results
# schema in share/doc/scim-toolkit/. The package is scim-toolkit_<version>_<arch>.deb; its
# dependencies come from dpkg-shlibdeps, so it installs on the Debian release it was built on.
option(SCIM_PACKAGE "Generate man pages (help2man) and configure the Debian package" OFF)

install(TARGETS scim-conformance scim-reference-server RUNTIME DESTINATION bin)
install(FILES README.md DESTINATION share/doc/scim-toolkit)
install(DIRECTORY docs/ DESTINATION share/doc/scim-toolkit/docs FILES_MATCHING PATTERN "*.md")
install(FILES reports/results.schema.json DESTINATION share/doc/scim-toolkit)

if(NOT SCIM_PACKAGE)
  return()
endif()

find_program(HELP2MAN help2man REQUIRED)
set(SCIM_MAN_DIR ${CMAKE_BINARY_DIR}/man)
set(SCIM_MAN_PAGES)
foreach(program scim-conformance scim-reference-server)
  set(page ${SCIM_MAN_DIR}/${program}.1)
  # scim-conformance's options live on its subcommands: their --help goes in as a section.
  set(include_args)
  set(include_commands)
  if(program STREQUAL "scim-conformance")
    set(include_file ${SCIM_MAN_DIR}/${program}.h2m)
    set(include_args --include=${include_file})
    set(include_commands COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/man-subcommands.sh
                         $<TARGET_FILE:${program}> ${include_file} run list diff)
  endif()
  # --version-string: the binaries have no --version flag; --no-info: Debian has no info pages.
  # Compressed with gzip -9n, as Debian policy §12.1 asks of man pages.
  add_custom_command(
    OUTPUT ${page}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${SCIM_MAN_DIR}
    ${include_commands}
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr
            --version-string=${PROJECT_VERSION} --name=${program} --section=1
            ${include_args} --output=${page} $<TARGET_FILE:${program}>
    COMMAND gzip -9nf ${page}
    DEPENDS ${program} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/man-subcommands.sh
    COMMENT "man page of ${program} (help2man)"
    VERBATIM)
  list(APPEND SCIM_MAN_PAGES ${page}.gz)
endforeach()
add_custom_target(man-pages ALL DEPENDS ${SCIM_MAN_PAGES})
install(FILES ${SCIM_MAN_PAGES} DESTINATION share/man/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME scim-toolkit)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "SCIM 2.0 conformance runner and strict reference server (RFC 7643, RFC 7644)")
set(CPACK_PACKAGE_CONTACT "SCIM toolkit maintainers <scim-toolkit@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE SCIM_DEB_ARCH
                OUTPUT_STRIP_TRAILING_WHITESPACE)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${SCIM_DEB_ARCH})
set(CPACK_DEBIAN_FILE_NAME ${CPACK_PACKAGE_NAME}_${PROJECT_VERSION}_${SCIM_DEB_ARCH}.deb)
# Only the runtime binaries: tests, the MCP server and the libraries' headers are not installed.
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};${PROJECT_NAME};ALL;/")
include(CPack)
