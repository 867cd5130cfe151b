# Used by scripts/fuzz.sh only while the top-level CMakeLists.txt does not yet say
#   if(VERBATIM_FUZZ) add_subdirectory(tests/fuzz) endif()
# Passed as CMAKE_PROJECT_INCLUDE, it reads tests/fuzz/CMakeLists.txt at the end of the
# top-level directory, once verbatim::core exists (add_subdirectory cannot be deferred).
if(VERBATIM_FUZZ AND PROJECT_NAME STREQUAL "verbatim")
  set(_verbatim_fuzz_list "${CMAKE_CURRENT_LIST_DIR}/CMakeLists.txt")
  cmake_language(EVAL CODE "cmake_language(DEFER CALL include [[${_verbatim_fuzz_list}]])")
endif()
