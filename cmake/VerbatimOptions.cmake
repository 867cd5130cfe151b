option(VERBATIM_BUILD_TESTS "Build the GoogleTest suite" ON)
option(VERBATIM_WERROR "Treat compiler warnings as errors" OFF)
set(VERBATIM_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")
set(VERBATIM_SHARED_DIR "${CMAKE_SOURCE_DIR}/../shared" CACHE PATH
    "The team folder with seeds/, corpus-real/ and eval/ (tests that need it are skipped when absent)")
