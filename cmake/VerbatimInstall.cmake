# Installation and packaging: `cmake --install build [--prefix DIR]` and `cpack -G DEB` (in build/).
#
#   bin/verbatim-index, bin/verbatim-search
#   lib/libverbatim_core.a, lib/libverbatim_cli.a
#   include/verbatim/**                         the public headers
#   lib/cmake/Verbatim/                         find_package(Verbatim) → Verbatim::verbatim
#   share/verbatim/gazetteer/*.tsv              found by the programs beside bin/ (find_data_folder)
#   share/verbatim/web/*                        found by verbatim-search --serve (find_web_folder)
#   share/man/man1/verbatim-{index,search}.1    from --help by help2man, when it is installed
#   share/bash-completion/completions/verbatim-{index,search}
#
# The file has a second use: run with `cmake -P` it writes one man page (the first block below).

if(CMAKE_SCRIPT_MODE_FILE)
  # ---- cmake -DHELP2MAN=… -DPROGRAM=… -DOUTPUT=… -DTITLE=… -DVERSION=… [-DSUBCOMMANDS=a,b] -P this-file
  # help2man reads the program's --help and --version. verbatim-index's top-level --help only
  # names its subcommands, so each subcommand's options (`PROGRAM SUB --help`, Boost's layout)
  # are added as an include file: a section "SUB OPTIONS" with one .TP entry per option.
  cmake_minimum_required(VERSION 3.25)
  get_filename_component(name "${PROGRAM}" NAME)
  set(include_text "")
  function(roff_escape text out)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REPLACE "-" "\\-" text "${text}")
    string(REGEX REPLACE "^([.'])" "\\\\&\\1" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
  endfunction()
  if(SUBCOMMANDS)
    string(REPLACE "," ";" SUBCOMMANDS "${SUBCOMMANDS}")
    foreach(sub IN LISTS SUBCOMMANDS)
      execute_process(COMMAND "${PROGRAM}" ${sub} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
      if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${name} ${sub} --help exited with ${rc}")
      endif()
      # Lines as a list; brackets and semicolons would upset CMake's list splitting.
      string(REPLACE "[" "@LB@" help "${help}")
      string(REPLACE "]" "@RB@" help "${help}")
      string(REPLACE ";" "@SC@" help "${help}")
      string(REPLACE "\n" ";" lines "${help}")
      # Boost pads option names to one column; find it from a line with padding to spare.
      set(column 0)
      set(in_options FALSE)
      foreach(line IN LISTS lines)
        string(REPLACE "@LB@" "[" line "${line}")
        string(REPLACE "@RB@" "]" line "${line}")
        string(REPLACE "@SC@" ";" line "${line}")
        if(line MATCHES "^Options")
          set(in_options TRUE)
        elseif(in_options AND column EQUAL 0 AND line MATCHES "^(  -[^ ]([^ ]| [^ ])*  +)[^ ]")
          string(LENGTH "${CMAKE_MATCH_1}" column)
        endif()
      endforeach()
      string(TOUPPER "${sub}" upper)
      roff_escape("${name} ${sub} [OPTIONS] PATH...\n" synopsis)
      string(APPEND include_text "[${upper} OPTIONS]\n${synopsis}")
      set(in_options FALSE)
      foreach(line IN LISTS lines)
        string(REPLACE "@LB@" "[" line "${line}")
        string(REPLACE "@RB@" "]" line "${line}")
        string(REPLACE "@SC@" ";" line "${line}")
        if(line MATCHES "^Options")
          set(in_options TRUE)
          continue()
        endif()
        if(NOT in_options OR line STREQUAL "")
          continue()
        endif()
        if(line MATCHES "^  -" AND column GREATER 0)
          string(SUBSTRING "${line}" 0 ${column} option)
          string(STRIP "${option}" option)
          string(LENGTH "${line}" length)
          if(length GREATER column)
            string(SUBSTRING "${line}" ${column} -1 text)
          else()
            set(text "")
          endif()
          roff_escape("${option}" option)
          roff_escape("${text}" text)
          string(APPEND include_text ".TP\n\\fB${option}\\fR\n${text}\n")
        else()
          string(STRIP "${line}" text)
          roff_escape("${text}" text)
          string(APPEND include_text "${text}\n")
        endif()
      endforeach()
      string(APPEND include_text "\n")
    endforeach()
  endif()
  if(name STREQUAL "verbatim-index")
    string(APPEND include_text
      "[ENVIRONMENT]\n.TP\n.B VERBATIM_DATA\nthe folder holding gazetteer/, when \\-\\-data is not given.\n\n"
      "[FILES]\n.TP\n.I PREFIX/share/verbatim/gazetteer/*.tsv\nregions, countries, organisations, given names "
      "and spelling variants that attribution reads (PREFIX: the folder above the program's bin/).\n\n"
      "[SEE ALSO]\n.BR verbatim-search (1)\n")
  elseif(name STREQUAL "verbatim-search")
    string(APPEND include_text
      "[ENVIRONMENT]\n.TP\n.B VERBATIM_INDEX\nthe index folder, when \\-\\-index is not given.\n"
      ".TP\n.B NO_COLOR\nno colours in text output.\n\n"
      "[FILES]\n.TP\n.I PREFIX/share/verbatim/web/\nthe web page that \\-\\-serve serves "
      "(PREFIX: the folder above the program's bin/).\n\n"
      "[SEE ALSO]\n.BR verbatim-index (1)\n")
  endif()
  set(include_file "${OUTPUT}.h2m")
  file(WRITE "${include_file}" "${include_text}")
  # help2man takes a second usage line only as "   or: PROGRAM …" (ours align it under the
  # first), and a list of subcommands ("extract  print …") as one paragraph unless blank lines
  # part them: the wrapper that help2man runs adjusts the text, not its content.
  set(wrapper "${OUTPUT}.wrap/${name}")
  file(WRITE "${wrapper}" "#!/bin/sh\n\"${PROGRAM}\" \"$@\" | sed -e 's/^       \\(${name} \\)/   or: \\1/' "
                          "-e 's/^\\([a-z][a-z-]*  \\)/\\n\\1/'\n")
  file(CHMOD "${wrapper}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE)
  execute_process(
    COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --name=${TITLE} "--source=Verbatim ${VERSION}" --include=${include_file}
            --output=${OUTPUT}.tmp "${wrapper}"
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "help2man failed (${rc}) for ${PROGRAM}")
  endif()
  file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
  return()
endif()

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The programs look for share/verbatim next to their bin/ folder (find_data_folder in
# shared/src/attribute/gazetteer.cpp, find_web_folder in searcher/main.cpp), so these are fixed.
set(VERBATIM_DATA_INSTALL_DIR share/verbatim)
set(VERBATIM_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Verbatim)

# ---- the library, its headers and the CMake package ----
# Consumers link Verbatim::verbatim (the engine); Verbatim::core and Verbatim::cli are there too.
add_library(verbatim_embed INTERFACE)
target_link_libraries(verbatim_embed INTERFACE verbatim_core)
set_target_properties(verbatim_embed PROPERTIES EXPORT_NAME verbatim)
add_library(Verbatim::verbatim ALIAS verbatim_embed)
set_target_properties(verbatim_core PROPERTIES EXPORT_NAME core)
set_target_properties(verbatim_cli PROPERTIES EXPORT_NAME cli)
# Linked privately by both libraries; a static library's link interface still names it.
set_target_properties(verbatim_warnings PROPERTIES EXPORT_NAME warnings)

install(TARGETS verbatim_core verbatim_cli verbatim_embed verbatim_warnings
  EXPORT VerbatimTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Runtime
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)
# (Their include directory is $<INSTALL_INTERFACE:include>, set in shared/CMakeLists.txt.)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/shared/include/verbatim
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT Development
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")
install(EXPORT VerbatimTargets
  NAMESPACE Verbatim::
  DESTINATION ${VERBATIM_CMAKE_INSTALL_DIR} COMPONENT Development)

get_target_property(_verbatim_core_type verbatim_core TYPE)
if(_verbatim_core_type STREQUAL "STATIC_LIBRARY")
  set(VERBATIM_STATIC_LIBRARIES ON)
else()
  set(VERBATIM_STATIC_LIBRARIES OFF)
endif()
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/VerbatimConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/VerbatimConfig.cmake
  INSTALL_DESTINATION ${VERBATIM_CMAKE_INSTALL_DIR}
  PATH_VARS VERBATIM_DATA_INSTALL_DIR)
# 0.x: a new minor version may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/VerbatimConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/VerbatimConfig.cmake ${PROJECT_BINARY_DIR}/cmake/VerbatimConfigVersion.cmake
  DESTINATION ${VERBATIM_CMAKE_INSTALL_DIR} COMPONENT Development)

# ---- the programs and their data ----
install(TARGETS verbatim-index verbatim-search RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)
# Globbed when installing, so files added later need no re-configure.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/corpus/gazetteer/
  DESTINATION ${VERBATIM_DATA_INSTALL_DIR}/gazetteer COMPONENT Runtime
  FILES_MATCHING PATTERN "*.tsv" PATTERN "README.md")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/
  DESTINATION ${VERBATIM_DATA_INSTALL_DIR}/web COMPONENT Runtime
  PATTERN "*~" EXCLUDE PATTERN ".*" EXCLUDE)
