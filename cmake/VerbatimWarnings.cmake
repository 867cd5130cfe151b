# Warnings for our own targets only: link verbatim::warnings, never edit CMAKE_CXX_FLAGS.
add_library(verbatim_warnings INTERFACE)
add_library(verbatim::warnings ALIAS verbatim_warnings)
target_compile_options(verbatim_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
                       $<$<BOOL:${VERBATIM_WERROR}>:-Werror>)
# The sanitizers ride on the same target (cmake/VerbatimSanitizers.cmake), build tree only.
target_link_libraries(verbatim_warnings INTERFACE $<BUILD_INTERFACE:verbatim_sanitizers>)
