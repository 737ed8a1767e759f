# scim_embed_files(<target> NAMESPACE <ns> FILES <files...>)
# Generates a source that exposes each file's bytes as std::string_view, so data files (schemas,
# HTML templates) ship inside the binary and stay editable as plain files in the tree.
# The generated header declares:  std::string_view <ns>::embedded(std::string_view file_name);
#                                 std::span<const std::string_view> <ns>::embedded_names();
function(scim_embed_files target)
  cmake_parse_arguments(EMB "" "NAMESPACE;HEADER" "FILES" ${ARGN})
  set(out_cpp ${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp)
  set(deps)
  foreach(f IN LISTS EMB_FILES)
    get_filename_component(abs ${f} ABSOLUTE)
    list(APPEND deps ${abs})
  endforeach()
  # "|" separates the list (a ";" would split the argument); VERBATIM quotes it for the shell.
  string(REPLACE ";" "|" files_arg "${deps}")
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DNS=${EMB_NAMESPACE} -DHEADER=${EMB_HEADER}
            "-DFILES=${files_arg}" -P ${SCIM_EMBED_SCRIPT}
    DEPENDS ${deps} ${SCIM_EMBED_SCRIPT}
    COMMENT "Embedding data files into ${target}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out_cpp})
endfunction()
set(SCIM_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/EmbedScript.cmake CACHE INTERNAL "")
