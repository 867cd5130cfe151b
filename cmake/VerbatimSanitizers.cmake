# VERBATIM_SANITIZE=address,undefined: every target of ours (the library, both programs, the
# test binaries) is built with those sanitizers through verbatim::warnings. A finding stops the
# program (-fno-sanitize-recover: UBSan does not report and go on), so the test that ran it
# fails; the tests run the sanitized programs of the same build folder.
#
#   cmake -S . -B build-asan -DVERBATIM_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=RelWithDebInfo
#
# The runtime options (tests/sanitizers/sanitizer_defaults.cpp.in, linked into each executable)
# are compiled in, so ctest, a test that spawns the programs and a person running
# build-asan/bin/verbatim-index by hand all get the same: stop at the first finding with exit
# status 86 (no program of ours uses it), leaks checked, third-party noise suppressed by the
# commented list tests/sanitizers/lsan.supp. ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS still
# override them.
add_library(verbatim_sanitizers INTERFACE)
if(VERBATIM_SANITIZE)
  message(STATUS "Sanitizers: ${VERBATIM_SANITIZE} (findings are fatal)")
  target_compile_options(verbatim_sanitizers INTERFACE -fsanitize=${VERBATIM_SANITIZE}
                         -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(verbatim_sanitizers INTERFACE -fsanitize=${VERBATIM_SANITIZE})
  set(VERBATIM_LSAN_SUPPRESSIONS ${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan.supp)
  configure_file(${PROJECT_SOURCE_DIR}/tests/sanitizers/sanitizer_defaults.cpp.in
                 ${PROJECT_BINARY_DIR}/generated/sanitizer_defaults.cpp @ONLY)
  # Executables only: the runtimes look these hooks up in the program.
  target_sources(verbatim_sanitizers INTERFACE
    $<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:${PROJECT_BINARY_DIR}/generated/sanitizer_defaults.cpp>)
endif()