foreach(_verbatim_program verbatim-index verbatim-search)
  install(FILES ${PROJECT_SOURCE_DIR}/scripts/completion/${_verbatim_program}.bash
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
    RENAME ${_verbatim_program} COMPONENT Runtime)
endforeach()

# ---- man pages, from --help and --version by help2man (Debian: help2man) ----
find_program(HELP2MAN_EXECUTABLE help2man)
if(HELP2MAN_EXECUTABLE)
  set(_verbatim_man_pages "")
  foreach(_verbatim_program verbatim-index verbatim-search)
    set(_verbatim_page ${PROJECT_BINARY_DIR}/man/${_verbatim_program}.1)
    if(_verbatim_program STREQUAL "verbatim-index")
      set(_verbatim_args -DSUBCOMMANDS=extract,build "-DTITLE=split speeches and press releases into attributed statements and index them")
    else()
      set(_verbatim_args "-DTITLE=search attributed statements: who said what, where and when")
    endif()
    add_custom_command(OUTPUT ${_verbatim_page}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
      COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${HELP2MAN_EXECUTABLE} -DPROGRAM=$<TARGET_FILE:${_verbatim_program}>
              -DOUTPUT=${_verbatim_page} -DVERSION=${PROJECT_VERSION} ${_verbatim_args} -P ${CMAKE_CURRENT_LIST_FILE}
      DEPENDS ${_verbatim_program} ${CMAKE_CURRENT_LIST_FILE}
      COMMENT "Writing the man page ${_verbatim_program}.1 with help2man"
      VERBATIM)
    list(APPEND _verbatim_man_pages ${_verbatim_page})
  endforeach()
  add_custom_target(verbatim_man_pages ALL DEPENDS ${_verbatim_man_pages})
  install(FILES ${_verbatim_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT Runtime)
else()
  message(STATUS "help2man not found: the man pages are not built or installed (Debian: apt-get install help2man)")
endif()

# ---- CPack: a Debian package with all of the above (`cpack -G DEB` in the build folder) ----
set(VERBATIM_PACKAGE_MAINTAINER "Verbatim developers <verbatim@localhost>" CACHE STRING
    "The Maintainer field of the Debian package")
set(CPACK_PACKAGE_NAME verbatim)
set(CPACK_PACKAGE_VENDOR "Verbatim")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-text search over speeches and press releases, by speaker")
set(CPACK_PACKAGE_DESCRIPTION
    "Verbatim splits speeches, press releases and transcripts into statements, attributes each to its speaker with role, organisation, region and country, and indexes them with Xapian. This package holds the programs verbatim-index and verbatim-search, the gazetteer data, the web page, man pages and bash completion, and the static engine library with its headers and CMake package (find_package(Verbatim)).")
set(CPACK_PACKAGE_CONTACT "${VERBATIM_PACKAGE_MAINTAINER}")
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/;/\\\\.ci/")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${VERBATIM_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
find_program(DPKG_SHLIBDEPS_EXECUTABLE dpkg-shlibdeps)
if(DPKG_SHLIBDEPS_EXECUTABLE)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  # Debian 12's names, for building the package where dpkg-dev is missing.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libstdc++6, libgcc-s1, libxapian30, libicu72, libgumbo1, libcsv3, libspdlog1.10, libfmt9, libboost-program-options1.74.0, libcpp-httplib0.11, zlib1g")
endif()
# What embedding the static library needs at build time.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "libxapian-dev, nlohmann-json3-dev, libboost-program-options-dev, libspdlog-dev, libicu-dev, libgumbo-dev, libcsv-dev, zlib1g-dev, pkg-config, cmake")
include(CPack)
