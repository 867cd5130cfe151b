# Warnings for our own targets only: link verbatim::warnings, never edit CMAKE_CXX_FLAGS.
add_library(verbatim_warnings INTERFACE)
add_library(verbatim::warnings ALIAS verbatim_warnings)
target_compile_options(verbatim_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
                       $<$<BOOL:${VERBATIM_WERROR}>:-Werror>)
if(VERBATIM_SANITIZE)
  target_compile_options(verbatim_warnings INTERFACE -fsanitize=${VERBATIM_SANITIZE} -fno-omit-frame-pointer)
  target_link_options(verbatim_warnings INTERFACE -fsanitize=${VERBATIM_SANITIZE})
endif()
